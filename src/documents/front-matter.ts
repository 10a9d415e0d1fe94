import type { Range } from '../diagnostics/diagnostic.js';
import { MAX_FRONT_MATTER_CHARS } from '../text/decode.js';

export type FrontMatterSplit =
  | { kind: 'none' }
  | { kind: 'error'; message: string; at: Range }
  | {
      kind: 'yaml';
      /** The whole file with everything but the front-matter lines blanked: YAML positions stay file positions. */
      yamlText: string;
      /** The whole file with the front-matter lines blanked: Markdown positions stay file positions. */
      bodyText: string;
      /** Line of the closing delimiter. */
      endLine: number;
    };

const DELIMITER = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits YAML front matter from a Markdown document without any engine lookup: only a first line of
 * exactly `---` opens front matter, so `---js`, `---javascript`, `---coffee` or `---constructor` can
 * never select an engine (gray-matter evaluates `---js` with `require` in scope: SAFETY.md item 1).
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstEnd = lineEnd(text, 0);
  const first = text.slice(0, firstEnd);
  if (!first.startsWith('---')) return { kind: 'none' };
  if (!DELIMITER.test(first)) {
    const language = first.slice(3).trim();
    return {
      kind: 'error',
      message: `front matter must be YAML and open with a line of exactly "---"; "---${language}" front matter is not read`,
      at: { line: 1, column: 1, endLine: 1, endColumn: first.length + 1 },
    };
  }
  // Lines are walked by offset (a revision's text is split once per document, not once per line).
  let end = -1;
  let closingStart = -1;
  for (let start = firstEnd + 1, line = 1; start <= text.length && firstEnd < text.length; line++) {
    const stop = lineEnd(text, start);
    if (CLOSING.test(text.slice(start, stop))) {
      end = line;
      closingStart = start;
      break;
    }
    start = stop + 1;
  }
  if (end === -1) {
    return { kind: 'error', message: 'front matter is not closed: add a line "---" after the metadata', at: { line: 1, column: 1, endLine: 1, endColumn: 4 } };
  }
  // The metadata lines with their line breaks: from line 1 up to the closing delimiter.
  const yamlChars = closingStart - (firstEnd + 1);
  if (yamlChars > MAX_FRONT_MATTER_CHARS) {
    return { kind: 'error', message: `front matter is ${yamlChars} characters; the limit is ${MAX_FRONT_MATTER_CHARS}`, at: { line: 1, column: 1, endLine: 1, endColumn: 4 } };
  }
  const closingEnd = lineEnd(text, closingStart);
  const lines = end + 1 + countLines(text, closingEnd);
  const yamlText = end === 1 ? '\n'.repeat(lines - 1) : `\n${text.slice(firstEnd + 1, closingStart - 1)}${'\n'.repeat(lines - end)}`;
  const bodyText = closingEnd < text.length ? '\n'.repeat(end + 1) + text.slice(closingEnd + 1) : '\n'.repeat(end);
  return { kind: 'yaml', yamlText, bodyText, endLine: end + 1 };
}

/** The offset of the line break ending the line that starts at `start`, or the text's length. */
function lineEnd(text: string, start: number): number {
  const found = text.indexOf('\n', start);
  return found === -1 ? text.length : found;
}

/** The line breaks from `from` on. */
function countLines(text: string, from: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
