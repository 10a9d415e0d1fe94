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
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (!first.startsWith('---')) return { kind: 'none' };
  if (!DELIMITER.test(first)) {
    const language = first.slice(3).trim();
    return {
      kind: 'error',
      message: `front matter must be YAML and open with a line of exactly "---"; "---${language}" front matter is not read`,
      at: { line: 1, column: 1, endLine: 1, endColumn: first.length + 1 },
    };
  }
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSING.test(lines[i] ?? '')) {
      end = i;
      break;
    }
  }
  if (end === -1) {
    return { kind: 'error', message: 'front matter is not closed: add a line "---" after the metadata', at: { line: 1, column: 1, endLine: 1, endColumn: 4 } };
  }
  const yamlChars = lines.slice(1, end).reduce((sum, line) => sum + line.length + 1, 0);
  if (yamlChars > MAX_FRONT_MATTER_CHARS) {
    return { kind: 'error', message: `front matter is ${yamlChars} characters; the limit is ${MAX_FRONT_MATTER_CHARS}`, at: { line: 1, column: 1, endLine: 1, endColumn: 4 } };
  }
  const yamlText = lines.map((line, i) => (i >= 1 && i < end ? line : '')).join('\n');
  const bodyText = lines.map((line, i) => (i <= end ? '' : line)).join('\n');
  return { kind: 'yaml', yamlText, bodyText, endLine: end + 1 };
}
