import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { check } from '../../src/engine/check.js';
import type { Rule } from '../../src/rules/rule.js';
import { configFrom, workspaceFrom } from './workspace.js';

interface Case {
  /** The sentence the test is named by. */
  name: string;
  /** Documents by path under the documents root. */
  files: Record<string, string | Uint8Array>;
  /** A whole isms.config.yaml, when the base one does not fit. */
  config?: string;
  asOf?: string;
}

export interface ExpectedError {
  /** A part of the message, or a pattern it matches. */
  message: string | RegExp;
  line: number;
  column?: number;
  /** Path under the root; the first file by default. */
  file?: string;
}

interface InvalidCase extends Case {
  errors: ExpectedError[];
}

const DEFAULT_AS_OF = '2026-06-01';

function run(rule: Rule, testCase: Case): Diagnostic[] {
  const workspace = workspaceFrom(testCase.files, configFrom(testCase.config));
  return check(workspace, { asOf: testCase.asOf ?? DEFAULT_AS_OF, rules: [rule] }).diagnostics;
}

const describeDiagnostics = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n') || '(none)';

/**
 * ESLint's RuleTester in miniature: valid cases must produce nothing from the rule; invalid cases
 * exactly the listed errors, at their lines (and columns when given), in order.
 */
export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.id} needs at least one valid and one invalid case`);
    for (const testCase of cases.valid) {
      it(testCase.name, () => {
        const diagnostics = run(rule, testCase);
        expect(diagnostics, describeDiagnostics(diagnostics)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      if (testCase.errors.length === 0) throw new Error(`invalid case "${testCase.name}" of ${rule.id} lists no expected errors`);
      it(testCase.name, () => {
        const diagnostics = run(rule, testCase);
        const firstFile = Object.keys(testCase.files)[0];
        expect(diagnostics.length, describeDiagnostics(diagnostics)).toBe(testCase.errors.length);
        testCase.errors.forEach((expected, index) => {
          const actual = diagnostics[index]!;
          expect(actual.rule).toBe(rule.id);
          expect(actual.file).toBe(`isms-docs/${expected.file ?? firstFile}`);
          if (typeof expected.message === 'string') expect(actual.message).toContain(expected.message);
          else expect(actual.message).toMatch(expected.message);
          expect(actual.line, `line of "${actual.message}"`).toBe(expected.line);
          if (expected.column !== undefined) expect(actual.column, `column of "${actual.message}"`).toBe(expected.column);
        });
      });
    }
  });
}
