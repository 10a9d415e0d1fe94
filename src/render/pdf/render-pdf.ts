import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (file: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

/**
 * pdfmake with DejaVu from npm (never system fonts, so every machine renders the same), no URL
 * access at all, and local file access only to those font files.
 */
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const font = (name: string) => path.join(fontDir, name);
  const fonts = {
    DejaVu: { normal: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf'), italics: font('DejaVuSans-Oblique.ttf'), bolditalics: font('DejaVuSans-BoldOblique.ttf') },
    DejaVuMono: { normal: font('DejaVuSansMono.ttf'), bold: font('DejaVuSansMono-Bold.ttf'), italics: font('DejaVuSansMono-Oblique.ttf'), bolditalics: font('DejaVuSansMono-BoldOblique.ttf') },
  };
  const allowed = new Set(Object.values(fonts).flatMap((family) => Object.values(family)));
  const instance = require('pdfmake') as PdfMake;
  instance.setFonts(fonts);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  pdfmake = instance;
  return instance;
}

/** Renders a pdfmake definition to PDF bytes. */
export async function renderPdf(definition: Record<string, unknown>): Promise<Buffer> {
  return engine().createPdf(definition).getBuffer();
}
