import GithubSlugger from 'github-slugger';
import type Token from 'markdown-it/lib/token.mjs';
import type { Range } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../text/line-index.js';
import { findHistorySectionIn, type HistorySection } from './history-section.js';
import { MAX_NESTING, type NestingEnv } from './markdown-nesting.js';
import { deepMarkers, inlineText, parser, type SourceSpan } from './markdown-parser.js';
import { lineRange, readTable, type MarkdownTable } from './markdown-table.js';
import type { Problem } from '../source/problem.js';

export interface MarkdownHeading {
  depth: number;
  text: string;
  /** The anchor GitHub and our site give the heading. */
  slug: string;
  at: Range;
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
  /** Where the version history heading and table are (0-based lines), as every reader of the history finds them. */
  history: HistorySection | undefined;
  /** What cannot be read as written (quotes or lists nested too deep), for the `parse-error` rule. */
  problems: Problem[];
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
  const model: MarkdownModel = { headings: [], links: [], mentions: [], blocks: [], history: findHistorySectionIn(tokens, env), problems: nestingProblems(text, deepMarkers(text, tokens, env)) };

  const scanInline = (inline: Token, locate: Locate) => {
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
    let next = 0;
    for (const match of inline.content.matchAll(MENTION)) {
      const start = match.index ?? 0;
      while (next < excluded.length && excluded[next]!.end <= start) next++;
      const span = excluded[next];
      if (span && start >= span.start) continue;
      model.mentions.push({ text: match[0], id: `DOC-${(match[1] ?? '').toUpperCase()}`, at: rangeFrom(locate, start, start + match[0].length) });
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.map) {
      const inline = tokens[i + 1]!;
      const first = token.map[0];
      const source = lines[first] ?? '';
      const column = token.markup.startsWith('#') ? source.indexOf('#') + 1 : source.length - source.trimStart().length + 1;
      const headingText = inlineText(inline, env);
      const heading: MarkdownHeading = { depth: Number(token.tag.slice(1)), text: headingText, slug: slugger.slug(headingText), at: lineRange(lines, first, token.map[1] - 1, column) };
      model.headings.push(heading);
      if (token.level === 0) model.blocks.push({ kind: 'heading', heading });
      scanInline(inline, lineLocator(lines, first, inline.content, token.markup.startsWith('#') ? /^[\s>]*#+[ \t]*/ : undefined));
    } else if (token.type === 'table_open' && token.map) {
      const { table, close } = readTable(tokens, i, lines, env, (cell, line, column) => scanInline(cell, (offset) => ({ line: line + 1, column: column + offset + 1 })));
      i = close;
      if (token.level === 0) model.blocks.push({ kind: 'table', table });
    } else if (token.type === 'inline' && token.map) {
      scanInline(token, lineLocator(lines, token.map[0], token.content));
    }
  }
  return model;
}
