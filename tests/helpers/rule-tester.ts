import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadWorkspace } from '../../src/documents/workspace.js';
import { check } from '../../src/engine/check.js';
import { buildEvidence } from '../../src/git/build-evidence.js';
import { RULE_IDS } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { TestRepo, type Person } from './git-repo.js';
import { BASE_CONFIG, configFrom, workspaceFrom } from './workspace.js';

/** One commit of a case's history: files written under the documents root (others stay as they were), by whom, on which day. */
export interface CaseCommit {
  files: Record<string, string>;
  by: Person;
  date: string;
  message?: string;
}

interface Case {
  /** The sentence the test is named by. */
  name: string;
  /** Documents by path under the documents root (with `commits`: the working tree after them). */
  files: Record<string, string | Uint8Array>;
  /** A whole isms.config.yaml, when the base one does not fit. */
  config?: string;
  asOf?: string;
  /**
   * Git history to prove things from: the commits are made, in order, in a real repository (fixed
   * identities and dates; the first one also adds the configuration), `files` are then written, and
   * the rule sees the git evidence of it all.
   */
  commits?: CaseCommit[];
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

async function run(rule: Rule, testCase: Case): Promise<Diagnostic[]> {
  if (testCase.commits) return runWithHistory(rule, testCase, testCase.commits);
  const workspace = workspaceFrom(testCase.files, configFrom(testCase.config));
  return check(workspace, { asOf: testCase.asOf ?? DEFAULT_AS_OF, rules: [rule] }).diagnostics;
}

/** The case in a real repository whose documents root is `isms-docs/`, so output paths read as elsewhere. */
async function runWithHistory(rule: Rule, testCase: Case, commits: readonly CaseCommit[]): Promise<Diagnostic[]> {
  const repo = new TestRepo();
  try {
    const root = 'isms-docs';
    repo.write(`${root}/isms.config.yaml`, testCase.config ?? BASE_CONFIG);
    for (const step of commits) {
      for (const [file, text] of Object.entries(step.files)) repo.write(`${root}/${file}`, text);
      repo.commit(step.message ?? `Change ${Object.keys(step.files).join(', ')}`, step.by, step.date);
    }
    for (const [file, text] of Object.entries(testCase.files)) repo.write(`${root}/${file}`, typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    const loaded = loadConfig(path.join(repo.dir, root, 'isms.config.yaml'), RULE_IDS);
    if (!loaded.ok) throw new Error(`test configuration is broken: ${loaded.problems.map((p) => p.message).join('; ')}`);
    const workspace = await loadWorkspace(loaded.config, repo.dir);
    const git = await buildEvidence(workspace, { knownRules: RULE_IDS });
    return check(workspace, { asOf: testCase.asOf ?? DEFAULT_AS_OF, rules: [rule], git }).diagnostics;
  } finally {
    repo.remove();
  }
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
      it(testCase.name, async () => {
        const diagnostics = await run(rule, testCase);
        expect(diagnostics, describeDiagnostics(diagnostics)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      if (testCase.errors.length === 0) throw new Error(`invalid case "${testCase.name}" of ${rule.id} lists no expected errors`);
      it(testCase.name, async () => {
        const diagnostics = await run(rule, testCase);
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
