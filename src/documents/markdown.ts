import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { visit } from 'unist-util-visit';
import type { Range } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../text/line-index.js';

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

export interface MarkdownTableCell {
  text: string;
  at: Range;
}

export interface MarkdownTable {
  header: MarkdownTableCell[];
  rows: Array<{ cells: MarkdownTableCell[]; at: Range }>;
  at: Range;
}

export interface MarkdownModel {
  headings: MarkdownHeading[];
  links: MarkdownLink[];
  mentions: DocumentMention[];
  /** Top-level blocks in order, so a table can be found "under a heading". */
  blocks: Array<{ kind: 'heading'; heading: MarkdownHeading } | { kind: 'table'; table: MarkdownTable }>;
}

/**
 * CommonMark with GFM tables: what validation reads (headings, links, tables, text). The other GFM
 * extensions (autolink literals, footnotes, strikethrough, task lists) change nothing it checks and
 * cost more than twice the parse time; the renderer uses full GFM.
 */
const parse = (text: string): Root => fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

/** `DOC A5`, `DOC SoA`, `DOC-A5`: the seed's convention for naming a controlled document. */
const MENTION = /\bDOC[ -]([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)\b/g;

type Positioned = { position?: { start: { offset?: number; line: number; column: number }; end: { offset?: number; line: number; column: number } } };

function rangeOf(node: Positioned): Range {
  const p = node.position;
  if (!p) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

function tableOf(node: Table): MarkdownTable {
  const [head, ...body] = node.children;
  const cellsOf = (row: typeof head) =>
    (row?.children ?? []).map((cell) => {
      // Point at the cell's text, not at the pipe that opens it.
      const first = cell.children[0];
      const last = cell.children.at(-1);
      const at = first && last ? { ...rangeOf(first), endLine: rangeOf(last).endLine, endColumn: rangeOf(last).endColumn } : rangeOf(cell);
      return { text: toString(cell).trim(), at };
    });
  return {
    header: cellsOf(head),
    rows: body.map((row) => ({ cells: cellsOf(row), at: rangeOf(row) })),
    at: rangeOf(node),
  };
}

/** Parses a Markdown body (front matter already blanked, so positions are file positions). */
export function parseMarkdown(text: string): MarkdownModel {
  const tree = parse(text);
  const slugger = new GithubSlugger();
  const lines = new LineIndex(text);
  const model: MarkdownModel = { headings: [], links: [], mentions: [], blocks: [] };

  const headingOf = (node: Heading): MarkdownHeading => {
    const headingText = toString(node).trim();
    return { depth: node.depth, text: headingText, slug: slugger.slug(headingText), at: rangeOf(node) };
  };

  for (const block of tree.children as RootContent[]) {
    if (block.type === 'heading') {
      const heading = headingOf(block);
      model.headings.push(heading);
      model.blocks.push({ kind: 'heading', heading });
    } else if (block.type === 'table') {
      model.blocks.push({ kind: 'table', table: tableOf(block) });
    }
  }
  visit(tree, (node, _index, parent) => {
    if (node.type === 'heading' && parent !== tree) model.headings.push(headingOf(node));
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      model.links.push({ url: node.url, at: rangeOf(node) });
    }
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const start = node.position.start.offset;
      const source = text.slice(start, node.position.end.offset);
      for (const match of source.matchAll(MENTION)) {
        const offset = start + (match.index ?? 0);
        model.mentions.push({
          text: match[0],
          id: `DOC-${(match[1] ?? '').toUpperCase()}`,
          at: lines.range(offset, offset + match[0].length),
        });
      }
    }
  });
  return model;
}
