import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/html/markdown-to-html.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  value?: string;
}

function elements(html: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.tagName) found.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(`<!doctype html><html><body>${html}</body></html>`));
  return found;
}

const HOSTILE = `# Title

<script>alert(1)</script>

<img src="x" onerror="alert(2)">

<iframe src="https://evil.example"></iframe>

[one](javascript:alert(3)) [two](JaVaScRiPt:alert(4)) [three](data:text/html;base64,PHNjcmlwdD4=) [four](vbscript:x) [five](file:///etc/passwd)

![pixel](https://tracker.example/p.gif) ![inline](data:image/png;base64,AAAA)

<a href="https://example.com" onclick="alert(5)">raw</a>

Text {{constructor}} and {{{body}}} stays text.

[ok](https://example.com) [mail](mailto:ciso@example.com) [doc](policy.md#scope)
`;

describe('Markdown to HTML', () => {
  const html = markdownToHtml(HOSTILE, (href) => (href.startsWith('policy.md') ? href.replace('policy.md', 'DOC-A5.html') : undefined));
  const all = elements(html);

  it('lets no script, iframe or raw HTML element through', () => {
    expect(all.filter((e) => ['script', 'iframe', 'object', 'embed', 'style'].includes(e.tagName!))).toEqual([]);
  });

  it('lets no event handler attribute through', () => {
    expect(all.flatMap((e) => (e.attrs ?? []).filter((a) => a.name.startsWith('on')))).toEqual([]);
  });

  it('keeps only http, https and mailto links, and loads no image from anywhere', () => {
    const hrefs = all.filter((e) => e.tagName === 'a').flatMap((e) => (e.attrs ?? []).filter((a) => a.name === 'href').map((a) => a.value));
    expect(hrefs).toEqual(['https://example.com', 'mailto:ciso@example.com', 'DOC-A5.html#scope']);
    const sources = all.filter((e) => e.tagName === 'img').flatMap((e) => (e.attrs ?? []).filter((a) => a.name === 'src').map((a) => a.value));
    expect(sources).toEqual([]);
  });

  it('keeps template syntax as plain text', () => {
    expect(html).toContain('Text {{constructor}} and {{{body}}} stays text.');
  });

  it('gives headings the ids GitHub gives them', () => {
    expect(all.find((e) => e.tagName === 'h1')?.attrs).toEqual([{ name: 'id', value: 'title' }]);
  });
});
