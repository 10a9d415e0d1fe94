import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { boundNesting, escapeMarkers, markersPastBound, markersTooDeep, type NestingEnv } from './markdown-nesting.js';

export interface SourceSpan {
  start: number;
  end: number;
}

/**
 * CommonMark with GFM tables: what validation reads, and what the renderer reads before adding the
 * rest of GFM (src/render/markdown-tree.ts). Every link is kept, whatever its scheme: validation must
 * see `file:` links to refuse them (markdown-it would drop them as unsafe), and the site's sanitiser
 * decides what is published. Raw HTML is recognised as HTML (never rendered: that is for the site to
 * refuse) so that what sits in an HTML block or comment is no heading, table or link either. Quotes
 * and lists nest at most MAX_NESTING deep; deeper ones are text (see `flattenDeepNesting`).
 */
export function commonMarkParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true }).enable('table');
  boundNesting(md);
  md.validateLink = () => true;
  return md;
}

/**
 * Validation's parser (headings, links, tables, text). markdown-it gives block lines but no inline
 * offsets, so the inline rules that matter (links, images, autolinks, code spans) are wrapped to
 * record where in the inline source each match starts and ends.
 */
function createParser(): MarkdownIt {
  const md = commonMarkParser();
  const produces: Record<string, string> = { link: 'link_open', image: 'image', autolink: 'link_open', backticks: 'code_inline' };
  for (const name of Object.keys(produces)) {
    const rule = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: (state: never, silent: boolean) => boolean }> }).__rules__.find((r) => r.name === name);
    if (!rule) continue;
    const original = rule.fn;
    md.inline.ruler.at(name, (state, silent) => {
      const start = state.pos;
      const first = state.tokens.length;
      const matched = original(state as never, silent);
      // Pending text is flushed as a token first, so look for the token this rule makes.
      const token = state.tokens.slice(first).find((t) => t.type === produces[name]);
      if (matched && !silent && token) token.meta = { ...(token.meta as object | null), span: { start, end: state.pos } satisfies SourceSpan };
      return matched;
    });
  }
  return md;
}

/** The one Markdown parser of validation and of the version-history reader. */
export const parser = createParser();

/**
 * Where quotes and lists open too deep in a parse of `text` with `env`: the markers markdown-it did
 * not open past MAX_NESTING, and any marker past the bound at the start of a line outside fenced
 * code, where parsers may disagree on tabs. In order, each once.
 */
export function deepMarkers(text: string, tokens: readonly Token[], env: NestingEnv): number[] {
  const fences = tokens.filter((t) => t.type === 'fence' && t.map).map((t) => t.map as [number, number]);
  return [...new Set([...markersTooDeep(env), ...markersPastBound(text, fences)])].sort((a, b) => a - b);
}

/**
 * The Markdown as validation reads it, for the renderer: every marker of `deepMarkers` is escaped,
 * so what lies deeper is published as the text validation reported (the renderer's parser is
 * bounded too, and also bounds what validation does not read, footnotes). Blocks only, so linear in
 * the length of the text.
 */
export function flattenDeepNesting(markdown: string): string {
  const env: NestingEnv = {};
  const tokens: Token[] = [];
  // Same length, so offsets in what markdown-it reads are offsets in `markdown`.
  parser.block.parse(markdown.replace(/[\r\0]/g, '\uFFFD'), parser, env, tokens);
  return escapeMarkers(markdown, deepMarkers(markdown, tokens, env));
}

/**
 * Characters at which an inline rule of validation's parser (CommonMark's: autolinks and HTML `<`,
 * code spans, emphasis, entities, escapes, images, links, line breaks) can begin, and those its
 * normaliser rewrites: inline text with none of them is one text token, itself.
 */
const INLINE_MARKUP = /[\0\r\n!&*<[\\_`]/;

/**
 * The plain text of an inline token (a heading's, a table cell's), trimmed. A parse of blocks only
 * leaves inline tokens with no children: then the content is parsed inline here, with the block
 * parse's `env` (its link references), which gives the children a full parse would have. Git reads
 * the history table of every revision so, and most cells are plain text: those skip the parse.
 */
export function inlineText(inline: Token, env: object): string {
  if (inline.children?.length) return plainText(inline.children).trim();
  if (!INLINE_MARKUP.test(inline.content)) return inline.content.trim();
  return plainText(parser.parseInline(inline.content, env)[0]?.children ?? null).trim();
}

/** Plain text of inline tokens, as readers see it (no markup, no image text): for slugs, table cells and heading names. */
export function plainText(children: readonly Token[] | null): string {
  let text = '';
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak') text += '\n';
  }
  return text;
}
