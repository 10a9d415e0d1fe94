import type Token from 'markdown-it/lib/token.mjs';
import { inlineText, parser } from './markdown-parser.js';
import { readTable, type MarkdownTable } from './markdown-table.js';

export const HISTORY_HEADINGS = ['version history', 'document history', 'revision history', 'version control'];

function normaliseHeading(text: string): string {
  return text.trim().replace(/[:.]$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** Whether a heading's text names the version history ("Version history", "Document History:", ...). */
export function isHistoryHeading(text: string): boolean {
  return HISTORY_HEADINGS.includes(normaliseHeading(text));
}

/**
 * Where a Markdown body keeps its version history, in 0-based line numbers of the body; `end` is the
 * line after the last one.
 */
export interface HistorySection {
  /** The first top-level heading that names the history; a setext heading spans two or more lines. */
  heading: { start: number; end: number; level: number; text: string };
  /**
   * The first top-level table under it, before the next heading of the same or a higher level:
   * header, delimiter and rows. Its rows are the only administration in the section; anything else
   * there (text, other tables, what follows the table) is content.
   */
  table?: { start: number; end: number };
}

/** The history section in tokens, and the index of its table's `table_open` (-1: no table). */
function locate(tokens: readonly Token[], env: object): { section: HistorySection; tableAt: number } | undefined {
  let heading: HistorySection['heading'] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level !== 0 || !token.map) continue;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      if (heading) {
        if (level <= heading.level) break;
        continue;
      }
      const inline = tokens[i + 1];
      const text = inline?.type === 'inline' ? inlineText(inline, env) : '';
      if (isHistoryHeading(text)) heading = { start: token.map[0], end: token.map[1], level, text };
    } else if (heading && token.type === 'table_open') {
      return { section: { heading, table: { start: token.map[0], end: token.map[1] } }, tableAt: i };
    }
  }
  return heading ? { section: { heading }, tableAt: -1 } : undefined;
}

/**
 * The version history in the tokens of validation's parser, of a full parse or of blocks only (`env`:
 * that parse's). Only top-level blocks count: a heading or table in a fence, an HTML block or
 * comment, indented code, a list or a quote is not one.
 */
export function findHistorySectionIn(tokens: readonly Token[], env: object): HistorySection | undefined {
  return locate(tokens, env)?.section;
}

/** Blocks of a Markdown body given as lines, with the parser validation uses; linear in the length of the text. */
function parseBlocks(lines: readonly string[]): { tokens: Token[]; env: object } {
  const tokens: Token[] = [];
  const env = {};
  // Line breaks markdown-it would see inside a line would shift every line number after them.
  parser.block.parse(lines.join('\n').replace(/[\r\0]/g, '\uFFFD'), parser, env, tokens);
  return { tokens, env };
}

/**
 * The version history of a Markdown body given as lines (LF line endings, front matter removed or
 * blanked). Reads blocks only, with the parser validation uses, so both always agree.
 */
export function findHistorySection(lines: readonly string[]): HistorySection | undefined {
  const { tokens, env } = parseBlocks(lines);
  return findHistorySectionIn(tokens, env);
}

/**
 * The version history of a Markdown body given as lines, with its table read cell by cell as
 * validation reads it (`readTable`): for readers of a text that validation does not load, such as
 * git's reading of old revisions.
 */
export function readHistorySection(lines: readonly string[]): { section: HistorySection; table?: MarkdownTable } | undefined {
  const { tokens, env } = parseBlocks(lines);
  const found = locate(tokens, env);
  if (!found) return undefined;
  return found.tableAt === -1 ? { section: found.section } : { section: found.section, table: readTable(tokens, found.tableAt, lines, env).table };
}
