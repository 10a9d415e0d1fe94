import { describe, expect, it } from 'vitest';
import { planApproval, planNewVersion } from '../../src/edit/plan-edits.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { markdown, workspaceFrom } from '../helpers/workspace.js';

const docOf = (files: Record<string, string>) => workspaceFrom(files).documents[0]!;
const ROW = { version: '1.1', date: '2026-02-01', author: 'M. Woolard', details: 'Scope: offices | call centre' };

describe('source positions of YAML values', () => {
  it('end a block map at its last character, not at the next key', () => {
    const source = parseYamlSource('approval:\n  by: ceo\n  date: 2026-01-01\nreview:\n  last: 2026-01-02\n');
    expect(source.map.valueAt('/approval')).toEqual({ line: 2, column: 3, endLine: 3, endColumn: 19 });
  });
});

describe('isms version edits', () => {
  it('appends a Markdown row in the table column order, and changes version and status only', () => {
    const doc = docOf({ 'policy.md': markdown() });
    const planned = planNewVersion(doc, ROW);
    expect(planned.ok).toBe(true);
    const text = planned.ok ? planned.text : '';
    const before = doc.text!.split('\n');
    const after = text.split('\n').filter((line) => !line.startsWith('| 1.1 '));
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['status: in-review', 'version: "1.1"']);
    expect(text).toContain('status: in-review\nversion: "1.1"\n');
    expect(text).toContain('| 1.0 | 2026-01-10 | M. Woolard | First published |\n| 1.1 | 2026-02-01 | M. Woolard | Scope: offices \\| call centre |\n');
  });

  it('appends a YAML row in the style of the rows before it, keeping comments', () => {
    const yaml =
      'id: DOC-P\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: approved # the board said so\nversion: "1.0"\nversions:\n  - version: "1.0"\n    date: 2026-01-10\n    author: M. Woolard\n    details: First\n# end of history\nitems: []\n';
    const planned = planNewVersion(docOf({ 'plan.yaml': yaml }), ROW);
    expect(planned.ok && planned.text).toBe(
      yaml
        .replace('status: approved # the board said so', 'status: in-review # the board said so')
        .replace('version: "1.0"\nversions', 'version: "1.1"\nversions')
        .replace('    details: First\n', '    details: First\n  - version: "1.1"\n    date: 2026-02-01\n    author: M. Woolard\n    details: "Scope: offices | call centre"\n'),
    );
  });
});

describe('isms approve edits', () => {
  it('replaces a block approval and keeps the next key on its own line', () => {
    const yaml =
      'id: DOC-P\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: in-review\nversion: "1.1"\napproval:\n  by: ciso\n  name: M. Woolard\n  date: 2026-01-10\nreview:\n  last: 2026-01-10\nversions:\n  - { version: "1.1", date: 2026-01-10, author: A, details: B }\n';
    const planned = planApproval(docOf({ 'plan.yaml': yaml }), { by: 'ceo', name: 'R. Adeyemi', date: '2026-02-02' });
    expect(planned.ok && planned.text).toBe(
      yaml.replace('status: in-review', 'status: approved').replace('  by: ciso\n  name: M. Woolard\n  date: 2026-01-10\n', '  by: ceo\n  name: R. Adeyemi\n  date: 2026-02-02\n'),
    );
  });

  it('adds an approval after the status when there is none, and keeps a flow approval flow', () => {
    const draft = docOf({ 'policy.md': markdown({ status: 'in-review', approval: null }) });
    const added = planApproval(draft, { by: 'ceo', name: 'R. Adeyemi', date: '2026-02-02' });
    expect(added.ok && added.text).toContain('status: approved\napproval:\n  by: ceo\n  name: R. Adeyemi\n  date: 2026-02-02\nversion: "1.0"\n');
    const flow = docOf({ 'policy.md': markdown({ status: 'in-review' }) });
    const replaced = planApproval(flow, { by: 'ceo', name: 'R. Adeyemi', date: '2026-02-02' });
    expect(replaced.ok && replaced.text).toContain('approval: { by: ceo, name: R. Adeyemi, date: 2026-02-02 }\n---');
  });
});
