import type Token from 'markdown-it/lib/token.mjs';
import type { Range } from '../diagnostics/diagnostic.js';
import { inlineText, type SourceSpan } from './markdown-parser.js';

export interface MarkdownTableCell {
  text: string;
  at: Range;
}

export interface MarkdownTable {
  header: MarkdownTableCell[];
  rows: Array<{ cells: MarkdownTableCell[]; at: Range }>;
  at: Range;
}

/** Whole lines `first` to `last` (0-based), from `column` on the first. */
export function lineRange(lines: readonly string[], first: number, last: number, column = 1): Range {
  return { line: first + 1, column, endLine: last + 1, endColumn: (lines[last] ?? '').length + 1 };
}

const NOT_SPACE = /\S/g;
const SPACE = /\s/;

/**
 * Cells of a table row line: where each cell's text starts and ends. A pipe right after a backslash
 * is text, whatever comes before that backslash: markdown-it splits cells so (`\\|` is no border).
 */
function cellSpans(line: string): SourceSpan[] {
  const spans: SourceSpan[] = [];
  const bars: number[] = [];
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) {
    if (line.charCodeAt(i - 1) !== 0x5c) bars.push(i);
  }
  const edges = [-1, ...bars, line.length];
  for (let i = 0; i < edges.length - 1; i++) {
    const start = edges[i]! + 1;
    const end = edges[i + 1]!;
    // Where the cell's text starts and ends, without copying it (git reads every revision's table).
    NOT_SPACE.lastIndex = start;
    const found = NOT_SPACE.exec(line);
    const first = found && found.index < end ? found.index : end;
    if (first === end && ((i === 0 && bars[0] !== undefined) || i === edges.length - 2)) continue; // the leading or trailing pipe
    let last = end;
    while (last > first && SPACE.test(line[last - 1]!)) last--;
    spans.push({ start: first, end: last });
  }
  return spans;
}

/**
 * The table that opens at `tokens[open]` (a `table_open` of validation's parser), read from the
 * tokens and the lines they were parsed from: each cell's text as readers see it (markup, escapes and
 * entities resolved, through `inlineText`, so a parse of blocks only reads the same cells as a full
 * one) and where it stands. `env` is the parse's (its link references). `visit` sees each cell's
 * inline token with the 0-based line and column its text starts at. Also returns the index of the
 * `table_close`.
 */
export function readTable(
  tokens: readonly Token[],
  open: number,
  lines: readonly string[],
  env: object,
  visit?: (cell: Token, line: number, column: number) => void,
): { table: MarkdownTable; close: number } {
  const map = tokens[open]?.map ?? [0, 0];
  const table: MarkdownTable = { header: [], rows: [], at: lineRange(lines, map[0], map[1] - 1) };
  let row: { cells: MarkdownTableCell[]; at: Range } | undefined;
  let spans: SourceSpan[] = [];
  let rowLine = 0;
  let inHead = false;
  let i = open + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open' && token.map) {
      rowLine = token.map[0];
      const line = lines[rowLine] ?? '';
      spans = cellSpans(line);
      row = { cells: [], at: lineRange(lines, rowLine, rowLine, line.length - line.trimStart().length + 1) };
    } else if (token.type === 'inline' && row) {
      const span = spans[row.cells.length] ?? { start: 0, end: 0 };
      row.cells.push({ text: inlineText(token, env), at: { line: rowLine + 1, column: span.start + 1, endLine: rowLine + 1, endColumn: span.end + 1 } });
      visit?.(token, rowLine, span.start);
    } else if (token.type === 'tr_close' && row) {
      if (inHead) table.header = row.cells;
      else table.rows.push(row);
      row = undefined;
    }
  }
  return { table, close: i };
}
