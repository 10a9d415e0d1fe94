import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, keyPair, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { activeContent } from '../helpers/html-safety.js';

const CORPUS = path.resolve('tests/fixtures/bad');
/** Anything a terminal acts on (line breaks aside): escapes, other controls, bidi and line separators, lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is what it is for
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/;

interface Expected {
  file?: string;
  rule: string;
  line: number;
  column: number;
  message: string;
}

interface Outcome {
  hazard: string;
  exit: number;
  /** The input tries to run code that writes the file ISMS_BAD_SENTINEL names. */
  sentinel?: boolean;
}

interface DocumentCase extends Outcome {
  file?: string;
  generate?: string;
  as?: string;
  rendered?: boolean;
  secret?: string;
  total?: number;
  diagnostics: Expected[];
}

interface ConfigCase extends Outcome {
  file?: string;
  generate?: string;
  stderr: string;
}

interface RepositoryCase extends Outcome {
  setup: string;
  /** How many documents the run must have read (all of them, whatever their names). */
  documents?: number;
  diagnostics: Expected[];
}

const corpus = JSON.parse(readFileSync(path.join(CORPUS, 'cases.json'), 'utf8')) as { asOf: string; documents: DocumentCase[]; configs: ConfigCase[]; repositories: RepositoryCase[] };

/** A document that passes every rule, for inputs that only need a clean neighbour or a file name. */
const DRAFT = readFileSync(path.join(CORPUS, 'documents', 'misspelt-key.md'), 'utf8').replace('clasification:', 'classification:');

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function temporary(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/**
 * A hash of everything under `root`: every path (as bytes), its type and mode, and its content or link
 * target. Any file written, removed, changed or re-permissioned changes it.
 */
function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: Buffer) => {
    const names = readdirSync(dir, { encoding: 'buffer' }).sort((a, b) => Buffer.compare(a, b));
    for (const name of names) {
      const full = Buffer.concat([dir, Buffer.from(path.sep), name]);
      const stat = lstatSync(full);
      hash.update(full.subarray(root.length)).update(`\0${stat.mode}\0`);
      if (stat.isSymbolicLink()) hash.update(readlinkSync(full, { encoding: 'buffer' }));
      else if (stat.isDirectory()) walk(full);
      else hash.update(readFileSync(full));
      hash.update('\0');
    }
  };
  walk(Buffer.from(root));
  return hash.digest('hex');
}

/** The code an input carries: the front matter under its opener, or a script element's text. */
function payloadOf(text: string): string {
  const script = /<script>([\s\S]*?)<\/script>/.exec(text);
  if (script) return script[1]!;
  const lines = text.split('\n');
  return lines.slice(1, lines.indexOf('---', 1)).join('\n');
}

/** A documents folder with the corpus configuration, and a folder outside it where nothing may appear. */
function workspace(): { dir: string; outside: string; sentinel: string } {
  const dir = temporary('isms-bad-');
  const outside = temporary('isms-bad-outside-');
  copyFileSync(path.join(CORPUS, 'isms.config.yaml'), path.join(dir, 'isms.config.yaml'));
  return { dir, outside, sentinel: path.join(outside, 'sentinel') };
}

/** Inputs too big for the repository, or not plain files: made here, as the case names them. */
const GENERATORS: Record<string, (target: string, outside: string) => void> = {
  'front-matter-2mb': (target) => writeFileSync(target, `---\nid: DOC-BIG\nnote: "${'x'.repeat(2 * 1024 * 1024)}"\n---\n`),
  'front-matter-70k': (target) => writeFileSync(target, `---\nid: DOC-FM\nnote: "${'x'.repeat(70_000)}"\n---\n`),
  'items-20000': (target) => {
    const items = Array.from({ length: 20_000 }, () => '  - { to: x, audience: y }').join('\n');
    writeFileSync(
      target,
      `id: DOC-PLAN\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\nversions: [{ version: "0.1", date: 2026-01-01, author: A, details: B }]\ndistribution:\n${items}\n`,
    );
  },
  'symlink-out': (target, outside) => {
    writeFileSync(path.join(outside, 'secret.md'), DRAFT.replace('DOC-BAD', 'DOC-SECRET'));
    symlinkSync(path.join(outside, 'secret.md'), target);
  },
  'config-2mb': (target) => writeFileSync(target, `organization: Big\nroles:\n  ciso: { title: CISO, members: [] }\n# ${'x'.repeat(2 * 1024 * 1024)}\n`),
};

/** Runs isms in `dir` with ISMS_BAD_SENTINEL set, as the payloads read it. */
async function isms(args: string[], dir: string, sentinel: string) {
  process.env['ISMS_BAD_SENTINEL'] = sentinel;
  try {
    return await runCli(args, dir);
  } finally {
    delete process.env['ISMS_BAD_SENTINEL'];
  }
}

function expectDiagnostics(stdout: string, expected: Expected[], defaultFile: string, total = expected.length): void {
  const diagnostics = (JSON.parse(stdout) as { diagnostics: Array<Expected & { message: string }> }).diagnostics;
  const shown = diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.rule} ${d.message}`).join('\n');
  expect(diagnostics.length, shown).toBe(total);
  expected.forEach((e, index) => {
    const actual = diagnostics[index]!;
    expect(`${actual.file} ${actual.line}:${actual.column} ${actual.rule}`, shown).toBe(`${e.file ?? defaultFile} ${e.line}:${e.column} ${e.rule}`);
    expect(actual.message).toContain(e.message);
  });
}

describe('the hostile-input corpus (tests/fixtures/bad)', () => {
  it('has at least 30 cases, and every input file belongs to exactly one', () => {
    expect(corpus.documents.length + corpus.configs.length + corpus.repositories.length).toBeGreaterThanOrEqual(30);
    const used = (cases: Array<{ file?: string }>) => cases.flatMap((c) => c.file ?? []).sort();
    expect(used(corpus.documents)).toEqual(readdirSync(path.join(CORPUS, 'documents')).sort());
    expect(used(corpus.configs)).toEqual(readdirSync(path.join(CORPUS, 'configs')).sort());
    for (const c of [...corpus.documents, ...corpus.configs]) expect(c.file !== undefined || GENERATORS[c.generate ?? ''] !== undefined, c.hazard).toBe(true);
  });

  describe('documents, through isms validate', () => {
    for (const c of corpus.documents) {
      const name = c.as ?? c.file!;
      it(`${name}: ${c.hazard}`, async () => {
        const { dir, outside, sentinel } = workspace();
        const target = path.join(dir, name);
        if (c.generate) GENERATORS[c.generate]!(target, outside);
        else copyFileSync(path.join(CORPUS, 'documents', c.file!), target);
        const before = treeHash(dir);
        const outsideBefore = readdirSync(outside);

        const run = await isms(['validate', '--no-git', '--format', 'json', '--as-of', corpus.asOf], dir, sentinel);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(c.exit);
        expectDiagnostics(run.stdout, c.diagnostics, name, c.total);
        if (c.secret) expect(run.stdout).not.toContain(c.secret);
        // What a person reads on a terminal carries nothing a terminal acts on, whatever the input held.
        const human = await isms(['validate', '--no-git', '--as-of', corpus.asOf], dir, sentinel);
        expect(human.code).toBe(c.exit);
        expect(human.stdout).not.toMatch(TERMINAL_CONTROLS);
        expect(treeHash(dir)).toBe(before);
        expect(readdirSync(outside)).toEqual(outsideBefore);
        expect(existsSync(sentinel)).toBe(false);

        if (c.rendered) {
          const site = path.join(outside, 'site');
          const build = await isms(['build', '--html', '--out', site], dir, sentinel);
          expect(build.code, build.stderr).toBe(0);
          const pages = readdirSync(site).filter((file) => file.endsWith('.html'));
          expect(pages).toEqual(['DOC-BAD.html', 'index.html']);
          for (const page of pages) expect(activeContent(readFileSync(path.join(site, page), 'utf8')), page).toEqual([]);
          expect(treeHash(dir)).toBe(before);
          expect(existsSync(sentinel)).toBe(false);
        }
      });
    }
  });

  describe('configurations, through isms validate', () => {
    for (const c of corpus.configs) {
      it(`${c.file ?? c.generate}: ${c.hazard}`, async () => {
        const { dir, outside, sentinel } = workspace();
        const target = path.join(dir, 'isms.config.yaml');
        if (c.generate) GENERATORS[c.generate]!(target, outside);
        else copyFileSync(path.join(CORPUS, 'configs', c.file!), target);
        writeFileSync(path.join(dir, 'procedure.md'), DRAFT);
        const before = treeHash(dir);

        const run = await isms(['validate', '--no-git', '--format', 'json', '--as-of', corpus.asOf], dir, sentinel);
        expect(run.code).toBe(c.exit);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^isms: the configuration has a problem; nothing was checked\n/);
        expect(run.stderr).toContain(c.stderr);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(treeHash(dir)).toBe(before);
        expect(readdirSync(outside)).toEqual([]);
      });
    }
  });

  it('would see code that runs: each payload, run by node, writes its sentinel', () => {
    for (const c of corpus.documents.filter((d) => d.sentinel)) {
      const sentinel = path.join(temporary('isms-bad-control-'), 'sentinel');
      execFileSync(process.execPath, ['-e', payloadOf(readFileSync(path.join(CORPUS, 'documents', c.file!), 'utf8'))], { env: { ...process.env, ISMS_BAD_SENTINEL: sentinel } });
      expect(existsSync(sentinel), c.file).toBe(true);
    }
  });

  it('would see anything written: a changed byte, mode or link target changes the tree hash', () => {
    const { dir } = workspace();
    writeFileSync(path.join(dir, 'a.md'), 'x');
    symlinkSync('a.md', path.join(dir, 'link.md'));
    const before = treeHash(dir);
    writeFileSync(path.join(dir, 'a.md'), 'y');
    expect(treeHash(dir)).not.toBe(before);
    writeFileSync(path.join(dir, 'a.md'), 'x');
    expect(treeHash(dir)).toBe(before);
    chmodSync(path.join(dir, 'a.md'), 0o600);
    expect(treeHash(dir)).not.toBe(before);
    chmodSync(path.join(dir, 'a.md'), lstatSync(path.join(dir, 'isms.config.yaml')).mode & 0o777);
    rmSync(path.join(dir, 'link.md'));
    symlinkSync('isms.config.yaml', path.join(dir, 'link.md'));
    expect(treeHash(dir)).not.toBe(before);
  });
});

/** A repository set up for one case; `trap` (when there is one) shows git itself would run the sentinel. */
interface Setup {
  dir: string;
  trap?: () => void;
}

const draftNamed = (id: string) => DRAFT.replace('DOC-BAD', id).replace('P. Writer', WRITER.name);

const SETUPS: Record<string, (outside: string, sentinel: string) => Setup> = {
  'option-names': () => {
    const repo = new TestRepo();
    scratch.push(repo.dir);
    repo.write('isms.config.yaml', REPO_CONFIG).write('sentinel-dir/keep.txt', 'git log --output=sentinel-dir/... would write beside this file\n');
    const names = ['--output=sentinel-dir/out.md', '-Osentinel-dir.md', 'with space.md', 'line\nbreak.md', 'caf\u00e9.md', 'cafe\u0301s.md'];
    names.forEach((name, index) => repo.write(name, draftNamed(`DOC-N${index + 1}`)));
    repo.commit('Documents with hostile names', WRITER, '2026-01-05');
    return { dir: repo.dir };
  },
  fsmonitor: (outside, sentinel) => {
    const repo = new TestRepo();
    scratch.push(repo.dir);
    repo.write('isms.config.yaml', REPO_CONFIG).write('procedure.md', draftNamed('DOC-P1')).commit('Draft', WRITER, '2026-01-05');
    const hook = path.join(outside, 'fsmonitor-hook');
    writeFileSync(hook, `#!/bin/sh\necho fsmonitor > '${sentinel}'\nexit 1\n`, { mode: 0o755 });
    repo.git(['config', 'core.fsmonitor', hook]);
    // A change not yet committed: finding it is where git would ask the monitor.
    repo.write('procedure.md', draftNamed('DOC-P1').replace('Body text.', 'Uncommitted text.'));
    return { dir: repo.dir, trap: () => repo.git(['status', '--short']) };
  },
  'signature-program': (outside, sentinel) => {
    const keys = temporary('isms-bad-keys-');
    const ceo = keyPair(keys, 'ceo');
    const repo = new TestRepo();
    scratch.push(repo.dir);
    repo.write('.isms/allowed_signers', `${CEO.email} namespaces="git" ${ceo.publicKey}\n`);
    repo.write('isms.config.yaml', `${REPO_CONFIG}git:\n  signed_approvals: true\n  allowed_signers: .isms/allowed_signers\n`);
    const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
    repo.write('policy.md', policy({ status: 'in-review', version: '1.0', rows })).commit('1.0 for review', WRITER, '2026-01-05');
    repo
      .write('policy.md', policy({ status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', rows }))
      .commit('Approve 1.0', CEO, '2026-01-10', { sign: ceo.key });
    const program = path.join(outside, 'signature-program');
    writeFileSync(program, `#!/bin/sh\necho signature program > '${sentinel}'\nexec ssh-keygen "$@"\n`, { mode: 0o755 });
    repo.git(['config', 'gpg.ssh.program', program]);
    repo.git(['config', 'gpg.program', program]);
    return { dir: repo.dir, trap: () => repo.git(['-c', `gpg.ssh.allowedSignersFile=${path.join(repo.dir, '.isms/allowed_signers')}`, 'log', '--show-signature', '-1']) };
  },
  shallow: () => {
    const repo = new TestRepo();
    scratch.push(repo.dir);
    repo.write('isms.config.yaml', REPO_CONFIG).write('procedure.md', draftNamed('DOC-P1')).commit('Draft', WRITER, '2026-01-05');
    repo.write('procedure.md', draftNamed('DOC-P1').replace('Body text.', 'More text.')).commit('Edit', WRITER, '2026-01-06');
    const clone = temporary('isms-bad-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    return { dir: clone };
  },
  'foreign-owner': () => {
    const repo = new TestRepo();
    scratch.push(repo.dir);
    repo.write('isms.config.yaml', REPO_CONFIG).write('procedure.md', draftNamed('DOC-P1')).commit('Draft', WRITER, '2026-01-05');
    execFileSync('chown', ['-R', '65534:65534', repo.dir]);
    return { dir: repo.dir };
  },
};

describe('repositories, through isms validate with git', () => {
  const isRoot = process.getuid?.() === 0;
  for (const c of corpus.repositories) {
    it.skipIf(c.setup === 'foreign-owner' && !isRoot)(`${c.setup}: ${c.hazard}`, async () => {
      const outside = temporary('isms-bad-outside-');
      const sentinel = path.join(outside, 'sentinel');
      const { dir, trap } = SETUPS[c.setup]!(outside, sentinel);
      if (trap) {
        // The trap is live: git itself, left to the repository's configuration, runs it.
        trap();
        expect(existsSync(sentinel), 'git ran the trap').toBe(true);
        rmSync(sentinel);
      }
      const before = treeHash(dir);
      const outsideBefore = readdirSync(outside);

      const run = await isms(['validate', '--no-cache', '--format', 'json', '--as-of', corpus.asOf], dir, sentinel);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(c.exit);
      expectDiagnostics(run.stdout, c.diagnostics, '');
      if (c.documents !== undefined) expect((JSON.parse(run.stdout) as { summary: { documents: number } }).summary.documents).toBe(c.documents);
      expect(treeHash(dir)).toBe(before);
      expect(readdirSync(outside)).toEqual(outsideBefore);
      expect(existsSync(sentinel)).toBe(false);
    });
  }
});
