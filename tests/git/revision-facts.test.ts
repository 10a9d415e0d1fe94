import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/documents/front-matter.js';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { markdownHistory } from '../../src/documents/version-history.js';
import { fingerprintKind, revisionFacts } from '../../src/git/revision-facts.js';
import { policyWithBody } from '../helpers/git-repo.js';
import { CONTENT, EDITED, HISTORY_VARIANTS, historyTable } from '../helpers/history-variants.js';

const manual = readFileSync('isms-docs/manual.md', 'utf8');
const register = readFileSync('isms-docs/risk/register.yaml', 'utf8');

describe('revision facts', () => {
  it('reads the version history table, version, status and approval of a Markdown document', () => {
    const facts = revisionFacts(manual, 'markdown');
    expect(facts.version).toBe('2.2');
    expect(facts.status).toBe('approved');
    expect(facts.approval).toEqual({ by: 'executive', name: 'S. Lindqvist', date: '2026-12-01' });
    expect(facts.rows.slice(0, 3)).toEqual([
      { version: '0.1', date: '2018-11-28', author: 'M. Woolard', details: 'First draft' },
      { version: '0.2', date: '2018-12-07', author: 'M. Woolard', details: 'Second draft' },
      { version: '1.0', date: '2019-01-01', author: 'M. Woolard', details: 'First published' },
    ]);
    expect(facts.rows[3]).toMatchObject({ version: '2.0', date: '2026-12-01', author: 'M. Woolard', details: expect.stringMatching(/^Scope: the six offices in five countries named/) });
  });

  it('keeps the fingerprint when only administration changes: a row, the version, the status, the approval, the review', () => {
    const administered = manual
      .replace('version: "2.2"', 'version: "2.3"')
      .replace('status: approved', 'status: in-review')
      .replace('  date: 2026-12-01', '  date: 2026-12-02')
      .replace('  last: 2026-09-30', '  last: 2026-10-01')
      .replace(/^(\| 2\.2 \| 2026-12-01 \| M\. Woolard \| .*)$/m, '$1\n| 2.3 | 2026-12-02 | M. Woolard | Typos |');
    expect(administered).not.toBe(manual);
    expect(revisionFacts(administered, 'markdown').fingerprint).toBe(revisionFacts(manual, 'markdown').fingerprint);
    expect(revisionFacts(administered, 'markdown').rows).toHaveLength(7);
  });

  it('changes the fingerprint when the body, the title or the owner changes', () => {
    const base = revisionFacts(manual, 'markdown').fingerprint;
    expect(revisionFacts(manual.replace('at least once a year', 'every two years'), 'markdown').fingerprint).not.toBe(base);
    expect(revisionFacts(manual.replace('owner: ciso', 'owner: ism'), 'markdown').fingerprint).not.toBe(base);
  });

  it('ignores line endings', () => {
    expect(revisionFacts(manual.replace(/\n/g, '\r\n'), 'markdown').fingerprint).toBe(revisionFacts(manual, 'markdown').fingerprint);
  });

  it('does not take a heading inside a code block for the history', () => {
    const text =
      '---\nid: X\n---\n\n```\n## Version history\n| Version | Date | Author | Details |\n```\n\n## Version history\n\n| Version | Date | Author | Details |\n|---|---|---|---|\n| 0.1 | 2026-01-01 | A \\| B | x |\n';
    expect(revisionFacts(text, 'markdown').rows).toEqual([{ version: '0.1', date: '2026-01-01', author: 'A | B', details: 'x' }]);
  });

  it('versions the fingerprint of Markdown and YAML documents', () => {
    expect(revisionFacts(manual, 'markdown').fingerprint).toMatch(/^sha256-v2:[0-9a-f]{64}$/);
    expect(revisionFacts(register, 'yaml').fingerprint).toMatch(/^sha256-v2:[0-9a-f]{64}$/);
  });

  it('keeps the text, other tables and the heading of the history section in the fingerprint', () => {
    const doc = (note: string, other: string, heading = '## Version history') =>
      `---\nid: X\n---\n\n# X\n\n${heading}\n\n${note}\n\n| Version | Date | Author | Details |\n|---|---|---|---|\n| 0.1 | 2026-01-01 | A | x |\n\n| Approver | Signature |\n|---|---|\n| ${other} | on file |\n`;
    const base = revisionFacts(doc('Kept for ten years.', 'CEO'), 'markdown').fingerprint;
    expect(revisionFacts(doc('Kept for a year.', 'CEO'), 'markdown').fingerprint).not.toBe(base);
    expect(revisionFacts(doc('Kept for ten years.', 'Anyone'), 'markdown').fingerprint).not.toBe(base);
    expect(revisionFacts(doc('Kept for ten years.', 'CEO', '## Document history'), 'markdown').fingerprint).not.toBe(base);
  });

  for (const variant of HISTORY_VARIANTS) {
    it(`counts a change of content as one and a new row as none: ${variant.name}`, () => {
      const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |'];
      const newRow = [...rows, '| 1.0 | 2026-01-10 | P. Writer | First published |'];
      const facts = revisionFacts(policyWithBody(variant.body(historyTable(rows), CONTENT)), 'markdown');
      expect(facts.rows.map((r) => r.version)).toEqual(['0.1']);
      expect(revisionFacts(policyWithBody(variant.body(historyTable(rows), EDITED)), 'markdown').fingerprint).not.toBe(facts.fingerprint);
      expect(revisionFacts(policyWithBody(variant.body(historyTable(newRow), CONTENT)), 'markdown').fingerprint).toBe(facts.fingerprint);
    });
  }

  it('reads versions of a YAML document and fingerprints the rest', () => {
    const facts = revisionFacts(register, 'yaml');
    expect(facts.rows.map((r) => r.version)).toEqual(['0.1', '1.0', '1.1', '1.2', '1.3']);
    expect(facts.approval).toEqual({ by: 'ciso', name: 'M. Woolard', date: '2026-12-01' });
    const changedRisk = register.replace('likelihood: 4\n    impact: 5', 'likelihood: 3\n    impact: 5');
    expect(revisionFacts(changedRisk, 'yaml').fingerprint).not.toBe(facts.fingerprint);
    const newRow = register.replace(
      'details: Treatments accepted by the risk owners }',
      'details: Treatments accepted by the risk owners }\n  - { version: "1.0.1", date: 2026-11-01, author: M. Woolard, details: x }',
    );
    expect(revisionFacts(newRow, 'yaml').fingerprint).toBe(facts.fingerprint);
  });

  it('leaves risk acceptances out of the fingerprint, and reads each with what it covers', () => {
    const facts = revisionFacts(register, 'yaml');
    expect(facts.risks?.size).toBe(17);
    expect(facts.risks?.get('R-004')).toEqual({
      basis: '{"controls":["6.3","5.17","8.5","8.23"],"impact":4,"likelihood":4,"residual":{"impact":3,"likelihood":1},"treatment":"modify"}',
      acceptance: '{"by":"ism","date":"2026-12-01","expires":"2027-11-30"}',
      by: 'ism',
      date: '2026-12-01',
      expires: '2027-11-30',
    });
    const extended = revisionFacts(register.replace('acceptance: { by: ism, date: 2026-12-01, expires: 2027-11-30 }', 'acceptance: { by: ism, date: 2026-12-01, expires: 2029-11-30 }'), 'yaml');
    expect(extended.fingerprint).toBe(facts.fingerprint);
    expect(extended.risks?.get('R-004')?.expires).toBe('2029-11-30');
    const blockStyle = revisionFacts(
      register.replace('acceptance: { by: ism, date: 2026-12-01, expires: 2027-11-30 }', 'acceptance:\n      by: ism\n      date: 2026-12-01\n      expires: 2027-11-30'),
      'yaml',
    );
    expect(blockStyle.fingerprint).toBe(facts.fingerprint);
    // Text next to an acceptance is content.
    const smuggled = revisionFacts(
      register.replace('acceptance: { by: ism, date: 2026-12-01, expires: 2027-11-30 }', 'acceptance: { by: ism, date: 2026-12-01, expires: 2027-11-30 }\n    treatment_note: accepted forever'),
      'yaml',
    );
    expect(smuggled.fingerprint).not.toBe(facts.fingerprint);
  });
});

describe('the rows of a Markdown history, as git reads them', () => {
  const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  /** The rows validation reads from the same text (without their positions). */
  const validated = (text: string) => {
    const split = splitFrontMatter(text);
    if (split.kind !== 'yaml') throw new Error('the test document has front matter');
    return markdownHistory(parseMarkdown(split.bodyText), START).rows.map(({ version, date, author, details }) => ({ version, date, author, details }));
  };
  const withTable = (table: string, after = '') => policyWithBody(`# Policy\n\nWe protect information.\n\n## Version history\n\n${table}\n${after}`);

  it('reads each cell as readers see it: markup, entities, escapes and link references resolved, spaces inside kept', () => {
    const text = withTable(
      '| **Version** | Date | Author(s) | Details |\n|---|---|---|---|\n| **1.0** | 2026-01-01 | [A. Writer][aw] | Scope `a\\|b` &amp; C:\\\\| D  E |',
      '\n[aw]: mailto:a.writer@example.com\n',
    );
    const rows = [{ version: '1.0', date: '2026-01-01', author: 'A. Writer', details: 'Scope a|b & C:| D  E' }];
    expect(validated(text)).toEqual(rows);
    expect(revisionFacts(text, 'markdown').rows).toEqual(rows);
  });

  it('reads no rows from a table that lacks a column, as validation reads none', () => {
    const text = withTable('| Version | Date | Author(s) |\n|---|---|---|\n| 0.1 | 2026-01-01 | A. Writer |');
    expect(validated(text)).toEqual([]);
    expect(revisionFacts(text, 'markdown').rows).toEqual([]);
  });
});

describe('the fingerprint of metadata as data', () => {
  const doc = (value: string) => `---\nid: X\ntitle: ${value}\nstatus: draft\n---\n\n# X\n`;
  it("reads a nonconformity log's entries with their dates as written, and no entries of another record", () => {
    const log = `id: DOC-NC
type: record
record: nonconformity
status: approved
entries:
  - { id: NC-1, raised: 2026-11-20, owner: ciso, due: 2027-01-15 }
  - { id: NC-2, raised: 2026-11-21, due: 2027-01-31, closed: null }
  - { raised: 2026-11-22, due: 2027-02-01 }
  - { id: NC-3, raised: 2026-11-23, due: 2027-02-15, closed: 2026-12-01 }
`;
    expect(revisionFacts(log, 'yaml').nonconformities).toEqual([
      { id: 'NC-1', raised: '2026-11-20', owner: 'ciso', due: '2027-01-15' },
      { id: 'NC-2', raised: '2026-11-21', due: '2027-01-31' },
      { id: 'NC-3', raised: '2026-11-23', due: '2027-02-15', closed: '2026-12-01' },
    ]);
    expect(revisionFacts(log.replace('record: nonconformity', 'record: competence'), 'yaml').nonconformities).toBeUndefined();
    expect(revisionFacts(log.replace(/entries:[^]*$/, 'entries: []\n'), 'yaml').nonconformities).toEqual([]);
  });

  it('tells apart values that JSON would write alike', () => {
    const fingerprints = ['null', '.inf', '-.inf', '.nan', '"Infinity"'].map((value) => revisionFacts(doc(value), 'markdown').fingerprint);
    expect(new Set(fingerprints).size).toBe(5);
  });

  it('reads any spelling of a key as the key it means', () => {
    const plain = revisionFacts('---\nid: X\nstatus: approved\n---\n', 'markdown');
    expect(revisionFacts('---\nid: X\n"status": approved\n---\n', 'markdown')).toMatchObject({ status: 'approved', fingerprint: plain.fingerprint });
    expect(revisionFacts('---\n{ id: X, status: approved }\n---\n', 'markdown')).toMatchObject({ status: 'approved', fingerprint: plain.fingerprint });
  });
});

describe('fingerprint versions', () => {
  const digest = 'ab'.repeat(32);

  it("takes today's version with 64 hex digits as current, and nothing else", () => {
    expect(fingerprintKind(`sha256-v2:${digest}`)).toBe('current');
    for (const other of [`sha256-v2:${digest.slice(2)}`, `sha256-v2:${digest.toUpperCase()}`, `sha256-v1:${digest}`, `sha256:${digest}`, digest, '-', ''])
      expect(fingerprintKind(other), other).toBe('unknown');
  });

  it('takes only a version isms used before as one that cannot be compared', () => {
    expect(fingerprintKind(`sha256-v1:${digest}`, ['sha256-v1:'])).toBe('past');
    expect(fingerprintKind(`sha256-v9:${digest}`, ['sha256-v1:'])).toBe('unknown');
  });
});
