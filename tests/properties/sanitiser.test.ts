import fc from 'fast-check';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/html/markdown-to-html.js';
import { markdownTree } from '../../src/render/markdown-tree.js';
import { activeContent } from '../helpers/html-safety.js';

/** Fixed seed: the same inputs on every run. */
const RUNS = { seed: 20_261_201, numRuns: 300 };

/** What an attacker writes into a document's body to run script or leave the page. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<base href="javascript:x//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="javascript:alert(1)">a</a>',
  '<a href=" javascript:alert(1)">a</a>',
  '<a href="java&#x09;script:alert(1)">a</a>',
  '<a href="&#106;avascript:alert(1)">a</a>',
  '<a xlink:href="javascript:alert(1)">a</a>',
  '<img srcset="javascript:alert(1) 1x">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--><img src=x onerror=alert(1)>-->',
  '[a](javascript:alert(1))',
  '[a](JaVaScRiPt:alert(1))',
  '[a](java\tscript:alert(1))',
  '[a](  javascript:alert(1))',
  '[a](<javascript:alert(1)>)',
  '[a](data:text/html;base64,PHNjcmlwdD4=)',
  '[a](vbscript:msgbox(1))',
  '[a](file:///etc/passwd)',
  '[a](tel:+123)',
  '[a](//evil.example)',
  '![i](data:image/png;base64,AAAA)',
  '![i](https://tracker.example/p.gif)',
  '![i](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<https://example.com>',
  '<mailto:ciso@example.com>',
  '[ref]: javascript:alert(1)\n\n[x][ref]',
  '[^1]\n\n[^1]: <script>alert(1)</script>',
  '| a | <img src=x onerror=y> |\n|---|---|\n| [c](javascript:d) | e |',
  '# <script>alert(1)</script>',
  '> <img onerror=x src=y>',
  '- [x](javascript:y)',
  '`<script>`',
  '```\n<script>alert(1)</script>\n```',
  '&lt;script&gt;',
  '{{constructor.constructor("alert(1)")()}}',
  '[ok](https://example.com)',
  '[mail](mailto:a@example.com)',
  '[doc](policy.md#scope)',
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '*', '_', '[', ']', '(', ')', '<', '>', '"', "'", '`', '|', '#', '-', '!', '&', ':', '=', '/') },
);
const markdown = fc.array(piece, { minLength: 1, maxLength: 20 }).map((parts) => parts.join(''));
const toPage = (href: string) => (href.startsWith('policy.md') ? href.replace('policy.md', 'DOC-A5.html') : undefined);

/** The site's pipeline without its last step, rehype-sanitize: what the sanitiser alone answers for. */
function withoutSanitising(text: string): string {
  const processor = unified().use(remarkRehype, { allowDangerousHtml: false }).use(rehypeStringify);
  return processor.stringify(processor.runSync(markdownTree(text)));
}

describe('the sanitiser', () => {
  it('never publishes a script, an event handler or a link of a scheme other than http, https and mailto', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(activeContent(markdownToHtml(text, toPage), { fragment: true })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is what makes that so: without it, the same property fails', () => {
    const result = fc.check(
      fc.property(markdown, (text) => activeContent(withoutSanitising(text), { fragment: true }).length === 0),
      RUNS,
    );
    expect(result.failed).toBe(true);
    expect(activeContent(withoutSanitising(result.counterexample![0]), { fragment: true })).not.toEqual([]);
  });

  it('gives the same HTML for the same Markdown twice', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(markdownToHtml(text, toPage)).toBe(markdownToHtml(text, toPage));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

describe('the safety check itself', () => {
  it.each([
    ['<script>x</script>', '<script>'],
    ['<img src=x onerror=y>', '<img onerror>'],
    ['<a href=" JAVA&#x09;SCRIPT:x">a</a>', '<a href="javascript:...">'],
    ['<a href="data:text/html,x">a</a>', '<a href="data:...">'],
    ['<img srcset="x.png 1x, javascript:y 2x">', '<img srcset="javascript:...">'],
  ])('finds %s', (html, found) => {
    expect(activeContent(html, { fragment: true })).toContain(found);
  });

  it('passes plain links, mail links and relative links', () => {
    expect(activeContent('<a href="https://example.com">a</a><a href="mailto:a@b.c">b</a><a href="DOC-A5.html#scope">c</a><a href="#top">d</a>', { fragment: true })).toEqual([]);
  });
});
