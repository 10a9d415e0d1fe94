import GithubSlugger from 'github-slugger';
import type { Heading, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { markdownTree } from '../markdown-tree.js';
import type { PdfContent, PdfLink } from './pdf-content.js';
import { pdfTable, type TextArea } from './pdf-table.js';

export interface PdfBodyOptions {
  /** Where each link of the document leads; undefined leaves its text, unlinked. */
  link: (href: string) => PdfLink | undefined;
  /** The destination id of the heading the site gives this id (its slug), so links can lead to it. */
  headingId: (slug: string) => string;
  /** The text area of the pages the body is laid out on (tables are fitted to its width). */
  area: TextArea;
}

/** The colour of links, as on the site. */
export const LINK_COLOR = '#1f5f99';
/** Indentation of a nested list or quote, in points: a generous estimate (tables are fitted to what is left, in proportion). */
const NESTED_INDENT = 16;

interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  decoration?: string[];
  link?: PdfLink;
}

interface Context {
  options: PdfBodyOptions;
  slugs: ReadonlyMap<Heading, string>;
  indent: number;
}

/** One leaf of inline content with every style it inherits: pdfmake styles no inline nested in another. */
function leaf(text: string, style: InlineStyle, own: Record<string, unknown> = {}): Record<string, unknown> {
  const decoration = [...(style.decoration ?? []), ...(style.link ? ['underline'] : [])];
  return {
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(decoration.length > 0 ? { decoration: decoration.length === 1 ? decoration[0] : decoration } : {}),
    ...(style.link ? { ...style.link, color: LINK_COLOR } : {}),
    ...own,
  };
}

function inline(nodes: readonly PhrasingContent[], style: InlineStyle, context: Context): PdfContent[] {
  return nodes.flatMap((node): PdfContent[] => {
    switch (node.type) {
      case 'text':
        return [leaf(node.value, style)];
      case 'strong':
        return inline(node.children, { ...style, bold: true }, context);
      case 'emphasis':
        return inline(node.children, { ...style, italics: true }, context);
      case 'delete':
        return inline(node.children, { ...style, decoration: [...(style.decoration ?? []), 'lineThrough'] }, context);
      case 'inlineCode':
        return [leaf(node.value, style, { font: 'DejaVuMono', fontSize: 9 })];
      case 'break':
        return [leaf('\n', style)];
      case 'link': {
        const target = style.link ? undefined : context.options.link(node.url);
        return inline(node.children, target ? { ...style, link: target } : style, context);
      }
      case 'image':
        return [leaf(`[${node.alt ?? 'image'}]`, style)];
      case 'footnoteReference':
        return [leaf(`[${node.label ?? node.identifier}]`, style, { fontSize: 7 })];
      case 'html':
        return [];
      default:
        return 'children' in node ? inline(node.children, style, context) : 'value' in node ? [leaf(String(node.value), style)] : [];
    }
  });
}

function cells(row: TableRow, context: Context): PdfContent[] {
  return row.children.map((cell) => ({ text: inline(cell.children, {}, context) }));
}

function blocks(nodes: readonly RootContent[], context: Context): PdfContent[] {
  const nested = { ...context, indent: context.indent + NESTED_INDENT };
  return nodes.flatMap((node): PdfContent[] => {
    switch (node.type) {
      case 'heading': {
        const slug = context.slugs.get(node);
        return [{ text: inline(node.children, {}, context), style: `h${Math.min(node.depth + 1, 4)}`, headlineLevel: node.depth, ...(slug ? { id: context.options.headingId(slug) } : {}) }];
      }
      case 'paragraph':
        return [{ text: inline(node.children, {}, context), style: 'p' }];
      case 'list': {
        const items = node.children.map((item) => ({ stack: blocks(item.children, nested), margin: [0, 0, 0, 2] }));
        return [node.ordered ? { ol: items, start: node.start ?? 1, style: 'list' } : { ul: items, style: 'list' }];
      }
      case 'table': {
        const [head, ...rows] = node.children;
        if (!head) return [];
        const { area } = context.options;
        return [
          pdfTable(
            cells(head, context),
            rows.map((row) => cells(row, context)),
            { ...area, width: area.width - context.indent },
          ),
        ];
      }
      case 'blockquote':
        return [{ stack: blocks(node.children, nested), margin: [NESTED_INDENT, 0, 0, 8], italics: true, color: '#444' }];
      case 'code':
        return [{ text: node.value, font: 'DejaVuMono', fontSize: 8, preserveLeadingSpaces: true, margin: [0, 0, 0, 8], background: '#f4f6fa' }];
      case 'thematicBreak':
        return [{ canvas: [{ type: 'line', x1: 0, y1: 4, x2: context.options.area.width - context.indent, y2: 4, lineWidth: 0.5, lineColor: '#999' }], margin: [0, 4, 0, 8] }];
      case 'footnoteDefinition':
        return [{ stack: blocks(node.children, context), fontSize: 8, margin: [0, 0, 0, 4] }];
      default:
        return [];
    }
  });
}

function parse(markdown: string): Root {
  return markdownTree(markdown);
}

/** Each heading's id as the site makes it (rehype-slug: GitHub's slugs of its text, in document order). */
function headingSlugs(tree: Root): Map<Heading, string> {
  const slugger = new GithubSlugger();
  const slugs = new Map<Heading, string>();
  visit(tree, 'heading', (heading: Heading) => {
    slugs.set(heading, slugger.slug(toString(heading, { includeImageAlt: false, includeHtml: false })));
  });
  return slugs;
}

/** The ids the site gives the headings of a Markdown body: the anchors a link to it may name. */
export function anchorsOf(markdown: string): Set<string> {
  return new Set(headingSlugs(parse(markdown)).values());
}

/**
 * Markdown (the body: no front matter, title or history) as pdfmake content, with the inline styles
 * and links of the site. Raw HTML is not rendered; quotes and lists nested past validation's bound
 * are text, as on the site.
 */
export function markdownToPdf(markdown: string, options: PdfBodyOptions): PdfContent[] {
  const tree = parse(markdown);
  return blocks(tree.children, { options, slugs: headingSlugs(tree), indent: 0 });
}
