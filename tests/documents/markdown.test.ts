import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { markdownToHtml } from '../../src/render/html/markdown-to-html.js';
import { bodyOf } from '../../src/render/site/render-site.js';

/** The 1-based line and column where `needle` (the n-th occurrence) starts in `text`. */
function where(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < occurrence; n++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

const TEXT = `# Title ##

Intro with [a link](a.md) and DOC A5,
then [another](b.md#x) on the next line.

- item with [list link](c.md)
  continued with DOC-B1 and \`DOC C2\`
> quoted [quote link](d.md) and DOC D4

See [ref link][r] and <https://example.com> and [DOC E5](e.md "DOC F6").

| Version | Date |
|---|---|
| 1.0 | [cell link](f.md) DOC G7 |

[r]: ./g.md
`;

describe('the Markdown model', () => {
  const model = parseMarkdown(TEXT);
  const at = (url: string) => model.links.find((l) => l.url === url)?.at;

  it('places every link where it starts in the file, in paragraphs, lists, quotes and tables', () => {
    expect(at('a.md')).toMatchObject(where(TEXT, '[a link]'));
    expect(at('b.md#x')).toMatchObject(where(TEXT, '[another]'));
    expect(at('c.md')).toMatchObject(where(TEXT, '[list link]'));
    expect(at('d.md')).toMatchObject(where(TEXT, '[quote link]'));
    expect(at('./g.md')).toMatchObject(where(TEXT, '[ref link][r]'));
    expect(at('https://example.com')).toMatchObject(where(TEXT, '<https://example.com>'));
    expect(at('f.md')).toMatchObject(where(TEXT, '[cell link]'));
  });

  it('finds mentions in text and link text, not in code or link destinations and titles', () => {
    expect(model.mentions.map((m) => m.id)).toEqual(['DOC-A5', 'DOC-B1', 'DOC-D4', 'DOC-E5', 'DOC-G7']);
    expect(model.mentions.find((m) => m.id === 'DOC-B1')?.at).toMatchObject(where(TEXT, 'DOC-B1'));
    expect(model.mentions.find((m) => m.id === 'DOC-G7')?.at).toMatchObject(where(TEXT, 'DOC G7'));
  });

  it('reads headings without closing hashes, and tables with cell positions', () => {
    expect(model.headings[0]).toMatchObject({ depth: 1, text: 'Title', slug: 'title', at: { line: 1, column: 1 } });
    const table = model.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.rows[0]?.cells.map((c) => [c.text, c.at.column])).toEqual([
      ['1.0', 3],
      ['cell link DOC G7', 9],
    ]);
  });
});

describe('table cells', () => {
  it('places the cells after a pipe escaped behind a backslash, and their links, where they are', () => {
    const text = '| Path | Owner |\n|---|---|\n| C:\\\\| D | [E](e.md) |\n';
    const model = parseMarkdown(text);
    const table = model.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.rows[0]?.cells.map((c) => [c.text, c.at.column, c.at.endColumn])).toEqual([
      ['C:| D', where(text, 'C:').column, where(text, ' | [E]').column],
      ['E', where(text, '[E]').column, where(text, ' |\n', 2).column],
    ]);
    expect(model.links).toEqual([{ url: 'e.md', at: { ...where(text, '[E]'), endLine: 3, endColumn: where(text, '[E](e.md)').column + '[E](e.md)'.length } }]);
  });
});

describe('validation and the site agree on anchors', () => {
  it('gives every heading of the bundled documents the id the rendered page gives it', () => {
    const files = ['manual.md', 'policies/information-security-policy.md', 'risk/methodology.md'].map((f) => path.join('isms-docs', f));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const body = bodyOf(text);
      const html = markdownToHtml(body, () => undefined);
      const ids: string[] = [];
      const walk = (node: { attrs?: Array<{ name: string; value: string }>; childNodes?: unknown[]; tagName?: string }) => {
        if (node.tagName && /^h[1-6]$/.test(node.tagName)) ids.push(node.attrs?.find((a) => a.name === 'id')?.value ?? '');
        for (const child of (node.childNodes ?? []) as Array<typeof node>) walk(child);
      };
      walk(parse(html));
      expect(
        parseMarkdown(body).headings.map((h) => h.slug),
        file,
      ).toEqual(ids);
    }
    expect(readdirSync('isms-docs').length).toBeGreaterThan(0);
  });
});

describe('what the Markdown model says of each section', () => {
  it('says which sections have nothing under them: a comment and a rule are nothing, a subsection with text is something', () => {
    const model = parseMarkdown(['# Title', '', '## A', '', 'Text.', '', '### A.1', '', '## B', '', '<!-- later -->', '', '---', '', '## C', '', '### C.1', '', '- item', '', '## D', ''].join('\n'));
    expect(model.headings.map((h) => `${h.text} ${h.empty ? 'empty' : 'has content'}`)).toEqual([
      'Title has content',
      'A has content',
      'A.1 empty',
      'B empty',
      'C has content',
      'C.1 has content',
      'D empty',
    ]);
  });
});
