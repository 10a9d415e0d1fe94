import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
}

/** Reads a PDF back with pdf.js (Firefox's reader): each page's text, whitespace folded, and the info dictionary. */
export async function readPdf(file: string): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('').replace(/\s+/g, ' ').trim());
  }
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  await doc.destroy();
  return { pages, info };
}
