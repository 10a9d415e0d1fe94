import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.js';
import { versionOrder } from '../../src/rules/version-order.js';
import { differences } from '../helpers/rule-tester.js';
import { markdown, workspaceFrom } from '../helpers/workspace.js';

// One finding of a real rule: version 1.0 dated 2026-01-10, in the future on 2026-01-05, at 21:9-21:19.
const findings = check(workspaceFrom({ 'policy.md': markdown() }), { asOf: '2026-01-05', rules: [versionOrder] }).diagnostics;
const MESSAGE = 'version 1.0 is dated 2026-01-10, in the future (today is 2026-01-05)';

describe('the rule tester', () => {
  it('accepts findings that match what is expected, whole message, position, end and severity', () => {
    expect(differences(versionOrder, findings, [{ message: MESSAGE, line: 21, column: 9, endLine: 21, endColumn: 19, severity: 'error' }], 'policy.md')).toEqual([]);
    expect(differences(versionOrder, findings, [{ message: /in the future/, line: 21 }], 'policy.md')).toEqual([]);
  });

  it('refuses a message that only contains the expected text', () => {
    expect(differences(versionOrder, findings, [{ message: 'is dated 2026-01-10, in the future', line: 21 }], 'policy.md')).toEqual([
      `finding 1: message ${JSON.stringify(MESSAGE)} instead of "is dated 2026-01-10, in the future"`,
    ]);
  });

  it('refuses another end or severity when the case gives one', () => {
    expect(differences(versionOrder, findings, [{ message: MESSAGE, line: 21, endLine: 22, endColumn: 20, severity: 'warning' }], 'policy.md')).toEqual([
      'finding 1: end line 21 instead of 22',
      'finding 1: end column 19 instead of 20',
      'finding 1: severity "error" instead of "warning"',
    ]);
  });

  it('refuses findings in another file, or more or fewer of them', () => {
    expect(differences(versionOrder, findings, [{ message: MESSAGE, line: 21, file: 'other.md' }], 'policy.md')).toEqual(['finding 1: file "isms-docs/policy.md" instead of "isms-docs/other.md"']);
    expect(differences(versionOrder, findings, [], 'policy.md')).toEqual(['1 finding instead of 0']);
  });
});
