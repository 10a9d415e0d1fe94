import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { loadWorkspace } from '../../src/documents/workspace.js';
import { check } from '../../src/engine/check.js';
import { buildEvidence } from '../../src/git/build-evidence.js';
import { RULE_IDS } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { fakeGit, type FakeGit } from './fake-git.js';
import { TestRepo, type Person } from './git-repo.js';
import { BASE_CONFIG, configFrom, workspaceFrom } from './workspace.js';

/** One commit of a case's history: files written under the documents root (null: deleted; others stay as they were), by whom, on which day. */
export interface CaseCommit {
  files: Record<string, string | null>;
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
  /** Git evidence (fake-git.ts): the documents' histories; without it (and without `commits`) the rule runs as with --no-git. */
  git?: FakeGit;
  /**
   * Git history to prove things from: the commits are made, in order, in a real repository (fixed
   * identities and dates; the first one also adds the configuration), `files` are then written, and
   * the rule sees the git evidence of it all.
   */
  commits?: CaseCommit[];
}

export interface ExpectedError {
  /** The whole message, or a pattern it matches. */
  message: string | RegExp;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The severity it is reported at (the rule's default, or the configuration's). */
  severity?: Severity;
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
  return check(workspace, { asOf: testCase.asOf ?? DEFAULT_AS_OF, rules: [rule], ...(testCase.git ? { git: fakeGit(testCase.git, workspace) } : {}) }).diagnostics;
}

/** The case in a real repository whose documents root is `isms-docs/`, so output paths read as elsewhere. */
async function runWithHistory(rule: Rule, testCase: Case, commits: readonly CaseCommit[]): Promise<Diagnostic[]> {
  const repo = new TestRepo();
  try {
    const root = 'isms-docs';
    repo.write(`${root}/isms.config.yaml`, testCase.config ?? BASE_CONFIG);
    for (const step of commits) {
      for (const [file, text] of Object.entries(step.files)) {
        if (text === null) repo.delete(`${root}/${file}`);
        else repo.write(`${root}/${file}`, text);
      }
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

const describeDiagnostics = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message}`).join('\n') || '(none)';

/**
 * How a rule's findings differ from the errors expected, one sentence each (none: they match): as
 * many findings as errors, in order, each of the rule, in the file, with the whole message (or one
 * matching the pattern), at the line, and at the column, end and severity when given.
 */
export function differences(rule: Rule, diagnostics: readonly Diagnostic[], errors: readonly ExpectedError[], firstFile: string): string[] {
  const count = (n: number) => `${n} finding${n === 1 ? '' : 's'}`;
  if (diagnostics.length !== errors.length) return [`${count(diagnostics.length)} instead of ${errors.length}`];
  return errors.flatMap((expected, index) => {
    const actual = diagnostics[index]!;
    const found: string[] = [];
    const differ = (what: string, got: unknown, wanted: unknown) => {
      if (wanted !== undefined && got !== wanted) found.push(`finding ${index + 1}: ${what} ${JSON.stringify(got)} instead of ${JSON.stringify(wanted)}`);
    };
    differ('rule', actual.rule, rule.id);
    differ('file', actual.file, `isms-docs/${expected.file ?? firstFile}`);
    if (typeof expected.message === 'string') differ('message', actual.message, expected.message);
    else if (!expected.message.test(actual.message)) found.push(`finding ${index + 1}: message ${JSON.stringify(actual.message)} does not match ${String(expected.message)}`);
    differ('line', actual.line, expected.line);
    differ('column', actual.column, expected.column);
    differ('end line', actual.endLine, expected.endLine);
    differ('end column', actual.endColumn, expected.endColumn);
    differ('severity', actual.severity, expected.severity);
    return found;
  });
}

/**
 * ESLint's RuleTester in miniature: valid cases must produce nothing from the rule; invalid cases
 * exactly the listed errors, in order: each message whole (or matching a pattern), at its line, and
 * at its column, end and severity when given.
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
        expect(differences(rule, diagnostics, testCase.errors, Object.keys(testCase.files)[0] ?? ''), describeDiagnostics(diagnostics)).toEqual([]);
      });
    }
  });
}
