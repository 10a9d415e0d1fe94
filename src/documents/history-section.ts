import type Token from 'markdown-it/lib/token.mjs';
import { parser, plainText } from './markdown-parser.js';

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

/** A heading's text as validation reads it: inline markup, escapes and entities resolved, raw HTML left out. */
function headingText(inline: Token | undefined): string {
  if (inline?.type !== 'inline') return '';
  return plainText(parser.parseInline(inline.content, {})[0]?.children ?? null).trim();
}

/**
 * The version history in the block tokens of validation's parser. Only top-level blocks count: a
 * heading or table in a fence, an HTML block or comment, indented code, a list or a quote is not one.
 */
export function findHistorySectionIn(tokens: readonly Token[]): HistorySection | undefined {
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
      const text = headingText(tokens[i + 1]);
      if (isHistoryHeading(text)) heading = { start: token.map[0], end: token.map[1], level, text };
    } else if (heading && token.type === 'table_open') {
      return { heading, table: { start: token.map[0], end: token.map[1] } };
    }
  }
  return heading ? { heading } : undefined;
}

/**
 * The version history of a Markdown body given as lines (LF line endings, front matter removed or
 * blanked). Reads blocks only, with the parser validation uses, so both always agree; linear in the
 * length of the text.
 */
export function findHistorySection(lines: readonly string[]): HistorySection | undefined {
  const tokens: Token[] = [];
  // Line breaks markdown-it would see inside a line would shift every line number after them.
  parser.block.parse(lines.join('\n').replace(/[\r\0]/g, '\uFFFD'), parser, {}, tokens);
  return findHistorySectionIn(tokens);
}
