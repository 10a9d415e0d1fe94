import type { AlignType, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type Token from 'markdown-it/lib/token.mjs';
import { commonMarkParser, flattenDeepNesting } from '../documents/markdown-parser.js';
import { footnoteIdentifier, gfm } from './markdown-gfm.js';

/**
 * The renderer's parser: validation's CommonMark (its nesting bound included) plus GFM. Links are
 * kept as written, neither percent-encoded nor punycoded: the site's pipeline encodes them as it
 * always has, and the sanitiser and the link resolver decide what they lead to.
 */
const parser = commonMarkParser().use(gfm);
parser.normalizeLink = (url) => url;
parser.normalizeLinkText = (text) => text;

type Parent = Extract<Nodes, { children: unknown[] }>;

function append(parent: Parent, node: Nodes): void {
  (parent.children as Nodes[]).push(node);
}

/** Adjacent text is one text node, a soft line break a newline in it, as in mdast. */
function appendText(parent: Parent, value: string): void {
  const last = parent.children.at(-1);
  if (last?.type === 'text') last.value += value;
  else append(parent, { type: 'text', value });
}

/** The text of an image's description, as mdast's `alt` (mdast-util-to-string): nested images and code included. */
function altText(children: readonly Token[] | null): string {
  let alt = '';
  const pending = [...(children ?? [])].reverse();
  for (let token = pending.pop(); token; token = pending.pop()) {
    if (token.type === 'text' || token.type === 'code_inline' || token.type === 'html_inline') alt += token.content;
    else if (token.type === 'softbreak') alt += '\n';
    else if (token.type === 'image') pending.push(...[...(token.children ?? [])].reverse());
  }
  return alt;
}

const INLINE_OPENS: Record<string, () => PhrasingContent> = {
  em_open: () => ({ type: 'emphasis', children: [] }),
  strong_open: () => ({ type: 'strong', children: [] }),
  s_open: () => ({ type: 'delete', children: [] }),
};

/** Inline tokens into `into`, without recursion: emphasis may nest as deep as the text is long. */
function inline(tokens: readonly Token[], into: Parent): void {
  const stack: Parent[] = [into];
  for (const token of tokens) {
    const top = stack.at(-1)!;
    const open = INLINE_OPENS[token.type];
    if (open || token.type === 'link_open') {
      const node: PhrasingContent = open ? open() : { type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [] };
      append(top, node);
      stack.push(node as Parent);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === 'text') appendText(top, token.content);
    else if (token.type === 'softbreak') appendText(top, '\n');
    else if (token.type === 'hardbreak') append(top, { type: 'break' });
    else if (token.type === 'code_inline') append(top, { type: 'inlineCode', value: token.content });
    else if (token.type === 'html_inline') append(top, { type: 'html', value: token.content });
    else if (token.type === 'image') append(top, { type: 'image', url: token.attrGet('src') ?? '', title: token.attrGet('title'), alt: altText(token.children) });
    else if (token.type === 'footnote_ref') {
      const label = String((token.meta as { label: string }).label);
      append(top, { type: 'footnoteReference', identifier: footnoteIdentifier(label), label });
    }
  }
}

/** A fence's info string as mdast splits it: the language, then the rest. */
function codeInfo(info: string): { lang: string | null; meta: string | null } {
  const [, lang = '', meta = ''] = /^(\S*)\s*([\s\S]*)$/.exec(info.trim()) ?? [];
  return { lang: lang || null, meta: meta || null };
}

const ALIGN = /text-align:\s*(left|right|center)/;

/** The mdast node a block token opens; undefined for the wrappers mdast has no node for (thead, tbody). */
function opened(token: Token): Parent | undefined {
  switch (token.type) {
    case 'paragraph_open':
      return { type: 'paragraph', children: [] };
    case 'heading_open':
      return { type: 'heading', depth: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children: [] };
    case 'blockquote_open':
      return { type: 'blockquote', children: [] };
    case 'bullet_list_open':
    case 'ordered_list_open': {
      const ordered = token.type === 'ordered_list_open';
      return { type: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) : null, spread: false, children: [] };
    }
    case 'list_item_open':
      return { type: 'listItem', spread: false, checked: (token.meta as { checked?: boolean } | null)?.checked ?? null, children: [] };
    case 'table_open':
      return { type: 'table', align: [], children: [] };
    case 'tr_open':
      return { type: 'tableRow', children: [] };
    case 'th_open':
    case 'td_open':
      return { type: 'tableCell', children: [] };
    case 'footnote_reference_open': {
      const label = String((token.meta as { label: string }).label);
      return { type: 'footnoteDefinition', identifier: footnoteIdentifier(label), label, children: [] };
    }
    default:
      return undefined;
  }
}

function leaf(token: Token): RootContent | undefined {
  switch (token.type) {
    case 'fence':
      return { type: 'code', ...codeInfo(token.info), value: token.content.replace(/\n$/, '') };
    case 'code_block':
      return { type: 'code', lang: null, meta: null, value: token.content.replace(/\n$/, '') };
    case 'hr':
      return { type: 'thematicBreak' };
    case 'html_block':
      return { type: 'html', value: token.content.replace(/\n$/, '') };
    default:
      return undefined;
  }
}

/**
 * What a parent is when it closes: a list is loose (spread) when markdown-it left its items'
 * paragraphs visible, and its items say the same (mdast-util-to-hast reads looseness off the list);
 * a task item's first paragraph loses the white space after its check, as in mdast.
 */
function closed(node: Parent): void {
  if (node.type === 'list') {
    for (const item of node.children) item.spread = node.spread;
  } else if (node.type === 'listItem') {
    const [first] = node.children;
    const head = first?.type === 'paragraph' ? first.children[0] : undefined;
    if (node.checked !== null && head?.type === 'text') {
      head.value = head.value.slice(1);
      if (head.value === '' && first?.type === 'paragraph') first.children.shift();
    }
  }
}

/**
 * Markdown (a document's body) as the mdast tree remark-parse and remark-gfm made of it, read by
 * markdown-it in time linear in its length. Quotes and lists nested past validation's bound are text,
 * as validation read them. Without recursion: nothing here grows the stack with the input.
 */
export function markdownTree(markdown: string): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Parent[] = [root];
  for (const token of parser.parse(flattenDeepNesting(markdown), {})) {
    const top = stack.at(-1)!;
    if (token.nesting === 1) {
      const node = opened(token);
      if (node) append(top, node);
      if (token.type === 'th_open') {
        const table = stack.findLast((parent): parent is Table => parent.type === 'table');
        table?.align?.push((ALIGN.exec(token.attrGet('style') ?? '')?.[1] ?? null) as AlignType);
      }
      if (node?.type === 'paragraph' && top.type === 'listItem' && !token.hidden) {
        const list = stack.at(-2);
        if (list?.type === 'list') list.spread = true;
      }
      stack.push(node ?? top);
    } else if (token.nesting === -1) {
      const node = stack.pop()!;
      if (stack.at(-1) !== node) closed(node);
    } else if (token.type === 'inline') inline(token.children ?? [], top);
    else {
      const node = leaf(token);
      if (node) append(top, node);
    }
  }
  return root;
}
