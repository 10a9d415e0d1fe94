import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (file: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

export type FontVariant = 'normal' | 'bold' | 'italics' | 'bolditalics';

let fonts: Record<string, Record<FontVariant, string>> | undefined;

/** The font files of every family the PDFs use, by family and variant: DejaVu from npm, never system fonts. */
export function fontFiles(): Record<string, Record<FontVariant, string>> {
  if (fonts) return fonts;
  const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const font = (name: string) => path.join(fontDir, name);
  fonts = {
    DejaVu: { normal: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf'), italics: font('DejaVuSans-Oblique.ttf'), bolditalics: font('DejaVuSans-BoldOblique.ttf') },
    DejaVuMono: { normal: font('DejaVuSansMono.ttf'), bold: font('DejaVuSansMono-Bold.ttf'), italics: font('DejaVuSansMono-Oblique.ttf'), bolditalics: font('DejaVuSansMono-BoldOblique.ttf') },
  };
  return fonts;
}

let pdfmake: PdfMake | undefined;

/** pdfmake with the fonts of fontFiles(), no URL access at all, and local file access only to those font files. */
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const families = fontFiles();
  const allowed = new Set(Object.values(families).flatMap((family) => Object.values(family)));
  const instance = require('pdfmake') as PdfMake;
  instance.setFonts(families);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  pdfmake = instance;
  return instance;
}

/** Renders a pdfmake definition to PDF bytes. */
export async function renderPdf(definition: Record<string, unknown>): Promise<Buffer> {
  return engine().createPdf(definition).getBuffer();
}
