import { describe, expect, it } from 'vitest';
import { boundText } from '../../src/render/pdf/bounded-text.js';
import type { PdfContent } from '../../src/render/pdf/pdf-content.js';

const ZWSP = '\u200b';

/** Every character of pdfmake content, in reading order, without the break opportunities. */
function textOf(content: PdfContent): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(textOf).join('');
  for (const key of ['text', 'stack']) if (key in content) return textOf(content[key] as PdfContent);
  return '';
}
const visible = (content: PdfContent) => textOf(content).replaceAll(ZWSP, '');

describe('text bounded for PDF layout', () => {
  it('leaves ordinary text as it is', () => {
    const content: PdfContent[] = ['A short paragraph.', { text: ['Some ', { text: 'bold', bold: true }, ' text.'], style: 'p' }];
    expect(boundText(content)).toEqual(content);
  });

  it('gives a long word a break opportunity every 64 characters and keeps every character', () => {
    const word = 'x'.repeat(200);
    const [bounded] = boundText([{ text: word, style: 'p' }]);
    expect(bounded).toEqual({ text: `${'x'.repeat(64)}${ZWSP}${'x'.repeat(64)}${ZWSP}${'x'.repeat(64)}${ZWSP}${'x'.repeat(8)}`, style: 'p' });
  });

  it('sets the break in DejaVu Sans inside code, which has no zero-width space of its own', () => {
    const [bounded] = boundText([{ text: 'y'.repeat(100), font: 'DejaVuMono' }]);
    expect(bounded).toEqual({ text: ['y'.repeat(64), { text: ZWSP, font: 'DejaVu' }, 'y'.repeat(36)], font: 'DejaVuMono' });
  });

  it('breaks long words inside inline styles and table cells', () => {
    const [bounded] = boundText([{ table: { body: [[{ text: [{ text: 'z'.repeat(70), bold: true }] }, 'w'.repeat(70)]] } }]);
    const [[first, second]] = (bounded as { table: { body: PdfContent[][] } }).table.body as [[PdfContent, PdfContent]];
    expect(first).toEqual({ text: [{ text: `${'z'.repeat(64)}${ZWSP}zzzzzz`, bold: true }] });
    expect(second).toEqual({ text: `${'w'.repeat(64)}${ZWSP}wwwwww` });
  });

  it('lays out a long text node as a stack of pieces cut at line breaks, keeping its styles', () => {
    const code = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n');
    const [bounded] = boundText([{ text: code, font: 'DejaVuMono', preserveLeadingSpaces: true, style: 'code' }]) as [Record<string, unknown>];
    expect(bounded).toMatchObject({ font: 'DejaVuMono', preserveLeadingSpaces: true, style: 'code' });
    const pieces = bounded['stack'] as Array<{ text: Array<{ text: string }> }>;
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.text.reduce((n, leaf) => n + leaf.text.length, 0)).toBeLessThanOrEqual(4000);
    expect(pieces.map((piece) => piece.text.map((leaf) => leaf.text).join('')).join('\n')).toBe(code);
  });

  it('cuts a long paragraph between words and keeps the style of each part', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const [bounded] = boundText([{ text: ['Start ', { text: words, italics: true }], style: 'p' }]) as [Record<string, unknown>];
    const pieces = bounded['stack'] as Array<{ text: Array<{ text: string; italics?: boolean }> }>;
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.flatMap((piece) => piece.text).every((leaf) => leaf.text.startsWith('Start') || leaf.italics === true)).toBe(true);
    expect(pieces.map((piece) => piece.text.map((leaf) => leaf.text).join('')).join(' ')).toBe(`Start ${words}`);
    expect(visible(bounded as PdfContent).replaceAll(' ', '')).toBe(`Start ${words}`.replaceAll(' ', ''));
  });

  it('cuts a paragraph of many short styled pieces into chunks of at most 800 pieces, every piece kept in order', () => {
    const styled = Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'a' : { text: 'a', italics: true }));
    const [bounded] = boundText([{ text: styled, style: 'p' }]) as [Record<string, unknown>];
    const pieces = bounded['stack'] as Array<{ text: Array<{ text: string; italics?: boolean }> }>;
    expect(pieces.length).toBeGreaterThanOrEqual(7);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(800);
    expect(pieces.flatMap((piece) => piece.text).map((leaf) => Boolean(leaf.italics))).toEqual(styled.map((piece) => typeof piece !== 'string'));
  });

  it('leaves a paragraph with a few hundred styled words whole', () => {
    const styled = Array.from({ length: 300 }, (_, i) => (i % 2 ? ' and ' : { text: `word${i}`, bold: true }));
    const content: PdfContent[] = [{ text: styled, style: 'p' }];
    expect(boundText(content)).toEqual(content);
  });

  it('gives each piece of nested inline text every style around it (pdfmake drops the styles of a nested inline)', () => {
    const [bounded] = boundText([{ text: ['Plain ', { text: [{ text: 'both', bold: true }, ' italic'], italics: true }], style: 'p' }]);
    expect(bounded).toEqual({ text: ['Plain ', { text: 'both', italics: true, bold: true }, { text: ' italic', italics: true }], style: 'p' });
  });

  it('keeps long inline code monospace in every piece, with the break in DejaVu Sans', () => {
    const [bounded] = boundText([{ text: ['Run ', { text: 'c'.repeat(70), font: 'DejaVuMono', fontSize: 9 }] }]);
    expect(bounded).toEqual({
      text: ['Run ', { text: 'c'.repeat(64), font: 'DejaVuMono', fontSize: 9 }, { text: ZWSP, font: 'DejaVu', fontSize: 9 }, { text: 'cccccc', font: 'DejaVuMono', fontSize: 9 }],
    });
  });
});
