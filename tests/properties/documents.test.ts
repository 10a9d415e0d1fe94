import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { START_OF_FILE, type Diagnostic, type Range } from '../../src/diagnostics/diagnostic.js';
import { parseDocument } from '../../src/documents/load-document.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { markdownHistory } from '../../src/documents/version-history.js';
import { check } from '../../src/engine/check.js';
import { revisionFacts } from '../../src/git/revision-facts.js';
import { json } from '../../src/reporters/json.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import { ruleInfo } from '../../src/rules/catalogue.js';
import { RULES } from '../../src/rules/index.js';
import { normaliseText } from '../../src/text/decode.js';
import { registerYaml, risk, RISK_CONFIG } from '../helpers/domain.js';
import { configFrom, markdown, ROOT, workspaceFrom } from '../helpers/workspace.js';

/** Fixed seeds: the same inputs on every run, so a failure is reproducible and the suite is stable. */
const RUNS = { seed: 20_261_201, numRuns: 300 };

/** Lines of front matter and YAML documents: valid keys and values, near misses, and YAML that hurts. */
const YAML_LINES = [
  'id: DOC-A5',
  'id: ISMS-MAN',
  'title: Policy',
  'type: policy',
  'type: soa',
  'type: risk-register',
  'type: Policy',
  'owner: ciso',
  'owner: CISO',
  'classification: internal',
  'clasification: internal',
  'status: approved',
  'status: draft',
  'version: "1.0"',
  'version: 1.10',
  'standard: iso27001-2022',
  'approval: { by: ceo, name: R. Adeyemi, date: 2026-01-10 }',
  'approvla: { by: ceo }',
  'review: { last: 2026-01-01, interval_months: 12 }',
  'review: { last: 0000-01-01, interval_months: 100000000000 }',
  'versions: [{ version: "1.0", date: 2026-01-10, author: A, details: B }]',
  'versions: [{ version: 1.10, date: 11/28/18 }]',
  'depends_on: [DOC-RM, doc a5]',
  'controls: [{ control: "5.1", applicable: true, reasons: [risk], justification: x, implementation: implemented, owner: ciso }]',
  'controls: [{ contrl: "5.1", applicable: yes }]',
  'risks: [{ id: R-001, owner: ciso, likelihood: 9, impact: .nan, treatment: modify, controls: ["9.9"], residual: { likelihood: 5, impact: 5 } }]',
  'risks: [{ id: R-001, acceptence: {} }]',
  'a: &x 1',
  'b: *x',
  '__proto__: { polluted: 1 }',
  'constructor: 1',
  'x: !!binary AA',
  'x: !custom y',
  '- item',
  '  nested: 1',
  '\t- tab',
  '{',
  '[',
  '"',
  "'",
  'key: |',
  '  block',
  '%YAML 1.1',
  '---',
  '...',
  '? complex',
  'x: "\\e[2J\\0"',
  'distribution: [{ to: Intranet, audience: staff }]',
  'x: 1e999',
  'id: DOC-\u202eA5',
  'title: "{{constructor}}"',
];
const MARKDOWN_PIECES = [
  '# Title',
  '## Version history',
  '## Policy statement',
  '| Version | Date | Author(s) | Details |',
  '|---|---|---|---|',
  '| 1.0 | 2026-01-10 | A | B |',
  '| 1.0 | 2026-13-45 | | |',
  '| x |',
  'See DOC A5.',
  'DOC SoA',
  'DOC __proto__',
  '[link](policy.md#policy-statement)',
  '[up](../../etc/passwd)',
  '[enc](%2e%2e/x)',
  '[bad](%zz)',
  '[js](javascript:alert(1))',
  '[x](#nowhere)',
  '[f](file:///etc)',
  '<script>x</script>',
  '<img src=x onerror=y>',
  '> quote',
  '- list',
  '1. item',
  '```',
  '    code',
  '~~~',
  '*emph* **strong** ~~del~~',
  '[^1]',
  '[^1]: note',
  '<!-- c -->',
  '\\',
  '&amp;',
  '\u0000',
  '\ufeff',
  '\r\n',
  '\r',
];

const piece = (pieces: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) });
const lines = (pieces: string[], max: number) => fc.array(piece(pieces), { maxLength: max }).map((parts) => parts.join('\n'));
/** Any text: random code points, YAML-ish lines, front matter over Markdown, and real documents with one part replaced. */
const text = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  lines(YAML_LINES, 20),
  fc.tuple(lines(YAML_LINES, 12), lines(MARKDOWN_PIECES, 20)).map(([front, body]) => `---\n${front}\n---\n${body}`),
  fc
    .tuple(fc.constantFrom(markdown(), registerYaml([risk()])), fc.nat(), fc.string({ maxLength: 20, unit: 'binary' }))
    .map(([doc, at, insert]) => doc.slice(0, at % doc.length) + insert + doc.slice(at % doc.length)),
);
/** Bytes: text encoded (with or without a BOM and CRLF), or bytes of any value, UTF-16 and invalid UTF-8 included. */
const bytes = fc.oneof(
  text.map((t) => new TextEncoder().encode(t)),
  fc.tuple(text, fc.boolean()).map(([t, bom]) => new TextEncoder().encode((bom ? '\ufeff' : '') + t.replace(/\n/g, '\r\n'))),
  fc.uint8Array({ maxLength: 200 }),
);
const fileName = fc.constantFrom('policy.md', 'register.yaml', 'soa.yaml', 'plan.yml', 'notes.md');

/** Where a range may point in a file of these bytes: within its lines (a column at most one past a line's end). */
function outOfFile(range: Range, data: Uint8Array): string | undefined {
  const { line, column, endLine, endColumn } = range;
  if (![line, column, endLine, endColumn].every((n) => Number.isInteger(n) && n >= 1)) return `not 1-based integers: ${JSON.stringify(range)}`;
  if (endLine < line || (endLine === line && endColumn < column)) return `ends before it starts: ${JSON.stringify(range)}`;
  let decoded: string;
  try {
    decoded = normaliseText(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    return line === 1 && column === 1 ? undefined : `positioned in a file that is not text: ${JSON.stringify(range)}`;
  }
  const fileLines = decoded.split('\n');
  if (endLine > fileLines.length) return `past the last line (${fileLines.length}): ${JSON.stringify(range)}`;
  if (column > fileLines[line - 1]!.length + 1) return `past the end of line ${line}: ${JSON.stringify(range)}`;
  if (endColumn > fileLines[endLine - 1]!.length + 1) return `ends past the end of line ${endLine}: ${JSON.stringify(range)}`;
  return undefined;
}

const config = configFrom(RISK_CONFIG);
const run = (files: Record<string, Uint8Array>) => check(workspaceFrom(files, config), { asOf: '2026-06-01', rules: RULES });

describe('any text', () => {
  it('is read without throwing, and every problem found in reading it points into the file', () => {
    fc.assert(
      fc.property(fileName, bytes, (name, data) => {
        const doc = parseDocument({ absolutePath: `${ROOT}/${name}`, file: `isms-docs/${name}`, path: name }, data);
        for (const problem of doc.parseProblems) expect(outOfFile(problem.at, data), problem.message).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('is checked by every rule without one failing, and every finding points into its file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fileName, bytes), { minLength: 1, maxLength: 3, selector: ([name]) => name }), (files) => {
        const byPath = Object.fromEntries(files);
        const result = run(byPath);
        expect(result.failures).toEqual([]);
        expect(result.diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
        for (const d of result.diagnostics) {
          const data = byPath[d.file.replace(/^isms-docs\//, '')];
          expect(data, `${d.file} is one of the files`).toBeDefined();
          expect(outOfFile(d, data!), `${d.rule}: ${d.message}`).toBeUndefined();
        }
      }),
      RUNS,
    );
  });

  it('gives the same findings, and the same output in every format, twice', () => {
    const report = (diagnostics: Diagnostic[], documents: Array<{ file: string; id: string | null }>) => {
      const input = { tool: { name: 'isms', version: '0.0.0' }, result: { documents, diagnostics, failures: [] }, rules: RULES.map(ruleInfo), color: false };
      return [json(input), sarif(input), stylish(input)];
    };
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fileName, bytes), { minLength: 1, maxLength: 3, selector: ([name]) => name }), (files) => {
        const first = run(Object.fromEntries(files));
        const second = run(Object.fromEntries(files.map(([name, data]) => [name, Uint8Array.from(data)])));
        expect(second.diagnostics).toEqual(first.diagnostics);
        expect(report(second.diagnostics, second.documents)).toEqual(report(first.diagnostics, first.documents));
      }),
      { ...RUNS, numRuns: 150 },
    );
  });
});

/** Pieces of version history cells: plain text, every kind of inline markup, escapes, pipes and backslashes. */
const CELL_PIECES = [
  'P. Writer',
  '1.0',
  '2026-01-10',
  ' ',
  '  ',
  'é',
  '**b**',
  '_e_',
  '*',
  '`a\\|b`',
  '\\|',
  '\\\\|',
  '\\',
  '&amp;',
  '&#124;',
  '&nbsp;',
  '[r]',
  '[x][r]',
  '[y](z.md)',
  '<br>',
  '<http://a.example>',
  '![i](p.png)',
  '[',
  ']',
  '!',
  '<',
  '&',
];
const cell = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CELL_PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 4 }).map((parts) => parts.join(''));
const HEADERS = ['| Version | Date | Author(s) | Details |', '| **Version** | Date | Author | Description |', '| Version | Date | Author(s) |', '| Version | Date | Author(s) | Details | Note |'];

describe('any version history table', () => {
  it('gives git the rows validation reads', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 4 }), fc.boolean(), (header, rows, references) => {
        const delimiter = `|${'---|'.repeat(header.split('|').length - 2)}`;
        const table = [header, delimiter, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
        const body = `\n# Policy\n\n## Version history\n\n${table}\n${references ? '\n[r]: https://r.example\n' : ''}`;
        const validated = markdownHistory(parseMarkdown(body), START_OF_FILE).rows.map(({ version, date, author, details }) => ({ version, date, author, details }));
        expect(revisionFacts(`---\nid: X\n---${body}`, 'markdown').rows).toEqual(validated);
      }),
      RUNS,
    );
  });
});
