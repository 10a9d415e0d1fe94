import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/engine/check.js';
import { brokenReference } from '../../src/rules/broken-reference.js';
import type { Rule } from '../../src/rules/rule.js';
import { RULES } from '../../src/rules/index.js';
import { fixture, runCli } from '../helpers/cli.js';
import { BASE_CONFIG, configFrom, markdown, workspaceFrom } from '../helpers/workspace.js';

/** broken-reference with a bug that a document named `trap.md` sets off, as a rule would meet an input nobody foresaw. */
const trapped: Rule = {
  ...brokenReference,
  check(context) {
    if (context.documents.some((doc) => doc.path === 'trap.md')) throw new TypeError("Cannot read properties of undefined (reading 'slug')\n    at resolveLink");
    brokenReference.check(context);
  },
};

const FILES = {
  'policy.md': markdown({ owner: 'cisco' }),
  'trap.md': markdown({ id: 'DOC-TRAP', body: 'See [x](missing.md).' }),
};

function findings(rules: readonly Rule[], files: Record<string, string> = FILES, config = BASE_CONFIG): string[] {
  const result = check(workspaceFrom(files, configFrom(config)), { asOf: '2026-06-01', rules });
  return result.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
}

describe('a rule that throws', () => {
  const rules = RULES.map((rule) => (rule === brokenReference ? trapped : rule));

  it('becomes one internal-error finding at the document that sets it off, naming the rule, and the other rules still run', () => {
    expect(findings(rules)).toEqual([
      'isms-docs/policy.md 5:8 error unknown-role owner "cisco" is not a role of isms.config.yaml (ceo, ciso, executive); did you mean "ciso"?',
      "isms-docs/trap.md 1:1 error internal-error rule broken-reference failed on this document: Cannot read properties of undefined (reading 'slug'); its findings are incomplete, the other rules still ran",
    ]);
  });

  it('is reported at the configuration when no document sets it off alone', () => {
    const together: Rule = {
      ...brokenReference,
      check(context) {
        if (context.documents.length > 1) throw new Error('two documents at once');
      },
    };
    expect(findings([together])).toEqual([
      'isms-docs/isms.config.yaml 1:1 error internal-error rule broken-reference failed: two documents at once; its findings are incomplete, the other rules still ran',
    ]);
  });

  it('takes the severity the configuration gives internal-error', () => {
    expect(findings([trapped], FILES, `${BASE_CONFIG}rules:\n  internal-error: warn\n`)).toEqual([
      "isms-docs/trap.md 1:1 warning internal-error rule broken-reference failed on this document: Cannot read properties of undefined (reading 'slug'); its findings are incomplete, the other rules still ran",
    ]);
  });
});

describe('isms validate with a rule that throws', () => {
  afterEach(() => vi.restoreAllMocks());

  const failOnPolicy = () =>
    vi.spyOn(brokenReference, 'check').mockImplementation((context) => {
      if (context.documents.some((doc) => doc.path === 'policies/policy.md')) throw new RangeError('Maximum call stack size exceeded');
    });

  it('reports it as a finding and exits 1, without a stack trace', async () => {
    failOnPolicy();
    const run = await runCli(['validate', '--no-git', '--as-of', '2026-06-01'], fixture('clean'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      '1:1  error    rule broken-reference failed on this document: Maximum call stack size exceeded; its findings are incomplete, the other rules still ran  internal-error',
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('prints the stack on standard error with ISMS_DEBUG=1', async () => {
    failOnPolicy();
    const run = await runCli(['validate', '--no-git', '--as-of', '2026-06-01', '--format', 'json'], fixture('clean'), { ISMS_DEBUG: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^isms: rule broken-reference failed \(reported as internal-error\):\nRangeError: Maximum call stack size exceeded\n\s+at /);
    const output = JSON.parse(run.stdout) as { diagnostics: Array<{ rule: string; file: string; document: string }> };
    expect(output.diagnostics.map((d) => `${d.rule} ${d.file} ${d.document}`)).toEqual(['internal-error policies/policy.md DOC-A5']);
  });
});
