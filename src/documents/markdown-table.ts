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
 * The cells of a table row line, one at each call, as markdown-it reads them: where each cell's
 * text starts and ends, undefined past the last. A pipe right after a backslash is text, whatever
 * comes before that backslash (`\\|` is no border); a blank first cell before a pipe and a blank last
 * one are the row's leading and trailing pipes. Found on demand, so a row costs the cells the table
 * keeps, however many pipes the line holds (git reads every revision's table).
 */
function cellSpans(line: string): () => SourceSpan | undefined {
  let from = 0;
  let first = true;
  return () => {
    while (from <= line.length) {
      let bar = line.indexOf('|', from);
      while (bar !== -1 && line.charCodeAt(bar - 1) === 0x5c) bar = line.indexOf('|', bar + 1);
      const end = bar === -1 ? line.length : bar;
      NOT_SPACE.lastIndex = from;
      const found = NOT_SPACE.exec(line);
      const start = found && found.index < end ? found.index : end;
      const leading = first && bar !== -1;
      first = false;
      from = end + 1;
      if (start === end && (leading || bar === -1)) continue;
      let last = end;
      while (last > start && SPACE.test(line[last - 1]!)) last--;
      return { start, end: last };
    }
    return undefined;
  };
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
  let nextCell: () => SourceSpan | undefined = () => undefined;
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
      nextCell = cellSpans(line);
      row = { cells: [], at: lineRange(lines, rowLine, rowLine, line.length - line.trimStart().length + 1) };
    } else if (token.type === 'inline' && row) {
      const span = nextCell() ?? { start: 0, end: 0 };
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
