import { createRequire } from 'node:module';
import { fontFiles, type FontVariant } from './render-pdf.js';

const require = createRequire(import.meta.url);

interface PdfKitDocument {
  font(file: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  widthOfString(text: string): number;
}

export interface TextStyle {
  font?: string;
  bold?: boolean;
  italics?: boolean;
  fontSize: number;
}

let measurer: PdfKitDocument | undefined;

/**
 * The width in points of `text` set on one line, measured by pdfkit with the font files pdfmake
 * uses: the same measure pdfmake takes when it lays the text out.
 */
export function textWidth(text: string, style: TextStyle): number {
  if (text === '') return 0;
  if (!measurer) {
    const PDFDocument = require('pdfkit') as new (options: Record<string, unknown>) => PdfKitDocument;
    measurer = new PDFDocument({ autoFirstPage: false });
  }
  const family = fontFiles()[style.font ?? 'DejaVu'] ?? fontFiles()['DejaVu']!;
  const variant: FontVariant = style.bold ? (style.italics ? 'bolditalics' : 'bold') : style.italics ? 'italics' : 'normal';
  return measurer.font(family[variant]).fontSize(style.fontSize).widthOfString(text);
}
