import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

/**
 * How deep block quotes and lists may nest. Deeper ones are a parse error, and are read and
 * published as text: the renderer's parser takes time superlinear in the depth (1,500 `>` or 3,000
 * `- ` on one line exhausted the stack; 5,000 took 34 s) and every later step recurses once a level.
 */
export const MAX_NESTING = 10;

/** What a parse records in its environment: where a quote or list would have opened too deep. */
export interface NestingEnv {
  /** Offsets of the markers (`>`, `-`, `1.`) of quotes and lists that would open deeper than MAX_NESTING. */
  tooDeep?: number[];
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** Open quotes and lists of the parse in progress, by its environment. */
const depths = new WeakMap<object, number>();

/**
 * Makes `md` stop opening quotes and lists at MAX_NESTING: a deeper one is read as the text it is
 * (a paragraph, or a paragraph's next line), and where its marker stands is recorded in the env.
 */
export function boundNesting(md: MarkdownIt): void {
  // markdown-it's own limit (in levels: a list is two, list and item) would silently drop what lies deeper.
  Object.assign(md.options, { maxNesting: 2 * MAX_NESTING + 4 });
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule; alt: string[] }> }).__rules__;
  for (const name of ['blockquote', 'list']) {
    const rule = rules.find((r) => r.name === name);
    if (!rule) continue;
    const original = rule.fn;
    const bounded: BlockRule = (state, startLine, endLine, silent) => {
      const env = state.env as NestingEnv;
      const depth = depths.get(env) ?? 0;
      if (depth >= MAX_NESTING) {
        if (original(state, startLine, endLine, true)) (env.tooDeep ??= []).push(state.bMarks[startLine]! + state.tShift[startLine]!);
        return false;
      }
      if (silent) return original(state, startLine, endLine, true);
      depths.set(env, depth + 1);
      try {
        return original(state, startLine, endLine, false);
      } finally {
        depths.set(env, depth);
      }
    };
    md.block.ruler.at(name, bounded, { alt: [...rule.alt] });
  }
}

/** The recorded markers, each once, in order. */
export function markersTooDeep(env: NestingEnv): number[] {
  return [...new Set(env.tooDeep ?? [])].sort((a, b) => a - b);
}

const MARKER = /[ \t]*(>|[-+*](?=[ \t\n]|$)|\d{1,9}[.)](?=[ \t\n]|$))/y;

/**
 * Offsets of the first marker past the MAX_NESTING-th at the start of each line, counted without
 * regard to what the markers mean: a bound that holds whatever a parser makes of tabs (markdown-it
 * reads `> \t>` as a quote holding indented code, CommonMark and the renderer as two quotes). Lines
 * in `skip` (0-based [start, end) ranges: fenced code) are text and left alone.
 */
export function markersPastBound(text: string, skip: ReadonlyArray<readonly [number, number]> = []): number[] {
  const found: number[] = [];
  for (let start = 0, line = 0; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    if (!skip.some(([from, to]) => line >= from && line < to)) {
      MARKER.lastIndex = start;
      let count = 0;
      for (let match = MARKER.exec(text); match; match = MARKER.exec(text)) {
        if (++count > MAX_NESTING) {
          found.push(MARKER.lastIndex - match[1]!.length);
          break;
        }
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  return found;
}

/**
 * `text` with a backslash before each marker at `offsets` (`\>`, `\-`, `1\.`), so that no CommonMark
 * parser opens a quote or list there: what follows is read as text, the marker included.
 */
export function escapeMarkers(text: string, offsets: readonly number[]): string {
  if (offsets.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const offset of offsets) {
    let at = offset;
    while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
    parts.push(text.slice(last, at), '\\');
    last = at;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
