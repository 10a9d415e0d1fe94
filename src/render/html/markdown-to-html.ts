import type { Element, Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { markdownTree } from '../markdown-tree.js';

/**
 * What may reach a page: GitHub's sanitisation schema, with links limited to http, https and mailto
 * (no javascript:, data: or file:), no image sources at all, and heading ids kept as
 * written: the pages run no script, so there is nothing for a clobbered id to attack, and anchors
 * must match the ids for links between documents to work without JavaScript.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
};

/** Rewrites a link to a controlled document (by its path) to that document's page. */
export type LinkResolver = (href: string) => string | undefined;
/* '' from the resolver removes the link (its text stays); undefined leaves it to the sanitiser. */

function rewriteLinks(resolve: LinkResolver) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img') {
        // The site is self-contained: no image is fetched from anywhere (a tracker, or a file that is not copied).
        delete node.properties['src'];
        return;
      }
      if (node.tagName !== 'a') return;
      const attribute = 'href';
      const value = node.properties?.[attribute];
      if (typeof value !== 'string') return;
      const rewritten = resolve(value);
      if (rewritten === '') delete node.properties[attribute];
      else if (rewritten !== undefined) node.properties[attribute] = rewritten;
    });
  };
}

/**
 * Markdown to HTML for the site: GFM, heading ids as GitHub makes them, links between documents
 * rewritten to the generated pages, and sanitisation last, so nothing added before it escapes it.
 * Raw HTML in the Markdown is never passed through; quotes and lists nested past validation's bound
 * are published as the text validation read.
 */
export function markdownToHtml(markdown: string, resolve: LinkResolver): string {
  const processor = unified()
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSlug)
    .use(() => rewriteLinks(resolve))
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
  return processor.stringify(processor.runSync(markdownTree(markdown)));
}
