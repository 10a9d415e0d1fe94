import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { RULE_IDS } from '../../src/rules/index.js';
import { ROOT } from '../helpers/workspace.js';

const ROLES = 'roles:\n  ciso: { title: CISO, members: [{ name: M. Woolard, email: ciso@example.com }] }\n';

/** The configuration's problems as "line:column message". */
function problems(text: string): string[] {
  const result = parseConfig(new TextEncoder().encode(text), path.join(ROOT, 'isms.config.yaml'), RULE_IDS);
  return result.ok ? [] : result.problems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`);
}

describe('configuration keys', () => {
  it('proposes the key a misspelt required key means, once', () => {
    expect(problems(`organisation: Test Org\n${ROLES}`)).toEqual(['1:1 unknown key "organisation"; did you mean "organization"?']);
  });

  it('proposes a nested key with its letters swapped', () => {
    expect(problems(`organization: Test Org\n${ROLES}publish:\n  titel: Manual\n`)).toEqual(['5:3 unknown key "publish.titel"; did you mean "title"?']);
  });

  it('proposes the key the misspelt title of a role means, once', () => {
    expect(problems('organization: Test Org\nroles:\n  ciso: { titel: Chief Information Security Officer }\n')).toEqual(['3:11 unknown key "roles.ciso.titel"; did you mean "title"?']);
  });

  it('proposes no document metadata key for a key of the configuration', () => {
    expect(problems(`organization: Test Org\n${ROLES}titel: Manual\n`)).toEqual(['4:1 unknown key "titel"']);
  });

  it('proposes the role an approver in capitals means', () => {
    expect(problems(`organization: Test Org\n${ROLES}approvers:\n  "*": [CISO]\n`)).toEqual(['5:9 "CISO" is not a role defined under "roles"; did you mean "ciso"?']);
  });

  it('proposes the rule a transposed rule id means', () => {
    expect(problems(`organization: Test Org\n${ROLES}rules:\n  reivew-overdue: warn\n`)).toEqual(['5:3 "reivew-overdue" is not a rule id; did you mean "review-overdue"?']);
  });
});
