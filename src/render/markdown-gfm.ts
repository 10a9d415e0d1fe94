import type MarkdownIt from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import { autolinks } from './markdown-autolinks.js';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

const TILDE = 0x7e;
/** A run of one tilde pairs only with a run of one: balance_pairs pairs delimiters of one marker. */
const SINGLE_TILDE = -TILDE;

/**
 * GFM strikethrough, `~a~` and `~~a~~`: a run of one or two tildes opens or closes (as it flanks,
 * like `*`) a run of the same length; longer runs are text. markdown-it's own rule knows only `~~`.
 */
function strikethrough(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (silent || state.src.charCodeAt(start) !== TILDE) return false;
  const scanned = state.scanDelims(start, true);
  const token = state.push('text', '', 0);
  token.content = state.src.slice(start, start + scanned.length);
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? SINGLE_TILDE : TILDE,
      length: 0, // no "rule of 3": that is for emphasis
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

/** Paired tilde delimiters become s_open and s_close (each delimiter is one whole run). */
function strikethroughPairs(state: StateInline): boolean {
  const lists = [state.delimiters, ...state.tokens_meta.map((meta) => meta?.delimiters ?? [])];
  for (const delimiters of lists) {
    for (const opener of delimiters) {
      if ((opener.marker !== TILDE && opener.marker !== SINGLE_TILDE) || opener.end === -1) continue;
      const closer = delimiters[opener.end]!;
      for (const [delimiter, type, nesting] of [
        [opener, 's_open', 1],
        [closer, 's_close', -1],
      ] as const) {
        const token = state.tokens[delimiter.token]!;
        Object.assign(token, { type, tag: 's', nesting, markup: token.content, content: '' });
      }
    }
  }
  return false;
}

/** `[ ]` or `[x]` and white space, then text: what opens a task list item's first paragraph. */
const TASK = /^\[([ xX])\][ \t\n]+[^ \t\n]/;

/**
 * GFM task list items: the check of a list item's first paragraph is taken out of its text before
 * inline parsing (so it is never read as a link) and kept as `checked` in the item's meta. The white
 * space after it stays in the text, as in micromark; the tree takes its first character out.
 */
function taskListItems(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [item, paragraph, inline] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (item.type !== 'list_item_open' || paragraph.type !== 'paragraph_open' || inline.type !== 'inline') continue;
    const match = TASK.exec(inline.content);
    if (!match) continue;
    item.meta = { ...(item.meta as object | null), checked: match[1] !== ' ' };
    inline.content = inline.content.slice(3);
  }
}

/** Footnote labels match as in GFM: case-insensitively, runs of white space as one space. */
export function footnoteIdentifier(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/** markdown-it-footnote looks labels up in `env.footnotes.refs` as `:label`; this map looks them up by identifier. */
function footnoteLabels(state: StateCore): void {
  const byIdentifier = new Map<string, number>();
  const key = (property: string | symbol) => (typeof property === 'string' ? footnoteIdentifier(property) : '');
  const refs = new Proxy(
    {},
    {
      get: (_, property) => byIdentifier.get(key(property)),
      set: (_, property, value: number) => (byIdentifier.set(key(property), value), true),
      has: (_, property) => byIdentifier.has(key(property)),
    },
  );
  (state.env as { footnotes?: object }).footnotes = { refs };
}

/**
 * What GFM adds to validation's CommonMark for rendering: strikethrough, literal autolinks, task
 * list items and footnotes. Footnote definitions stay where they are written (markdown-it-footnote
 * would move them to the end, concatenating the token list once per footnote); inline footnotes
 * (`^[...]`) are no GFM and stay text.
 */
export function gfm(md: MarkdownIt): void {
  md.use(footnotes);
  md.core.ruler.disable('footnote_tail');
  md.inline.ruler.disable('footnote_inline');
  md.core.ruler.before('block', 'footnote_labels', footnoteLabels);
  md.core.ruler.after('block', 'task_list_items', taskListItems);
  md.inline.ruler.at('strikethrough', strikethrough);
  md.inline.ruler2.at('strikethrough', strikethroughPairs);
  md.enable('strikethrough');
  md.use(autolinks);
}
