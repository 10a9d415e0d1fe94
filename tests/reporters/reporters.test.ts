import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeData, escapeProperty, github } from '../../src/reporters/github.js';
import { json } from '../../src/reporters/json.js';
import { junit } from '../../src/reporters/junit.js';
import type { Report } from '../../src/reporters/report.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import { RULES } from '../../src/rules/index.js';
import { ruleDocsUrl, ruleInfo } from '../../src/rules/catalogue.js';
import { fixture, runCli } from '../helpers/cli.js';

const diagnostic = (overrides: Partial<Diagnostic> & { at?: [number, number, number, number] } = {}): Diagnostic => {
  const [line, column, endLine, endColumn] = overrides.at ?? [3, 5, 3, 12];
  return {
    ...createDiagnostic({
      rule: 'schema',
      severity: 'error',
      file: 'isms-docs/manual.md',
      at: { line, column, endLine, endColumn },
      document: 'ISMS-MAN',
      message: '"status" must be one of draft, in-review, approved, retired',
    }),
    ...Object.fromEntries(Object.entries(overrides).filter(([key]) => key !== 'at')),
  };
};

const report = (
  diagnostics: Diagnostic[],
  documents = [
    { file: 'isms-docs/manual.md', id: 'ISMS-MAN' },
    { file: 'isms-docs/policy.md', id: 'DOC-A5' },
  ],
): Report => ({
  tool: { name: 'isms', version: '0.1.0' },
  result: { documents, diagnostics, failures: [] },
  rules: RULES.map(ruleInfo),
  color: false,
});

describe('json reporter', () => {
  it('prints exactly the object of DESIGN section 2, field for field', () => {
    const output = JSON.parse(json(report([diagnostic(), diagnostic({ severity: 'warning', rule: 'review-overdue', message: 'review overdue' })])));
    expect(Object.keys(output)).toEqual(['tool', 'summary', 'diagnostics']);
    expect(output.tool).toEqual({ name: 'isms', version: '0.1.0' });
    expect(output.summary).toEqual({ documents: 2, errors: 1, warnings: 1 });
    expect(Object.keys(output.diagnostics[0])).toEqual(['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'document', 'message']);
    expect(output.diagnostics[0]).toMatchObject({ rule: 'schema', severity: 'error', line: 3, column: 5, endLine: 3, endColumn: 12, document: 'ISMS-MAN' });
  });
});

describe('sarif reporter', () => {
  const sarifSchema = JSON.parse(readFileSync('tests/schemas/sarif-schema-2.1.0.json', 'utf8')) as object;
  const ajv = new Ajv04.default({ allErrors: true, strict: false });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  const validateSarif = ajv.compile(sarifSchema);

  it('validates against the official SARIF 2.1.0 schema, for a real run over broken documents', async () => {
    const run = await runCli(['validate', '--format', 'sarif'], fixture('broken'));
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(log.runs[0].results.length).toBe(10);
  });

  it('lists every rule of the registry and points results at them by index', () => {
    const log = JSON.parse(sarif(report([diagnostic({ rule: 'broken-reference' })])));
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(rules.map((r: { helpUri?: string }) => r.helpUri)).toEqual(RULES.map((r) => ruleDocsUrl(r.id)));
    // With a home page, every rule links to its row of the README's rule table.
    const linked = JSON.parse(sarif({ ...report([]), rules: RULES.map((r) => ({ ...ruleInfo(r), url: ruleDocsUrl(r.id, 'https://isms.example') })) })).runs[0].tool.driver.rules;
    expect(linked.find((r: { id: string }) => r.id === 'schema').helpUri).toBe('https://isms.example#rule-schema');
    // Every rule carries its help, which code scanning shows beside an alert, with or without a home page.
    expect(rules.find((r: { id: string }) => r.id === 'broken-reference').help.text).toMatch(
      /^isms rule broken-reference \(error by default\): .+ Set its severity under rules: in isms\.config\.yaml\./,
    );
    expect(linked.find((r: { id: string }) => r.id === 'schema').help.markdown).toContain('[Documentation](https://isms.example#rule-schema)');
    const result = log.runs[0].results[0];
    expect(rules[result.ruleIndex].id).toBe('broken-reference');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 12 });
    expect(validateSarif(log)).toBe(true);
  });

  it('encodes file names as URI references', () => {
    const log = JSON.parse(sarif(report([diagnostic({ file: 'isms-docs/a b#c%.md' })])));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('isms-docs/a%20b%23c%25.md');
    expect(validateSarif(log)).toBe(true);
  });
});

describe('github reporter', () => {
  it('escapes message data as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
  });

  it('escapes property values, colons and commas included', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('prints one workflow command per finding with file, line and column', () => {
    const output = github(report([diagnostic({ message: 'bad: 1, 2\nnext' }), diagnostic({ severity: 'warning', rule: 'review-overdue', file: 'docs/a,b.md', message: 'late' })]));
    expect(output).toBe(
      '::error file=isms-docs/manual.md,line=3,endLine=3,col=5,endColumn=12,title=isms schema::bad: 1, 2%0Anext\n' +
        '::warning file=docs/a%2Cb.md,line=3,endLine=3,col=5,endColumn=12,title=isms review-overdue::late\n',
    );
  });
});

describe('junit reporter', () => {
  it('writes one testcase per document, failing those with errors', () => {
    const xml = junit(report([diagnostic({ message: 'a <b> & "c"' }), diagnostic({ file: 'isms-docs/policy.md', severity: 'warning', message: 'w' })]));
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(suite.tests).toBe('2');
    expect(suite.failures).toBe('1');
    const [manual, policy] = suite.testcase;
    expect(manual.name).toBe('ISMS-MAN (isms-docs/manual.md)');
    expect(manual.failure['#text']).toContain('isms-docs/manual.md:3:5 error a <b> & "c" (schema)');
    expect(policy.failure).toBeUndefined();
    expect(policy['system-out']).toContain('warning w');
  });
});

describe('stylish reporter', () => {
  it('groups findings by file with aligned positions and a closing count', () => {
    const output = stylish(report([diagnostic(), diagnostic({ at: [120, 15, 120, 20], severity: 'warning', rule: 'review-overdue', message: 'late' })]));
    expect(output).toBe(
      'isms-docs/manual.md\n' +
        '  3:5     error    "status" must be one of draft, in-review, approved, retired  schema\n' +
        '  120:15  warning  late  review-overdue\n' +
        '\n' +
        '✖ 2 problems (1 error, 1 warning) in 2 documents\n',
    );
  });

  it('uses colour only when asked (the CLI asks on a terminal)', () => {
    expect(stylish({ ...report([diagnostic()]), color: true })).toContain('\u001b[31m');
    expect(stylish(report([diagnostic()]))).not.toContain('\u001b[');
  });
});
