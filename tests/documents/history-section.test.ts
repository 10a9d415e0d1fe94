import type { RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/documents/front-matter.js';
import { findHistorySection, isHistoryHeading, type HistorySection } from '../../src/documents/history-section.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { markdownHistory } from '../../src/documents/version-history.js';
import { revisionFacts } from '../../src/git/revision-facts.js';
import { markdownToHtml } from '../../src/render/html/markdown-to-html.js';
import { bodyOf } from '../../src/render/site/render-site.js';
import { policyWithBody } from '../helpers/git-repo.js';
import { CONTENT, HISTORY_VARIANTS, historyTable } from '../helpers/history-variants.js';

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const lines = (text: string) => text.split('\n');

/** Where the site's parser (remark, full GFM) sees the history heading and its table, in 0-based lines. */
function remarkSection(body: string): HistorySection | undefined {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body);
  const textOf = (node: RootContent): string => (node.type === 'html' ? '' : 'value' in node ? node.value : 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '');
  const index = tree.children.findIndex((node) => node.type === 'heading' && isHistoryHeading(textOf(node)));
  const heading = tree.children[index];
  if (!heading || heading.type !== 'heading') return undefined;
  const span = (node: RootContent) => ({ start: node.position!.start.line - 1, end: node.position!.end.line });
  const section: HistorySection = { heading: { ...span(heading), level: heading.depth, text: textOf(heading).trim() } };
  for (const node of tree.children.slice(index + 1)) {
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    if (node.type === 'table') return { ...section, table: span(node) };
  }
  return section;
}

describe('the version history section', () => {
  it('is the first top-level heading that names the history, and the first table under it', () => {
    const body = '# Policy\n\nText.\n\n## Version history\n\nA note.\n\n### Earlier\n\n| Version | Date |\n|---|---|\n| 0.1 | 2026-01-01 |\n\nAfter.\n\n## Next\n';
    expect(findHistorySection(lines(body))).toEqual({ heading: { start: 4, end: 5, level: 2, text: 'Version history' }, table: { start: 10, end: 13 } });
  });

  it('has no table when the next heading of its level comes first', () => {
    const body = '## Version history\n\nNone yet.\n\n## Annex\n\n| Version | Date |\n|---|---|\n';
    expect(findHistorySection(lines(body))).toEqual({ heading: { start: 0, end: 1, level: 2, text: 'Version history' } });
  });

  it('counts lines of text right under the table as its rows, as GFM does', () => {
    const body = '## Version history\n| Version | Date |\n|---|---|\n| 0.1 | 2026-01-01 |\nNo pipe here\n\nA paragraph.\n';
    expect(findHistorySection(lines(body))?.table).toEqual({ start: 1, end: 5 });
  });

  it('is not found in a fence, an HTML comment, indented code, a list or a quote', () => {
    const bodies = [
      '```\n## Version history\n```\n',
      '~~~~\n~~~\n## Version history\n~~~~\n',
      '<!--\n# Version history\n-->\n',
      '<div>\n## Version history\n</div>\n',
      '    ## Version history\n',
      '\t## Version history\n',
      '- item\n\n  ## Version history\n',
      '> ## Version history\n',
    ];
    for (const body of bodies) expect(findHistorySection(lines(body)), body).toBeUndefined();
  });

  for (const variant of HISTORY_VARIANTS) {
    it(`is the same for validation, the git reader, the site and the parser of the site: ${variant.name}`, () => {
      const text = policyWithBody(variant.body(historyTable(ROWS), CONTENT));
      const split = splitFrontMatter(text);
      if (split.kind !== 'yaml') throw new Error('the test document has front matter');
      const body = lines(split.bodyText);
      const section = findHistorySection(body)!;

      expect(section.heading.start).toBe(body.lastIndexOf(variant.heading));
      expect(section.heading.text).toBe('Version history');
      expect(section.table).toEqual({ start: body.indexOf(historyTable(ROWS).split('\n')[0]!), end: body.indexOf(ROWS[1]!) + 1 });
      expect(remarkSection(split.bodyText)).toEqual(section);

      const validated = markdownHistory(parseMarkdown(split.bodyText), START);
      expect(validated.problems).toEqual([]);
      expect(validated.at.line).toBe(section.heading.start + 1);
      expect(validated.table?.at).toMatchObject({ line: section.table!.start + 1, endLine: section.table!.end });
      const rows = validated.rows.map(({ version, date, author, details }) => ({ version, date, author, details }));
      expect(rows.map((r) => r.version)).toEqual(['0.1', '1.0']);
      expect(revisionFacts(text, 'markdown').rows).toEqual(rows);

      const rendered = lines(bodyOf(text));
      body.forEach((line, i) => {
        const left = i === body.indexOf('# Information Security Policy') || (i >= section.heading.start && i < section.heading.end) || (i >= section.table!.start && i < section.table!.end);
        expect(rendered[i], `line ${i + 1}`).toBe(left ? '' : line);
      });
      expect(markdownToHtml(bodyOf(text), () => undefined)).toContain(CONTENT);
    });
  }

  // Timed at 64 KiB and 1 MiB by npm run bench (bench/history-reader.mjs): linear. Here the test's
  // timeout is the hang guard: a quadratic reader takes minutes on 1 MiB.
  it('reads a 1 MiB line made to make regular expressions backtrack', () => {
    const table = '| Version | Date | Author(s) | Details |\n|---|---|---|---|\n';
    const lines = (size: number) => [
      '## x' + ' '.repeat(size) + 'y',
      '## Version history' + ' '.repeat(size) + '#',
      '## Version history\n\n' + table + '| ' + ' '.repeat(size) + 'x',
      '## Version history\n\n' + table + '|'.repeat(size),
      '## Version history\n\n' + table + '|\t'.repeat(size / 2),
      '```' + ' '.repeat(size) + 'x\n## Version history',
      '<!--' + '-'.repeat(size),
      ' '.repeat(size) + '#',
      'Version history' + ' '.repeat(size) + '\n' + '-'.repeat(size),
    ];
    for (const text of lines(1 << 20)) {
      const section = findHistorySection(text.split('\n'));
      expect(revisionFacts(text, 'markdown').fingerprint).toMatch(/^sha256-v2:[0-9a-f]{64}$/);
      expect(bodyOf(text).split('\n').length, `${text.slice(0, 20)}...`).toBe(text.split('\n').length);
      if (section) expect(section.heading.text).toBe('Version history');
    }
  });
});

describe('the rendered body', () => {
  it('keeps a fenced block holding a history heading and the text after it, and leaves out only the history heading and table', () => {
    const text = policyWithBody(
      '# Information Security Policy\n\n## Scope\n\n```\n## Version history\n```\n\nEmployees must not share passwords.\n\n## Version history\n\n' +
        historyTable(ROWS) +
        '\n\nPrinted copies are not controlled.\n\n| Approver | Signature |\n|---|---|\n| CEO | on file |\n',
    );
    const html = markdownToHtml(bodyOf(text), () => undefined);
    expect(html).toContain('<pre><code>## Version history\n</code></pre>');
    expect(html).toContain('<p>Employees must not share passwords.</p>');
    expect(html).toContain('<p>Printed copies are not controlled.</p>');
    expect(html).toContain('<td>on file</td>');
    expect(html).not.toContain('First published');
    expect(html).not.toMatch(/<h\d[^>]*>Version history/);
  });
});
