import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import { markdownTree } from '../markdown-tree.js';

/** pdfmake content: plain objects as pdfmake reads them. */
export type PdfContent = Record<string, unknown> | string | PdfContent[];

const EXTERNAL = /^(https?:|mailto:)/i;

function inline(nodes: readonly PhrasingContent[]): PdfContent[] {
  return nodes.flatMap((node): PdfContent[] => {
    switch (node.type) {
      case 'text':
        return [node.value];
      case 'strong':
        return [{ text: inline(node.children), bold: true }];
      case 'emphasis':
        return [{ text: inline(node.children), italics: true }];
      case 'delete':
        return [{ text: inline(node.children), decoration: 'lineThrough' }];
      case 'inlineCode':
        return [{ text: node.value, font: 'DejaVuMono', fontSize: 9 }];
      case 'break':
        return ['\n'];
      case 'link':
        // Only web and mail links are clickable; links between documents stay text in a PDF.
        return EXTERNAL.test(node.url) ? [{ text: inline(node.children), link: node.url, color: '#1f5f99', decoration: 'underline' }] : inline(node.children);
      case 'image':
        return [`[${node.alt ?? 'image'}]`];
      case 'footnoteReference':
        return [{ text: `[${node.label ?? node.identifier}]`, fontSize: 7 }];
      case 'html':
        return [];
      default:
        return 'children' in node ? inline(node.children as PhrasingContent[]) : 'value' in node ? [String(node.value)] : [];
    }
  });
}

function tableRow(row: TableRow, header: boolean): PdfContent[] {
  return row.children.map((cell) => ({ text: inline(cell.children), style: header ? 'th' : 'td' }));
}

function blocks(nodes: readonly RootContent[]): PdfContent[] {
  return nodes.flatMap((node): PdfContent[] => {
    switch (node.type) {
      case 'heading':
        return [{ text: inline(node.children), style: `h${Math.min(node.depth + 1, 4)}`, headlineLevel: node.depth }];
      case 'paragraph':
        return [{ text: inline(node.children), style: 'p' }];
      case 'list': {
        const items = node.children.map((item) => ({ stack: blocks(item.children), margin: [0, 0, 0, 2] }));
        return [node.ordered ? { ol: items, start: node.start ?? 1, style: 'list' } : { ul: items, style: 'list' }];
      }
      case 'table': {
        const [head, ...rows] = node.children;
        if (!head) return [];
        const widths = head.children.map(() => '*');
        return [{ table: { headerRows: 1, dontBreakRows: true, widths, body: [tableRow(head, true), ...rows.map((row) => tableRow(row, false))] }, layout: 'grid', style: 'table' }];
      }
      case 'blockquote':
        return [{ stack: blocks(node.children), margin: [16, 0, 0, 8], italics: true, color: '#444' }];
      case 'code':
        return [{ text: node.value, font: 'DejaVuMono', fontSize: 8, preserveLeadingSpaces: true, margin: [0, 0, 0, 8], background: '#f4f6fa' }];
      case 'thematicBreak':
        return [{ canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 0.5, lineColor: '#999' }], margin: [0, 4, 0, 8] }];
      case 'footnoteDefinition':
        return [{ stack: blocks(node.children), fontSize: 8, margin: [0, 0, 0, 4] }];
      default:
        return [];
    }
  });
}

/**
 * Markdown (the body: no front matter, title or history) as pdfmake content. Raw HTML is not
 * rendered; quotes and lists nested past validation's bound are text, as on the site.
 */
export function markdownToPdf(markdown: string): PdfContent[] {
  return blocks(markdownTree(markdown).children);
}
