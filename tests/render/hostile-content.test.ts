import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/text/decode.js';
import { CEO, CISO, policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { readPdf } from '../helpers/pdf.js';
import { runBin } from '../helpers/run-bin.js';

/*
 * Each case runs the built CLI as a child process under a hang guard (about ten times the time it
 * takes) and a heap guard (runBin's --max-old-space-size). They guard against a hang or a crash;
 * they are not performance figures (those are in npm run bench).
 */
const GUARD_MS = 40_000;
const isms = (args: string[], cwd: string) => runBin(args, cwd, { timeoutMs: GUARD_MS });

/** A text with no break opportunity and no repetition, in letters no header, footer or label uses. */
function greekRun(length: number): string {
  const letters = 'αβγδεζηθικλμνξοπρστυφχψω';
  let text = '';
  for (let i = 0; text.length < length; i++) {
    let n = i;
    do {
      text += letters[n % letters.length];
      n = Math.floor(n / letters.length);
    } while (n > 0);
  }
  return text.slice(0, length);
}
const greekIn = (pages: string[]) => pages.join('').replace(/[^α-ω]/g, '');

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A committed repository holding the policy DOC-A5 with `body` as its policy statement. */
function repoWith(body: string, extra: Record<string, string> = {}): TestRepo {
  const repo = new TestRepo();
  cleanup.push(repo.dir);
  repo.write('.gitignore', '_site/\n').write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy({ body }));
  for (const [file, text] of Object.entries(extra)) repo.write(file, text);
  repo.commit('Draft', WRITER, '2026-01-05');
  return repo;
}

function outDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'isms-hostile-'));
  cleanup.push(dir);
  return path.join(dir, 'site');
}

describe('long unbreakable text in a PDF', () => {
  it(
    'lays out a 100,000-character word, all of it, in order',
    async () => {
      const word = greekRun(100_000);
      const repo = repoWith(word);
      expect((await isms(['validate', '--as-of', '2026-02-01'], repo.dir)).code).toBe(0);
      const out = outDir();
      const run = await isms(['build', '--pdf', '--out', out], repo.dir);
      expect(run.code).toBe(0);
      expect(greekIn((await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).pages)).toBe(word);
      expect(greekIn((await readPdf(path.join(out, 'test-org-isms.pdf'))).pages)).toBe(word);
    },
    3 * GUARD_MS,
  );

  it(
    'lays out a 40,000-character line of code, all of it, in order',
    async () => {
      const line = greekRun(40_000);
      const repo = repoWith('```\n' + line + '\n```');
      const out = outDir();
      const run = await isms(['build', '--pdf', '--out', out], repo.dir);
      expect(run.code).toBe(0);
      expect(greekIn((await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).pages)).toBe(line);
    },
    3 * GUARD_MS,
  );
});

describe('deep nesting', () => {
  it.each([
    ['1,500 nested quotes', '>'.repeat(1500) + ' deep', 11],
    ['3,000 nested list items', '- '.repeat(3000) + 'deep', 21],
  ])(
    'reports %s where they cross the bound, and publishes the rest as text',
    async (_, body, column) => {
      const repo = repoWith(body);
      const validate = await isms(['validate', '--as-of', '2026-02-01', '--format', 'json'], repo.dir);
      expect(validate.code).toBe(1);
      const diagnostics = JSON.parse(validate.stdout).diagnostics;
      expect(diagnostics).toEqual([
        expect.objectContaining({
          rule: 'parse-error',
          line: 15,
          column,
          message: expect.stringMatching(/^quotes and lists nested more than 10 deep: from here on they are read, and published, as plain text/),
        }),
      ]);
      const out = outDir();
      const build = await isms(['build', '--out', out], repo.dir);
      expect(build.stderr).not.toContain('Maximum call stack');
      expect(build.code).toBe(0);
      expect(readFileSync(path.join(out, 'DOC-A5.html'), 'utf8')).toMatch(/deep/);
    },
    3 * GUARD_MS,
  );

  it(
    'reports YAML nested 5,000 deep as nesting, where it crosses the bound',
    async () => {
      const repo = repoWith('We protect information.', { 'record.yaml': 'id: DOC-R1\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n' });
      const run = await isms(['validate', '--no-git', '--format', 'json'], repo.dir);
      expect(run.code).toBe(1);
      const found = JSON.parse(run.stdout).diagnostics.filter((d: { file: string }) => d.file === 'record.yaml');
      expect(found).toEqual([expect.objectContaining({ rule: 'parse-error', line: 2, column: 68, message: 'nesting deeper than 64 levels' })]);
    },
    3 * GUARD_MS,
  );
});

describe('a hostile body of 1 MiB in the renderer', () => {
  /** `unit` repeated as often as the 1 MiB file cap leaves room for, in the policy's body. */
  const filling = (unit: string) => unit.repeat(Math.floor((MAX_FILE_BYTES - Buffer.byteLength(policy({ body: '' })) - 64) / Buffer.byteLength(unit)));
  // The site's parser was quadratic in these (remark-parse: 84 s for 100 KB of `*a`); they are read as validation reads them now.
  it.each([
    ['`*a`', '*a'],
    ['`~a`', '~a'],
    ['`[`', '['],
    ['`_a`', '_a'],
    ['backticks', '`a'],
    ['`(http://a.b/`', '(http://a.b/'],
  ])(
    'is built into a page from a body of %s',
    async (_, unit) => {
      const repo = repoWith(filling(unit));
      const out = outDir();
      // The site only: pdfmake lays out each styled piece at a cost (a PDF of 1 MiB of `*a` takes 40 s and 1.3 GB), which the benchmark reports.
      const run = await runBin(['build', '--html', '--out', out], repo.dir, { timeoutMs: 90_000 });
      expect(run.stderr).not.toContain('could not be rendered');
      expect(run.code).toBe(0);
      expect(readFileSync(path.join(out, 'DOC-A5.html'), 'utf8').length).toBeGreaterThan(MAX_FILE_BYTES / 2);
    },
    120_000,
  );

  it(
    'publishes quotes nested 8,000 deep in a footnote (validation reads no footnotes) at the bound, on the site and in the PDFs',
    async () => {
      const repo = repoWith('Noted.[^1]\n\n[^1]: ' + '>'.repeat(8000) + ' deep');
      const out = outDir();
      const run = await isms(['build', '--out', out], repo.dir);
      expect(run.stderr).not.toContain('could not be rendered');
      expect(run.code).toBe(0);
      const page = readFileSync(path.join(out, 'DOC-A5.html'), 'utf8');
      expect(page.match(/<blockquote>/g)).toHaveLength(10);
      expect(page).toContain('deep');
      expect((await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).pages.join(' ')).toContain('deep');
    },
    3 * GUARD_MS,
  );
});

describe('a document that cannot be rendered', () => {
  // Emphasis nested 25,000 deep: markdown-it reads it in linear time, but the site's HTML (mdast-util-to-hast)
  // and the PDF's layout recurse once a level and exhaust the stack. Nothing bounds inline nesting yet.
  const bomb = `Noted ${'*'.repeat(50_000)}deep${'*'.repeat(50_000)}.`;
  const procedure = policy({ body: bomb }).replace('id: DOC-A5', 'id: DOC-P1').replace('type: policy', 'type: procedure').replace('# Information Security Policy', '# Access Procedure');

  it(
    'is a finding on that document; the rest is built, swapped in, and the build exits 1',
    async () => {
      const repo = repoWith('We protect information.');
      const out = outDir();
      expect((await isms(['build', '--out', out], repo.dir)).code).toBe(0);
      repo.write('procedure.md', procedure).commit('Procedure', WRITER, '2026-01-06');
      const run = await isms(['build', '--out', out], repo.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('isms: procedure.md: DOC-P1.html could not be rendered (it says so in its place): Maximum call stack size exceeded\n');
      expect(run.stderr).toContain('isms: procedure.md: pdf/DOC-P1.pdf could not be rendered (it says so in its place): Maximum call stack size exceeded\n');
      expect(readFileSync(path.join(out, 'DOC-P1.html'), 'utf8')).toContain('This document could not be rendered: Maximum call stack size exceeded.');
      expect(readFileSync(path.join(out, 'DOC-A5.html'), 'utf8')).toContain('We protect information.');
      expect((await readPdf(path.join(out, 'pdf/DOC-P1.pdf'))).pages.join(' ')).toContain('This document could not be rendered');
      expect((await readPdf(path.join(out, 'pdf/DOC-A5.pdf'))).pages.join(' ')).toContain('We protect information.');
      const manual = (await readPdf(path.join(out, 'test-org-isms.pdf'))).pages.join(' ');
      expect(manual).toContain('We protect information.');
      expect(manual).toContain('This document could not be rendered');
    },
    3 * GUARD_MS,
  );

  it(
    'makes a --release build refuse and leave the previous output',
    async () => {
      // A release publishes approved documents only: the policy, then the procedure, are approved.
      const rows = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-06 | P. Writer | First published |'];
      const approved = (text: string, status: string, approval?: string) =>
        text
          .replace('status: draft', `status: ${status}`)
          .replace('version: "0.1"', `version: "1.0"${approval ? `\napproval: ${approval}` : ''}`)
          .replace(rows[0]!, rows.join('\n'));
      const repo = repoWith('We protect information.');
      const text = readFileSync(path.join(repo.dir, 'policy.md'), 'utf8');
      repo.write('policy.md', approved(text, 'in-review')).commit('Policy 1.0', WRITER, '2026-01-06');
      repo.write('policy.md', approved(text, 'approved', '{ by: ceo, name: R. Adeyemi, date: 2026-01-06 }')).commit('Approve the policy', CEO, '2026-01-06');
      const out = outDir();
      expect((await isms(['build', '--release', '--html', '--out', out], repo.dir)).code).toBe(0);
      const before = readFileSync(path.join(out, 'manifest.json'), 'utf8');
      repo.write('procedure.md', approved(procedure, 'in-review')).commit('Procedure', WRITER, '2026-01-06');
      repo.write('procedure.md', approved(procedure, 'approved', '{ by: ciso, name: M. Woolard, date: 2026-01-07 }')).commit('Approve the procedure', CISO, '2026-01-07');
      const run = await isms(['build', '--release', '--html', '--out', out], repo.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('isms: release refused: nothing was written.\n  procedure.md: DOC-P1.html could not be rendered (it says so in its place): Maximum call stack size exceeded\n');
      expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
      expect(existsSync(path.join(out, 'DOC-P1.html'))).toBe(false);
    },
    3 * GUARD_MS,
  );
});
