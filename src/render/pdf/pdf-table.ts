import { boundText, leaves, type Inline, type Leaf } from './bounded-text.js';
import type { PdfContent } from './pdf-content.js';
import { textWidth, type TextStyle } from './text-width.js';
import { isRecord } from '../../text/is-record.js';

/** The text area of a page, in points. */
export interface TextArea {
  width: number;
  height: number;
}

/** The `table` style: tables are set smaller than the text. */
export const TABLE_STYLE = { margin: [0, 2, 0, 10], fontSize: 8.5 };
/** The `h2` style, which a table's title takes too. */
export const H2_STYLE = { fontSize: 13, bold: true, margin: [0, 12, 0, 4] as [number, number, number, number] };
const TABLE_FONT_SIZE = TABLE_STYLE.fontSize;
/** The grid layout's cell padding on each side, and its rule width. */
const PADDING = 4;
const RULE = 1;
/** Slack per column for rounding: a word that fits by a hair is not split. */
const SLACK = 0.5;
/** Line height as a multiple of the font size (DejaVu's ascent and descent, times the documents' line height 1.2), rounded up. */
const LINE = 1.4;
const TITLE_FONT_SIZE = H2_STYLE.fontSize;
const TITLE_MARGIN = H2_STYLE.margin[1] + H2_STYLE.margin[3];
/** A row estimated taller than this share of a page may break across pages: pdfmake drops a row it must keep whole and cannot. */
const TALL = 0.6;

const NO_BORDER = [false, false, false, false];
/** The narrowest column of wrapped text that reads well: about 15 characters of the table's type. */
const MIN_WRAPPED = 72;

interface Measure {
  /** The widest piece that cannot be broken (a word, or a whole `noWrap` text). */
  min: number;
  /** The widest line when nothing wraps. */
  max: number;
  /** The width of each line when nothing wraps, for a height estimate. */
  lines: number[];
  fontSize: number;
}

/** The leaves of a cell (a string, a text node or a stack of them), each with the cell's own styles. */
function cellLeaves(cell: PdfContent, inherited: Record<string, unknown>): Leaf[] {
  if (typeof cell === 'string') return cell === '' ? [] : [{ ...inherited, text: cell }];
  if (Array.isArray(cell)) return cell.flatMap((part) => cellLeaves(part, inherited));
  const { text, stack, ...style } = cell;
  const own = { ...inherited, ...style };
  if (Array.isArray(stack)) return (stack as PdfContent[]).flatMap((part, i) => [...(i > 0 ? [{ ...own, text: '\n' }] : []), ...cellLeaves(part, own)]);
  return text === undefined ? [] : leaves(text as Inline[] | string, own, []);
}

function styleOf(leaf: Leaf, base: TextStyle): TextStyle {
  return {
    font: typeof leaf['font'] === 'string' ? leaf['font'] : base.font,
    bold: typeof leaf['bold'] === 'boolean' ? leaf['bold'] : base.bold,
    italics: typeof leaf['italics'] === 'boolean' ? leaf['italics'] : base.italics,
    fontSize: typeof leaf['fontSize'] === 'number' ? leaf['fontSize'] : base.fontSize,
  };
}

/** The style a node sets for what it holds, over the one it inherits. */
function ownStyle(node: Record<string, unknown>, base: TextStyle): TextStyle {
  return styleOf({ ...node, text: '' }, base);
}

/**
 * How wide a cell is with nothing wrapped, and its widest unbreakable piece. Pieces end only at
 * white space, line breaks and the break opportunities of bounded text: pdfmake may break more
 * (after a hyphen), never less, so a column at least `min` wide splits no word. A stack is as wide
 * as its widest part; a table in a cell as its columns together.
 */
function measure(cell: PdfContent, base: TextStyle): Measure {
  if (isRecord(cell) && isTable(cell['table'])) return measureTable(cell['table'], ownStyle(cell, base));
  if (isRecord(cell) && Array.isArray(cell['stack']) && holdsTable(cell)) {
    const own = ownStyle(cell, base);
    const parts = (cell['stack'] as PdfContent[]).map((part) => measure(part, own));
    if (parts.length === 0) return { min: 0, max: 0, lines: [0], fontSize: own.fontSize };
    return { min: Math.max(...parts.map((p) => p.min)), max: Math.max(...parts.map((p) => p.max)), lines: parts.flatMap((p) => p.lines), fontSize: own.fontSize };
  }
  return measureText(cell, base);
}

/** Whether a cell holds a table, at any depth of its stacks. */
function holdsTable(cell: PdfContent): boolean {
  if (!isRecord(cell)) return false;
  return isTable(cell['table']) || (Array.isArray(cell['stack']) && (cell['stack'] as PdfContent[]).some(holdsTable));
}

function measureText(cell: PdfContent, base: TextStyle): Measure {
  let min = 0;
  let piece = 0;
  let line = 0;
  const lines: number[] = [];
  const endPiece = () => {
    min = Math.max(min, piece);
    piece = 0;
  };
  for (const item of cellLeaves(cell, {})) {
    const style = styleOf(item, base);
    if (item['noWrap'] === true) {
      const width = textWidth(item.text, style);
      piece += width;
      line += width;
      continue;
    }
    for (const part of item.text.split(/(\n|[ \t]+|\u200b)/)) {
      if (part === '') continue;
      if (part === '\n') {
        endPiece();
        lines.push(line);
        line = 0;
      } else if (part === '\u200b') endPiece();
      else if (/^[ \t]+$/.test(part)) {
        endPiece();
        line += textWidth(part, style);
      } else {
        const width = textWidth(part, style);
        piece += width;
        line += width;
      }
    }
  }
  endPiece();
  lines.push(line);
  return { min, max: Math.max(...lines), lines, fontSize: base.fontSize };
}

/** Each column's widest unbreakable piece and widest line over measured rows (a short row lacks the last columns), with the rounding slack. */
function columnRange(rows: ReadonlyArray<readonly Measure[]>, columns: number): { min: number[]; max: number[] } {
  const min = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((row) => row[i]?.min ?? 0)) + SLACK);
  const max = Array.from({ length: columns }, (_, i) => Math.max(min[i]!, ...rows.map((row) => (row[i]?.max ?? 0) + SLACK)));
  return { min, max };
}

/** What the grid adds to the columns' text: a rule between and around them, and each cell's padding on both sides. */
const gridOffsets = (columns: number) => columns * 2 * PADDING + (columns + 1) * RULE;

interface TableBody {
  body: PdfContent[][];
  headerRows?: number;
}

function isTable(value: unknown): value is TableBody {
  return isRecord(value) && Array.isArray(value['body']);
}

/** A table in a cell: its columns' widest words side by side, and their widest lines side by side. */
function measureTable(table: TableBody, base: TextStyle): Measure {
  const columns = Math.max(0, ...table.body.map((row) => row.length));
  const headerRows = table.headerRows ?? 0;
  const rows = table.body.map((row, r) => row.map((cell) => measure(cell, r < headerRows ? { ...base, bold: true } : base)));
  const { min, max } = columnRange(rows, columns);
  const offsets = gridOffsets(columns);
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  // For the height estimate, each row counts as one line as wide as its cells side by side, plus its padding.
  const lines = rows.map((row) => sum(row.map((cell) => cell.max)) + offsets);
  return { min: sum(min) + offsets, max: sum(max) + offsets, lines, fontSize: base.fontSize };
}

/**
 * A table set inside a table's cell (the results of an objective, in the objective's row): a header
 * row, then its rows. pdfTables makes the cell's column wide enough for it; pdfmake lays out its
 * columns within the cell as it does automatic widths.
 */
export function cellTable(header: readonly PdfContent[], rows: readonly PdfContent[][]): PdfContent {
  return { table: { headerRows: 1, body: [header.map((cell) => (isRecord(cell) ? { ...cell, style: 'th' } : { text: cell, style: 'th' })), ...rows] }, layout: 'grid' };
}

/**
 * Column widths, as CSS lays out an automatic table: every column at least its widest word, the
 * rest of the width shared in proportion to how much more each column's text needs; when even the
 * widest words do not fit side by side, each column in proportion to its widest word.
 */
export function fitColumns(min: readonly number[], max: readonly number[], available: number): number[] {
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const [sumMin, sumMax] = [sum(min), sum(max)];
  if (sumMax === 0) return min.map(() => available / min.length);
  if (sumMin > available) return min.map((m) => (m * available) / sumMin);
  if (sumMax <= available) return max.map((m) => m + ((available - sumMax) * m) / sumMax);
  return min.map((m, i) => m + ((available - sumMin) * (max[i]! - m)) / (sumMax - sumMin));
}

/** Estimated height of a row whose columns have these widths. */
function rowHeight(row: readonly Measure[], widths: readonly number[]): number {
  return Math.max(
    ...row.map((cell, i) => {
      const width = Math.max(widths[i]!, 1);
      // A wrapped line leaves part of its width empty: count 15% more text than there is.
      const count = cell.lines.reduce((n, line) => n + Math.max(1, Math.ceil((line * 1.15) / width)), 0);
      return count * cell.fontSize * LINE + 2 * PADDING;
    }),
  );
}

export interface TableGroup {
  /** A heading set above the table, kept with its first rows and repeated on each page it runs over. */
  title?: PdfContent;
  rows: PdfContent[][];
}

/** The height of the title row: its text at the heading size with the heading's margins. */
function titleHeight(title: PdfContent | undefined, width: number): number {
  if (title === undefined) return 0;
  const cell = measure(title, { bold: true, fontSize: TITLE_FONT_SIZE });
  return cell.lines.reduce((n, line) => n + Math.max(1, Math.ceil((line * 1.15) / width)), 0) * TITLE_FONT_SIZE * LINE + TITLE_MARGIN;
}

/**
 * Tables as the site shows them, one per group, all with the same columns: a header row that
 * repeats on every page, with the group's title above it, never alone at the foot of a page; rows
 * kept whole; columns as wide as their words need, so no word is split (unless the words cannot fit
 * side by side at all). Widths are shares of the width the table has, so a table in an indented
 * list still fits. pdfmake drops rows it must keep whole and cannot, so a row (or a header) that
 * may be taller than a page is let to break instead. An empty header: no header row (a table of
 * label | value rows). A column holding a table (cellTable) is at least as wide as that table's words.
 */
export function pdfTables(header: readonly PdfContent[], groups: readonly TableGroup[], area: TextArea): PdfContent[] {
  const head = boundText(header).map((cell) => (isRecord(cell) ? { ...cell, style: 'th' } : { text: cell, style: 'th' }));
  const bodies = groups.map((group) => group.rows.map((row) => boundText(row)));
  const columns = Math.max(head.length, ...bodies.flatMap((rows) => rows.map((row) => row.length)));
  const pad = (row: PdfContent[]) => [...row, ...Array.from({ length: columns - row.length }, () => '')];
  const headRows = head.length > 0 ? [pad(head)] : [];
  const measuredHead = headRows.map((row) => row.map((cell) => measure(cell, { bold: true, fontSize: TABLE_FONT_SIZE })));
  const measured = bodies.map((rows) => rows.map((row) => pad(row).map((cell) => measure(cell, { fontSize: TABLE_FONT_SIZE }))));
  const { min, max } = columnRange([...measuredHead, ...measured.flat()], columns);
  const widths = fitColumns(min, max, area.width - gridOffsets(columns));
  const reserved = (i: number) => 2 * PADDING + (i === 0 || i === columns - 1 ? RULE * 1.5 : RULE);
  const percent = widths.map((w, i) => `${(((w + reserved(i)) * 100) / area.width).toFixed(4)}%`);
  const tall = area.height * TALL;
  const headHeight = measuredHead.reduce((sum, row) => sum + rowHeight(row, widths), 0);
  return groups.map((group, g) => {
    const heights = measured[g]!.map((row) => rowHeight(row, widths));
    const top = titleHeight(group.title, area.width) + headHeight;
    const repeated = headRows.length + (group.title === undefined ? 0 : 1);
    const headerRows = top <= tall ? repeated : 0;
    const keep = headerRows > 0 && heights.length > 0 && top + heights[0]! <= tall;
    const titleRow =
      group.title === undefined
        ? []
        : [
            [
              {
                ...(isRecord(group.title) ? group.title : { text: group.title }),
                style: 'h2',
                margin: [-(PADDING + RULE), H2_STYLE.margin[1], 0, H2_STYLE.margin[3]],
                colSpan: columns,
                border: NO_BORDER,
              },
              ...Array.from({ length: columns - 1 }, () => ''),
            ],
          ];
    return {
      table: {
        headerRows,
        ...(keep ? { keepWithHeaderRows: 1 } : {}),
        ...(heights.every((h) => h <= tall) ? { dontBreakRows: true } : {}),
        widths: percent,
        body: [...titleRow, ...headRows, ...bodies[g]!.map(pad)],
      },
      // No rule above the title (the cells a title spans take no border of their own).
      layout: group.title === undefined ? 'grid' : { hLineWidth: (line: number) => (line === 0 ? 0 : RULE) },
      style: 'table',
    };
  });
}

/**
 * Whether a table reads well across `area`: every column either shows its cells' text unwrapped
 * (a header may wrap) or is at least MIN_WRAPPED wide. A table that does not is laid out on
 * landscape pages.
 */
export function tableFits(header: readonly PdfContent[], rows: readonly PdfContent[][], area: TextArea): boolean {
  const head = header.map((cell) => measure(cell, { bold: true, fontSize: TABLE_FONT_SIZE }));
  const body = rows.map((row) => row.map((cell) => measure(cell, { fontSize: TABLE_FONT_SIZE })));
  const columns = Math.max(head.length, ...body.map((row) => row.length));
  const { min, max } = columnRange([head, ...body], columns);
  const widths = fitColumns(min, max, area.width - gridOffsets(columns));
  const cells = columnRange(body, columns).max;
  return widths.every((width, i) => width >= cells[i]! - SLACK || width >= MIN_WRAPPED);
}

/** One table of pdfTables. */
export function pdfTable(header: readonly PdfContent[], rows: PdfContent[][], area: TextArea, title?: PdfContent): PdfContent {
  return pdfTables(header, [{ ...(title !== undefined ? { title } : {}), rows }], area)[0]!;
}
