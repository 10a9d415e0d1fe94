import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
}

const open = (file: string) => getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;

/** Reads a PDF back with pdf.js (Firefox's reader): each page's text, whitespace folded, and the info dictionary. */
export async function readPdf(file: string): Promise<PdfText> {
  const doc = await open(file);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
  await doc.destroy();
  return { pages, info };
}

/** A run of text as pdf.js reads it: its font's name (DejaVuSans-Bold), its baseline's start and its size, in PDF points (y up). */
export interface PdfWord {
  text: string;
  font: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A rectangle [left, bottom, right, top] in PDF points. */
export type Rect = [number, number, number, number];

/** A link annotation: a URI (relative ones as written) or a named destination in the same file. */
export interface PdfLinkArea {
  uri?: string;
  destination?: string;
  rect: Rect;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  links: PdfLinkArea[];
  /** Filled rectangles (underlines, strike-through bars, cell backgrounds). */
  fills: Rect[];
}

export interface PdfLayout {
  pages: PdfPage[];
  /** The page (1-based) each named destination leads to. */
  destinations: Map<string, number>;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The filled rectangles a page draws, in page coordinates (only the transforms and rectangles pdfkit writes are followed). */
function filledRectangles(operators: { fnArray: number[]; argsArray: unknown[][] }): Rect[] {
  const fills: Rect[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let pending: Rect[] = [];
  operators.fnArray.forEach((fn, i) => {
    const args = operators.argsArray[i]!;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.constructPath) {
      const [ops, values] = args as [number[], number[]];
      let at = 0;
      pending = [];
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = values.slice(at, at + 4) as [number, number, number, number];
          const [x1, y1] = apply(ctm, x, y);
          const [x2, y2] = apply(ctm, x + w, y + h);
          pending.push([Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]);
          at += 4;
        } else at += op === OPS.curveTo ? 6 : op === OPS.curveTo2 || op === OPS.curveTo3 ? 4 : op === OPS.closePath ? 0 : 2;
      }
    } else if (fn === OPS.fill || fn === OPS.eoFill) {
      fills.push(...pending);
      pending = [];
    }
  });
  return fills;
}

/** Reads a PDF back with pdf.js as laid out: per page its words with their fonts, its link annotations and its filled rectangles. */
export async function readPdfLayout(file: string): Promise<PdfLayout> {
  const doc = await open(file);
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const operators = await page.getOperatorList();
    const content = await page.getTextContent();
    const words: PdfWord[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const font = page.commonObjs.has(item.fontName) ? ((page.commonObjs.get(item.fontName) as { name?: string }).name ?? '') : '';
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      const last = words.at(-1);
      // pdfmake writes a word in pieces where it may break it (after a hyphen or a slash): pieces that touch are one word.
      if (last && Math.abs(last.y - y) < 0.5 && Math.abs(last.x + last.width - x) < 0.5) {
        last.text += item.str;
        last.width = x + item.width - last.x;
      } else words.push({ text: item.str, font: font.replace(/^[A-Z]{6}\+/, ''), x, y, width: item.width, size: item.height });
    }
    const links = ((await page.getAnnotations()) as Array<{ subtype: string; url?: string; unsafeUrl?: string; dest?: unknown; rect: Rect }>)
      .filter((a) => a.subtype === 'Link')
      .map((a) => ({ ...((a.unsafeUrl ?? a.url) ? { uri: a.unsafeUrl ?? a.url } : {}), ...(typeof a.dest === 'string' ? { destination: a.dest } : {}), rect: a.rect }));
    const [, , width, height] = page.view as Rect;
    pages.push({ width, height, words, links, fills: filledRectangles(operators) });
  }
  const destinations = new Map<string, number>();
  for (const [name, dest] of Object.entries((await doc.getDestinations()) as Record<string, unknown[]>)) {
    destinations.set(name, (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
  }
  await doc.destroy();
  return { pages, destinations };
}

const inside = (word: PdfWord, rect: Rect) => word.x + word.width / 2 >= rect[0] && word.x + word.width / 2 <= rect[2] && word.y >= rect[1] - 1 && word.y <= rect[3] + 1;

/**
 * The links of a page by the words they cover. pdfmake writes one annotation per word: annotations
 * with the same target that touch (or go on at the start of the next line) are one link. Its text is
 * the words it covers, without the punctuation after them.
 */
export function linksByText(page: PdfPage): Map<string, PdfLinkArea> {
  const same = (a: PdfLinkArea, b: PdfLinkArea) => a.uri === b.uri && a.destination === b.destination;
  const groups: PdfLinkArea[][] = [];
  for (const link of page.links) {
    const last = groups.at(-1)?.at(-1);
    const touches = last && same(last, link) && ((Math.abs(last.rect[2] - link.rect[0]) < 0.5 && Math.abs(last.rect[1] - link.rect[1]) < 0.5) || link.rect[1] < last.rect[1] - 1);
    if (touches) groups.at(-1)!.push(link);
    else groups.push([link]);
  }
  return new Map(
    groups.map((group) => [
      page.words
        .filter((word) => group.some((link) => inside(word, link.rect)))
        .map((word) => word.text)
        .join(' ')
        .replace(/[,.;:]+$/, ''),
      group[0]!,
    ]),
  );
}

/** Whether a thin bar is drawn across the middle of a word (strike-through), rather than under it (underline). */
export function struckThrough(page: PdfPage, word: PdfWord): boolean {
  return page.fills.some(
    ([left, bottom, right, top]) => top - bottom < 2 && left <= word.x + 1 && right >= word.x + word.width - 1 && bottom > word.y + word.size * 0.15 && top < word.y + word.size * 0.7,
  );
}
