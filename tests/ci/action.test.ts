import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CEO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

const ROOT = path.resolve('.');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/** The values of the expressions the action uses: inputs, the action's path, earlier steps' outputs. */
function evaluate(expression: string, context: { inputs: Record<string, string>; steps: Record<string, Record<string, string>> }): string {
  if (expression === 'github.action_path') return ROOT;
  const input = /^inputs\.([\w-]+)$/.exec(expression);
  if (input) return context.inputs[input[1]!] ?? '';
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (output) return context.steps[output[1]!]?.[output[2]!] ?? '';
  throw new Error(`the test does not know the expression ${expression}`);
}

/** `if:` as the runner reads the forms this action uses: terms joined by &&, each always(), A == 'x' or A != 'x'. */
function condition(text: string | undefined, context: Parameters<typeof evaluate>[1]): boolean {
  if (text === undefined) return true;
  return text.split('&&').every((term) => {
    const trimmed = term.trim();
    if (trimmed === 'always()') return true;
    const compare = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(trimmed);
    if (!compare) throw new Error(`the test does not know the condition ${trimmed}`);
    const value = evaluate(compare[1]!, context);
    return compare[2] === '==' ? value === compare[3] : value !== compare[3];
  });
}

/** Key=value lines of a $GITHUB_OUTPUT file. */
function outputsOf(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/**
 * Runs the action's `run:` steps as the runner does (bash -eo pipefail, the step's env with its
 * expressions evaluated, $GITHUB_OUTPUT per step) in a fake GitHub environment; `uses:` steps are
 * recorded, not run.
 */
function runAction(workspace: string, given: Record<string, string>, env: Record<string, string>) {
  const temp = mkdtempSync(path.join(tmpdir(), 'isms-runner-'));
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given };
  const context = { inputs, steps: {} as Record<string, Record<string, string>> };
  const summary = path.join(temp, 'step-summary.md');
  const ran: Array<{ name: string; code: number | null; stdout: string; stderr: string }> = [];
  const used: Array<{ uses: string; with: Record<string, string> }> = [];
  for (const [index, step] of action.runs.steps.entries()) {
    if (!condition(step.if, context)) continue;
    if (step.uses) {
      used.push({
        uses: step.uses,
        with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, String(value).replace(EXPRESSION, (_m, e: string) => evaluate(e, context))])),
      });
      continue;
    }
    const output = path.join(temp, `output-${index}`);
    writeFileSync(output, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, String(value).replace(EXPRESSION, (_m, e: string) => evaluate(e, context))]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: temp,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: temp,
        ...env,
        ...stepEnv,
      },
    });
    ran.push({ name: step.name ?? `step ${index}`, code: result.status, stdout: result.stdout, stderr: result.stderr });
    if (step.id) context.steps[step.id] = outputsOf(output);
    if (result.status !== 0) break;
  }
  return { ran, used, outputs: context.steps, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '', temp };
}

const ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];

/** A documents repository on main with an approved policy, `origin` pointing at itself, and a pull request branch checked out. */
function pullRequest(body: string): TestRepo {
  const repo = new TestRepo();
  repo
    .write('isms-docs/isms.config.yaml', REPO_CONFIG)
    .write('isms-docs/policy.md', policy({ status: 'in-review', version: '1.0', rows: ROWS }))
    .commit('1.0 for review', WRITER, '2026-01-10');
  repo.write('isms-docs/policy.md', policy({ status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows: ROWS })).commit('Approve 1.0', CEO, '2026-01-10');
  repo.git(['remote', 'add', 'origin', repo.dir]);
  repo.git(['fetch', '-q', 'origin']);
  repo.git(['checkout', '-q', '-b', 'feature']);
  const rows = [...ROWS, '| 1.1 | 2026-02-01 | P. Writer | Suppliers |'];
  repo.write('isms-docs/policy.md', policy({ status: 'in-review', version: '1.1', rows, body })).commit('Policy 1.1', WRITER, '2026-02-01');
  return repo;
}

const GITHUB = { GITHUB_BASE_REF: 'main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/isms-docs' };

describe('action.yml', () => {
  const cleanup: string[] = [];
  afterEach(() => cleanup.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is a composite action whose inputs, outputs and steps are all declared and used', () => {
    expect(action.name).toBe('isms validate');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.runs.using).toBe('composite');
    for (const name of ['config', 'max-warnings', 'format', 'build-site', 'base', 'upload-sarif']) expect(action.inputs[name]?.description).toBeTruthy();
    for (const input of Object.values(action.inputs)) expect(typeof input.default).toBe('string');
    const ids = new Set<string>();
    for (const step of action.runs.steps) {
      expect(step.name).toBeTruthy();
      expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
      if (step.run) {
        expect(step.shell).toBe('bash');
        // Inputs reach scripts through env only: nothing a pull request controls is pasted into shell code.
        expect(step.run).not.toContain('${{');
      }
      const text = JSON.stringify(step);
      for (const [, expression] of text.matchAll(EXPRESSION)) {
        const input = /^inputs\.([\w-]+)$/.exec(expression!);
        if (input) expect(Object.keys(action.inputs)).toContain(input[1]);
        const output = /^steps\.([\w-]+)\./.exec(expression!);
        if (output) expect([...ids]).toContain(output[1]);
      }
      for (const match of (step.if ?? '').matchAll(/(inputs|steps)\.([\w-]+)/g)) {
        if (match[1] === 'inputs') expect(Object.keys(action.inputs)).toContain(match[2]);
        else expect([...ids]).toContain(match[2]);
      }
      if (step.id) ids.add(step.id);
    }
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.[\w-]+\.outputs\.[\w-]+ \}\}$/);
    expect(action.runs.steps.map((step) => step.uses).filter(Boolean)).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3', 'actions/upload-artifact@v4']);
  });

  it('fails a pull request with an error: annotations on the diff, a SARIF file for code scanning, and a job summary', () => {
    const repo = pullRequest('See [the plan](plan.md).');
    cleanup.push(repo.dir);
    const result = runAction(repo.dir, { 'as-of': '2026-06-01' }, GITHUB);
    cleanup.push(result.temp);
    const [install, validate, passOrFail] = result.ran;
    expect(install).toMatchObject({ name: 'Install isms', code: 0 });
    expect(validate).toMatchObject({ name: 'Validate', code: 0 });
    expect(validate!.stdout).toMatch(/^::error file=isms-docs\/policy\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=isms broken-reference::/m);
    expect(result.outputs['validate']).toMatchObject({ 'exit-code': '1', report: path.join(result.temp, 'isms-report.sarif') });
    const sarif = JSON.parse(readFileSync(result.outputs['validate']!['report']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['broken-reference']);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('isms-docs/policy.md');
    expect(result.used).toEqual([
      { uses: 'actions/setup-node@v4', with: { 'node-version': '20' } },
      { uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: path.join(result.temp, 'isms-report.sarif'), category: 'isms' } },
    ]);
    expect(result.summary.split('\n')[0]).toBe('**❌ isms: failed**: 1 error and 0 warnings in 1 document; 1 document changed since origin/main; 1 approval still needed.');
    expect(result.summary).toContain('| 1\\.0 → 1\\.1 | approved → in\\-review |');
    expect(result.summary).toContain('](https://github.com/acme/isms-docs/blob/');
    expect(passOrFail).toMatchObject({ name: 'Pass or fail', code: 1 });
  });

  it('passes a clean pull request, and builds the site as an artifact when asked', () => {
    const repo = pullRequest('We protect information, our suppliers too.');
    cleanup.push(repo.dir);
    const result = runAction(repo.dir, { 'as-of': '2026-06-01', 'build-site': 'true', 'upload-sarif': 'false', 'max-warnings': '0' }, GITHUB);
    cleanup.push(result.temp);
    expect(result.ran.map((step) => [step.name, step.code])).toEqual([
      ['Install isms', 0],
      ['Validate', 0],
      ['Build the site', 0],
      ['Pass or fail', 0],
    ]);
    expect(result.ran[1]!.stdout).toBe('');
    expect(result.summary.split('\n')[0]).toBe('**✅ isms: passed**: 0 errors and 0 warnings in 1 document; 1 document changed since origin/main; 1 approval still needed.');
    expect(existsSync(path.join(result.temp, 'isms-site', 'index.html'))).toBe(true);
    expect(result.used.map((step) => step.uses)).toEqual(['actions/setup-node@v4', 'actions/upload-artifact@v4']);
    expect(result.used[1]!.with).toEqual({ name: 'isms-site', path: path.join(result.temp, 'isms-site') });
  });

  it('fails with exit code 2 and no report when the configuration is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-empty-'));
    cleanup.push(dir);
    mkdirSync(path.join(dir, 'docs'));
    const result = runAction(dir, { 'as-of': '2026-06-01' }, {});
    cleanup.push(result.temp);
    expect(result.outputs['validate']?.['exit-code']).toBe('2');
    expect(result.ran[1]!.stdout).toContain('::warning title=isms::no report was written (exit code 2)');
    expect(result.ran.at(-1)).toMatchObject({ name: 'Pass or fail', code: 2 });
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares the isms-validate hook as pre-commit reads it', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'isms-validate', name: 'isms validate', entry: 'isms validate', language: 'node', pass_filenames: false });
    for (const key of Object.keys(hook!))
      expect([
        'id',
        'name',
        'entry',
        'language',
        'files',
        'exclude',
        'types',
        'types_or',
        'exclude_types',
        'always_run',
        'fail_fast',
        'verbose',
        'pass_filenames',
        'require_serial',
        'description',
        'language_version',
        'minimum_pre_commit_version',
        'args',
        'stages',
      ]).toContain(key);
    const files = new RegExp(String(hook!['files']));
    expect(['isms-docs/manual.md', 'risk/register.yaml', 'isms.config.yml'].every((file) => files.test(file))).toBe(true);
    expect(files.test('package.json')).toBe(false);
    // The entry is the package's own executable.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(String(hook!['entry']).split(' ')[0]);
  });
});
