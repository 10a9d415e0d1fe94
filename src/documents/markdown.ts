import GithubSlugger from 'github-slugger';
import type Token from 'markdown-it/lib/token.mjs';
import type { Range } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../text/line-index.js';
import { findHistorySectionIn, type HistorySection } from './history-section.js';
import { MAX_NESTING, type NestingEnv } from './markdown-nesting.js';
import { deepMarkers, inlineText, parser, type SourceSpan } from './markdown-parser.js';
import { lineRange, readTable, type MarkdownTable } from './markdown-table.js';
import type { Problem } from '../source/problem.js';

export type { SourceSpan } from './markdown-parser.js';

export interface MarkdownHeading {
  depth: number;
  text: string;
  /** The anchor GitHub and our site give the heading. */
  slug: string;
  at: Range;
  /**
   * Nothing under it that says anything before the next heading of its level or higher (its
   * subsections' content counts): no text with a letter or a digit, image, code or HTML but
   * comments. A lone `-`, `&nbsp;` or `.`, or a table with a header row and no body rows, is empty.
   */
  empty: boolean;
}

/**
 * Running text as written (a paragraph, a heading, a table cell, an HTML block): where words can be looked for.
 * Where it stands is kept small (its first line; a cell's column); `proseRange` works out a range.
 */
export interface MarkdownProse {
  /** The inline Markdown source. */
  content: string;
  /** Spans of `content` that are not prose: code spans, link destinations and HTML comments, in order. */
  excluded: SourceSpan[];
  /** 0-based line where it starts. */
  line: number;
  /** An ATX heading (its `#` markers come before the content). */
  heading: boolean;
  /** A table cell: the 0-based column where its content starts (a cell is one line); -1 for other text. */
  column: number;
}

export interface MarkdownLink {
  url: string;
  at: Range;
}

/** A `DOC A5`-style mention of a document id in running text. */
export interface DocumentMention {
  text: string;
  /** The id it means: `DOC SoA` -> `DOC-SOA`. */
  id: string;
  at: Range;
}

export interface MarkdownModel {
  headings: MarkdownHeading[];
  links: MarkdownLink[];
  mentions: DocumentMention[];
  /** Top-level blocks in order, so a table can be found "under a heading". */
  blocks: Array<{ kind: 'heading'; heading: MarkdownHeading } | { kind: 'table'; table: MarkdownTable }>;
  /** Every paragraph, heading, table cell and HTML block, in order. */
  prose: MarkdownProse[];
  /** Where the version history heading and table are (0-based lines), as every reader of the history finds them. */
  history: HistorySection | undefined;
  /** What cannot be read as written (quotes or lists nested too deep), for the `parse-error` rule. */
  problems: Problem[];
}

/** Blocks that are content of the section they stand in (a heading or a rule is not). */
const CONTENT_BLOCKS = new Set(['paragraph_open', 'bullet_list_open', 'ordered_list_open', 'blockquote_open', 'table_open', 'fence', 'code_block', 'html_block']);

/** HTML comments: what they hold is not published. */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** A letter or a digit: text without one (`-`, `.`, `&nbsp;`, `...`) says nothing. */
const WORDY = /[\p{L}\p{N}]/u;

/** Whether one token of a block says something: text with a letter or a digit, an image, code, HTML other than comments and tags. */
function saysSomething(token: Token): boolean {
  switch (token.type) {
    case 'inline':
      return (token.children ?? []).some((child) => child.type === 'image' || ((child.type === 'text' || child.type === 'code_inline') && WORDY.test(child.content)));
    case 'fence':
    case 'code_block':
      return token.content.trim() !== '';
    case 'html_block': {
      const html = token.content.replace(HTML_COMMENT, '');
      return /<img\b/i.test(html) || WORDY.test(html.replace(/<[^>]*>/g, '').replace(/&[#a-z0-9]+;/gi, ''));
    }
    default:
      return false;
  }
}

/**
 * Whether the top-level block that opens at `tokens[start]` says something. A table's header row
 * alone says nothing: only its body rows count.
 */
function blockSaysSomething(tokens: readonly Token[], start: number): boolean {
  const open = tokens[start]!;
  if (!open.type.endsWith('_open')) return saysSomething(open);
  const close = open.type.replace(/_open$/, '_close');
  let inHead = false;
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level === open.level && token.type === close) return false;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (!inHead && saysSomething(token)) return true;
  }
  return false;
}

/** `DOC A5`, `DOC SoA`, `DOC-A5`: the seed's convention for naming a controlled document. */
const MENTION = /\bDOC[ -]([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)\b/g;

const spanOf = (token: Token): SourceSpan | undefined => (token.meta as { span?: SourceSpan } | null)?.span;

/** Maps offsets in an inline token's source to file positions, line by line. */
type Locate = (offset: number) => { line: number; column: number };

function lineLocator(lines: readonly string[], firstLine: number, content: string, skip?: RegExp): Locate {
  const contentLines = content.split('\n');
  const starts: number[] = [];
  let offset = 0;
  const columns = contentLines.map((contentLine, i) => {
    starts.push(offset);
    offset += contentLine.length + 1;
    const source = lines[firstLine + i] ?? '';
    const from = i === 0 && skip ? (skip.exec(source)?.[0].length ?? 0) : 0;
    const trimmed = contentLine.trimEnd();
    const sourceTrimmed = source.trimEnd();
    if (trimmed !== '' && sourceTrimmed.endsWith(trimmed) && sourceTrimmed.length - trimmed.length >= from) return sourceTrimmed.length - trimmed.length;
    const found = source.indexOf(trimmed, from);
    return found === -1 ? from : found;
  });
  // Binary search: a paragraph of many lines may hold as many links and mentions.
  return (at: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: firstLine + low + 1, column: (columns[low] ?? 0) + at - (starts[low] ?? 0) + 1 };
  };
}

/** The file range of `prose.content` from `start` to `end`, given the file's lines. */
export function proseRange(prose: MarkdownProse, lines: readonly string[], start: number, end: number): Range {
  const { column } = prose;
  const locate: Locate = column >= 0 ? (offset) => ({ line: prose.line + 1, column: column + offset + 1 }) : lineLocator(lines, prose.line, prose.content, prose.heading ? ATX_MARKERS : undefined);
  return rangeFrom(locate, start, end);
}

/** What comes before the text of an ATX heading on its line (a quote's markers too). */
const ATX_MARKERS = /^[\s>]*#+[ \t]*/;

function rangeFrom(locate: Locate, start: number, end: number): Range {
  const from = locate(start);
  const to = locate(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** One problem, where quotes or lists first nest deeper than MAX_NESTING. */
function nestingProblems(text: string, markers: readonly number[]): Problem[] {
  const [first, ...more] = markers;
  if (first === undefined) return [];
  const also = more.length > 0 ? ` (and ${more.length} more ${more.length === 1 ? 'place' : 'places'})` : '';
  return [{ message: `quotes and lists nested more than ${MAX_NESTING} deep: from here on they are read, and published, as plain text${also}`, at: new LineIndex(text).range(first, first + 1) }];
}

/** Parses a Markdown body (front matter already blanked, so positions are file positions). */
export function parseMarkdown(text: string): MarkdownModel {
  const env: NestingEnv = {};
  const tokens = parser.parse(text, env);
  const lines = text.split('\n');
  const slugger = new GithubSlugger();
  const model: MarkdownModel = {
    headings: [],
    links: [],
    mentions: [],
    blocks: [],
    prose: [],
    history: findHistorySectionIn(tokens, env),
    problems: nestingProblems(text, deepMarkers(text, tokens, env)),
  };

  const scanInline = (inline: Token, locate: Locate, line: number, heading = false, column = -1) => {
    const excluded: SourceSpan[] = [];
    for (const child of inline.children ?? []) {
      const span = spanOf(child);
      if (child.type === 'link_open' || child.type === 'image') {
        const url = child.attrGet(child.type === 'image' ? 'src' : 'href') ?? '';
        if (span) {
          model.links.push({ url, at: rangeFrom(locate, span.start, span.end) });
          // Mentions count in a link's text, not in its destination or in an image.
          const source = inline.content.slice(span.start, span.end);
          const labelEnd = child.type === 'image' || child.markup === 'autolink' ? 0 : source.search(/\]\s*[([]/);
          excluded.push({ start: span.start + Math.max(0, labelEnd), end: span.end });
        } else {
          model.links.push({ url, at: rangeFrom(locate, 0, 0) });
        }
      } else if (child.type === 'code_inline' && span) {
        excluded.push(span);
      }
    }
    // A link's destination comes before the images and code in its label: order the spans, then one
    // sweep along the mentions (which come in source order), not a search per mention.
    excluded.sort((x, y) => x.start - y.start);
    model.prose.push({ content: inline.content, excluded, line, heading, column });
    let next = 0;
    for (const match of inline.content.matchAll(MENTION)) {
      const start = match.index ?? 0;
      while (next < excluded.length && excluded[next]!.end <= start) next++;
      const span = excluded[next];
      if (span && start >= span.start) continue;
      model.mentions.push({ text: match[0], id: `DOC-${(match[1] ?? '').toUpperCase()}`, at: rangeFrom(locate, start, start + match[0].length) });
    }
  };

  // The headings whose sections are open at this point of the document, outermost first.
  const open: MarkdownHeading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (open.length > 0 && token.level === 0 && CONTENT_BLOCKS.has(token.type) && blockSaysSomething(tokens, i)) {
      for (const heading of open) heading.empty = false;
      open.length = 0; // sections with content stay so: nothing more to mark until the next heading
    }
    if (token.type === 'heading_open' && token.map) {
      const inline = tokens[i + 1]!;
      const first = token.map[0];
      const source = lines[first] ?? '';
      const column = token.markup.startsWith('#') ? source.indexOf('#') + 1 : source.length - source.trimStart().length + 1;
      const headingText = inlineText(inline, env);
      const heading: MarkdownHeading = { depth: Number(token.tag.slice(1)), text: headingText, slug: slugger.slug(headingText), at: lineRange(lines, first, token.map[1] - 1, column), empty: true };
      model.headings.push(heading);
      if (token.level === 0) {
        while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) open.pop();
        open.push(heading);
      }
      if (token.level === 0) model.blocks.push({ kind: 'heading', heading });
      const atx = token.markup.startsWith('#');
      scanInline(inline, lineLocator(lines, first, inline.content, atx ? ATX_MARKERS : undefined), first, atx);
    } else if (token.type === 'table_open' && token.map) {
      const { table, close } = readTable(tokens, i, lines, env, (cell, line, column) => scanInline(cell, (offset) => ({ line: line + 1, column: column + offset + 1 }), line, false, column));
      i = close;
      if (token.level === 0) model.blocks.push({ kind: 'table', table });
    } else if (token.type === 'inline' && token.map) {
      scanInline(token, lineLocator(lines, token.map[0], token.content), token.map[0]);
    } else if (token.type === 'html_block' && token.map) {
      // Raw HTML is left out of what is published, so a `<insert ...>` prompt alone on its line vanishes unseen; comments are no text.
      const excluded = [...token.content.matchAll(HTML_COMMENT)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
      model.prose.push({ content: token.content, excluded, line: token.map[0], heading: false, column: -1 });
    }
  }
  return model;
}
