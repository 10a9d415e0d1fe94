/** pdfmake content: plain objects as pdfmake reads them. */
export type PdfContent = Record<string, unknown> | string | PdfContent[];

/** Where a link leads in a PDF: a URI (a web or mail address, or a file next to it), or a destination in the same PDF. */
export type PdfLink = { link: string } | { linkToDestination: string };
