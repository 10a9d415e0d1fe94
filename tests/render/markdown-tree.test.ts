import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { flattenDeepNesting } from '../../src/documents/markdown-parser.js';
import { markdownTree } from '../../src/render/markdown-tree.js';
import { bodyOf } from '../../src/render/site/render-site.js';
import { normaliseText } from '../../src/text/decode.js';

/*
 * The renderer once parsed Markdown with remark-parse and remark-gfm (micromark), which takes time
 * quadratic in some inline input. It now reads it with markdown-it, as validation does, into the same
 * mdast tree. The old parser stays here, as the reference: every document must come out the same.
 */
const remark = unified().use(remarkParse).use(remarkGfm);
const toHtml = (tree: Root) => {
  const processor = unified().use(remarkRehype, { allowDangerousHtml: false }).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree));
};
const before = (markdown: string) => {
  const tree = remark.parse(flattenDeepNesting(markdown));
  return toHtml(remark.runSync(tree) as Root);
};
const now = (markdown: string) => toHtml(markdownTree(markdown));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !path.join(entry.parentPath, entry.name).includes('_site'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const documents = [...markdownFiles('isms-docs'), ...markdownFiles('tests/fixtures')];

describe('the renderer reads Markdown as remark-parse and remark-gfm did', () => {
  it('has the bundled documents and the fixtures to compare, the GFM fixture among them', () => {
    expect(documents).toContain('isms-docs/manual.md');
    expect(documents).toContain('tests/fixtures/markdown/gfm.md');
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(documents)('renders %s to the same HTML', (file) => {
    // As the loader hands text to the renderer: without a byte-order mark, lines ending in LF (the corpus has both).
    const body = bodyOf(normaliseText(readFileSync(file, 'utf8')));
    expect(now(body)).toBe(before(body));
  });

  it('renders the GFM fixture whole (its first heading too) to the same HTML, with every kind of node in it', () => {
    const text = readFileSync('tests/fixtures/markdown/gfm.md', 'utf8');
    const html = now(text);
    expect(html).toBe(before(text));
    for (const tag of [
      '<h1>',
      '<h2>',
      '<em>',
      '<strong>',
      '<del>',
      '<code>',
      '<a href="https://example.com/ref"',
      '<img',
      '<br>',
      '<ol start="3">',
      '<input type="checkbox"',
      '<blockquote>',
      '<pre><code class="language-yaml">',
      '<hr>',
      '<th align="center">',
      'data-footnote-ref',
      'data-footnotes',
      '<a href="http://www.wackywidget.example">',
      '<a href="mailto:security@wackywidget.example">',
    ]) {
      expect(html, tag).toContain(tag);
    }
    expect(html).not.toMatch(/<script|<div|<span|onerror/);
  });

  /*
   * Where the two parsers differ, and why the difference is accepted. Each case is rare in writing
   * and the new reading is at least as right.
   */
  it.each([
    {
      why: 'remark-gfm links the "www" of a sentence ending in "www." (to http://www); GFM wants a host after "www."',
      markdown: 'a www.',
      before: '<p>a <a href="http://www">www</a>.</p>',
      now: '<p>a www.</p>',
    },
    {
      why: 'after a "www." literal that is no link (an underscore in its last labels), nothing up to its end is linked: looking again from each character is what made it quadratic',
      markdown: 'www.a_/www.b.com',
      before: '<p>www.a_/<a href="http://www.b.com">www.b.com</a></p>',
      now: '<p>www.a_/www.b.com</p>',
    },
    {
      why: 'markdown-it takes a pipe after a backslash as escaped even when that backslash is itself escaped',
      markdown: '| a | b |\n|---|---|\n| c\\\\| d |',
      before: '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c\\</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>',
      now: '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c| d</td>\n<td></td>\n</tr>\n</tbody>\n</table>',
    },
  ])('differs where $why', (difference) => {
    expect(before(difference.markdown)).toBe(difference.before);
    expect(now(difference.markdown)).toBe(difference.now);
  });
});
