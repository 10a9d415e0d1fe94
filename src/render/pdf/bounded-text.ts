import type { PdfContent } from './pdf-content.js';
import { isRecord } from '../../text/is-record.js';

/**
 * pdfmake lays out a word too long for its line by measuring ever shorter prefixes of the whole
 * word on every line, and pdfkit caches the glyphs of every string it measures: one 100,000-character
 * word took minutes and more than 4 GB. Runs longer than this get a break opportunity after every
 * MAX_RUN characters, so layout only ever measures short words.
 */
const MAX_RUN = 64;
/**
 * pdfmake copies the rest of a text node for every word it places on a line, so one text node of
 * many words takes time quadratic in their number. A longer node is laid out as a stack of nodes of
 * at most this many characters, cut at a line break where one is near, else between words: code
 * blocks look the same, and only a paragraph longer than a page gets a line break in it.
 */
const MAX_NODE_CHARS = 4000;
/**
 * pdfmake also flattens a text node's pieces, and lays out its lines, by copying the list of pieces
 * once per piece: a paragraph of many short styled pieces (`*a*a*a…`) took time quadratic in their
 * number. Each piece counts as this many characters more towards MAX_NODE_CHARS, so a node of many
 * pieces is cut sooner (at 800 pieces of one character), and a paragraph with a few hundred styled
 * words is not cut at all.
 */
const PIECE_CHARS = 4;
/** Zero-width space: a break opportunity that shows nothing (DejaVu Sans draws it with no width and no outline). */
const BREAK = '\u200b';
/** DejaVu Sans Mono has no zero-width space (it would draw a box), so in code the break is set in DejaVu Sans. */
const MONO_BREAK = { text: BREAK, font: 'DejaVu' };
const LONG_RUN = new RegExp(`[^\\s${BREAK}]{${MAX_RUN + 1},}`, 'g');
const CONTAINERS = ['stack', 'ul', 'ol', 'columns', 'section'] as const;

export type Inline = string | { text: Inline[] | string; [style: string]: unknown };
export type Leaf = { text: string; [style: string]: unknown };

/** A string with break opportunities in its long runs: a string, or in code an array of inlines. */
function breakRuns(text: string, font: string): Inline[] | string {
  if (text.length <= MAX_RUN) return text;
  const pieces: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(LONG_RUN)) {
    const start = match.index ?? 0;
    for (let cut = start + MAX_RUN; cut < start + match[0].length; cut += MAX_RUN) {
      pieces.push(text.slice(last, cut), font === 'DejaVuMono' ? { ...MONO_BREAK } : BREAK);
      last = cut;
    }
  }
  if (last === 0) return text;
  pieces.push(text.slice(last));
  // Without the mono font every piece is text (BREAK is a string).
  return font === 'DejaVuMono' ? pieces : (pieces as string[]).join('');
}

/** A leaf with break opportunities in its long runs: one leaf, or in code several, each with the leaf's styles. */
function breakLeaf(leaf: Leaf, font: string): Leaf[] {
  const own = typeof leaf['font'] === 'string' ? leaf['font'] : font;
  const broken = breakRuns(leaf.text, own);
  if (typeof broken === 'string') return [{ ...leaf, text: broken }];
  return broken.map((piece) => (typeof piece === 'string' ? { ...leaf, text: piece } : { ...leaf, ...(piece as Leaf) }));
}

/**
 * Text with break opportunities in its long runs. pdfmake does not carry the styles of an inline
 * down to the inlines nested in it, so inline content comes out flat: leaves that each carry every
 * style they inherit.
 */
function breakInline(value: unknown, font: string): Inline[] | string {
  if (typeof value === 'string') return breakRuns(value, font);
  // pdfmake text is a string, an inline object or a list of them; anything else is shown as text.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- not an object here: a number or the like
  const items = Array.isArray(value) ? (value as unknown[]) : isRecord(value) ? [value] : [String(value ?? '')];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are inlines; the rest is text
  const inlines = items.map((item): Inline => (isRecord(item) ? (item as Inline) : String(item ?? '')));
  // A leaf with no style of its own stays a plain string, as it came.
  return leaves(inlines, {}, [])
    .flatMap((leaf) => breakLeaf(leaf, font))
    .map((leaf): Inline => (Object.keys(leaf).length === 1 ? leaf.text : leaf));
}

/** The leaves of inline content, each with the styles it inherits from the inlines around it. */
export function leaves(value: Inline[] | string, inherited: Record<string, unknown>, into: Leaf[]): Leaf[] {
  if (typeof value === 'string') {
    if (value !== '') into.push({ ...inherited, text: value });
    return into;
  }
  for (const item of value) {
    if (typeof item === 'string') leaves(item, inherited, into);
    else {
      const { text, ...style } = item;
      leaves(text, { ...inherited, ...style }, into);
    }
  }
  return into;
}

/**
 * Where to end a chunk of at most `room` characters of `text`: at a line break in its second half,
 * else at a space or a break opportunity there; a short run moves whole to the next chunk.
 */
function cutAt(text: string, room: number): { end: number; skip: number } {
  const window = text.slice(0, room + 1);
  for (const [pattern, skip] of [
    [/\n/g, 1],
    [/[ \t]/g, 1],
    [new RegExp(BREAK, 'g'), 0],
  ] as const) {
    let found = -1;
    for (const match of window.matchAll(pattern)) found = match.index ?? found;
    if (found >= room / 2) return { end: found, skip };
  }
  return { end: text.length <= MAX_RUN + 1 ? 0 : room, skip: 0 };
}

/** Inline content weighing more than MAX_NODE_CHARS as consecutive chunks of at most that weight. */
function chunks(text: Inline[] | string): Leaf[][] {
  const result: Leaf[][] = [];
  let current: Leaf[] = [];
  let size = 0;
  for (const leaf of leaves(text, {}, [])) {
    let rest = leaf.text;
    while (size + PIECE_CHARS + rest.length > MAX_NODE_CHARS) {
      const { end, skip } = cutAt(rest, Math.max(0, MAX_NODE_CHARS - PIECE_CHARS - size));
      if (end > 0) current.push({ ...leaf, text: rest.slice(0, end) });
      result.push(current);
      current = [];
      size = 0;
      rest = rest.slice(end + skip);
    }
    if (rest !== '') {
      current.push({ ...leaf, text: rest });
      size += PIECE_CHARS + rest.length;
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Characters, and PIECE_CHARS for each piece. */
const weight = (text: Inline[] | string): number => (typeof text === 'string' ? PIECE_CHARS + text.length : text.reduce((sum, item) => sum + weight(typeof item === 'string' ? item : item.text), 0));

function boundNode(node: PdfContent, font: string): PdfContent {
  if (typeof node === 'string') {
    const bounded = boundNode({ text: node }, font);
    return isRecord(bounded) && bounded['text'] === node ? node : bounded;
  }
  if (Array.isArray(node)) return node.map((child) => boundNode(child, font));
  const own = typeof node['font'] === 'string' ? node['font'] : font;
  if ('text' in node) {
    const text = breakInline(node['text'], own);
    if (weight(text) <= MAX_NODE_CHARS) return { ...node, text };
    const { text: _, ...style } = node;
    return { ...style, stack: chunks(text).map((chunk) => ({ text: chunk })) };
  }
  const bounded: Record<string, unknown> = { ...node };
  for (const key of CONTAINERS) if (Array.isArray(node[key])) bounded[key] = (node[key] as PdfContent[]).map((child) => boundNode(child, own));
  const table = node['table'];
  if (isRecord(table) && Array.isArray(table['body'])) {
    bounded['table'] = { ...table, body: (table['body'] as PdfContent[][]).map((row) => row.map((cell) => boundNode(cell, own))) };
  }
  return bounded;
}

/**
 * pdfmake content whose text pdfmake can lay out in time and memory linear in its length: long runs
 * get invisible break opportunities and long text nodes become stacks of shorter ones. All the text
 * is still there, in order.
 */
export function boundText(content: readonly PdfContent[]): PdfContent[] {
  return content.map((node) => boundNode(node, 'DejaVu'));
}
