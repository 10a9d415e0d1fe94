import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TestRepo, WRITER } from '../helpers/git-repo.js';
import { readPdf } from '../helpers/pdf.js';
import { PUBLISHED_CONFIG, procedureWith, publishedRepo as publishedRepoOf } from '../helpers/published-repo.js';

const PROCEDURE_BODY = 'Grant access on request.\n\n| Step | Who |\n|---|---|\n| Ask | Staff |\n| Grant | IT |';
const PROCEDURE = procedureWith(PROCEDURE_BODY);
const CONFIG = PUBLISHED_CONFIG;

/** A repository with an approved policy (proven by a commit of the CEO) that links to a draft procedure with a table. */
function publishedRepo(): TestRepo {
  return publishedRepoOf({ policy: 'We protect information. See the [procedure](procedure.md#policy-statement).', procedure: PROCEDURE_BODY }).repo;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe('isms build', () => {
  let repo: TestRepo;
  let out: string;
  let run: { code: number; stdout: string; stderr: string };
  const temporary: string[] = [];

  beforeAll(async () => {
    repo = publishedRepo();
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-out-')), 'site');
    temporary.push(path.dirname(out));
    run = await runCli(['build', '--out', out], repo.dir, { SOURCE_DATE_EPOCH: '1768039200' });
  }, 60_000);
  afterAll(() => {
    repo.remove();
    temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('writes the site, a PDF per document, the manual and a manifest of their sha256', () => {
    expect(run.code).toBe(0);
    expect(listFiles(out)).toEqual([
      'DOC-A5.html',
      'DOC-P1.html',
      'changes.html',
      'exports/register.csv',
      'exports/register.xlsx',
      'index.html',
      'manifest.json',
      'pdf/DOC-A5.pdf',
      'pdf/DOC-P1.pdf',
      'test-org-isms-manual.pdf',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.buildTime).toBe('2026-01-10T10:00:00.000Z');
    expect(manifest.commit).toBe(repo.git(['rev-parse', 'HEAD']).trim());
    for (const [file, hash] of Object.entries(manifest.files)) expect(sha256(path.join(out, file)), file).toBe(hash);
    expect(Object.keys(manifest.files)).toHaveLength(9);
  });

  it('keeps standard output to one line and prints no progress when stderr is not a terminal', () => {
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^Built 4 pages, 3 PDFs \(manual: test-org-isms-manual\.pdf\) and 2 exports into .*site\/ at 2026-01-10T10:00:00\.000Z from [0-9a-f]{7}\n$/);
    expect(run.stderr).toBe('isms: published as DRAFT (not validly approved): DOC-P1\n');
  });

  it('shows the approval with the commit that proves it, and rewrites links between documents', () => {
    const page = readFileSync(path.join(out, 'DOC-A5.html'), 'utf8');
    const hash = repo.git(['rev-parse', '--short=7', 'HEAD']).trim();
    expect(page).toContain('Approved by R. Adeyemi, Chief Executive Officer, on 2026-01-10.');
    expect(page).toContain(`Proven by commit ${hash}, made by R. Adeyemi &lt;ceo@example.com&gt; on 2026-01-10 (unsigned approval: the commit author field names the approver).`);
    expect(page).toContain('<a href="DOC-P1.html#policy-statement">procedure</a>');
    const draft = readFileSync(path.join(out, 'DOC-P1.html'), 'utf8');
    expect(draft).toContain('DRAFT: this document is not validly approved');
  });

  it('prints the running header and the footer with version, classification and page numbers', async () => {
    const { pages, info } = await readPdf(path.join(out, 'pdf/DOC-A5.pdf'));
    expect(info['Title']).toBe('DOC-A5 Information Security Policy');
    pages.forEach((text, i) => {
      expect(text).toContain('Test Org');
      expect(text).toContain('DOC-A5 Information Security Policy');
      expect(text).toContain('Version 1.0 · approved · INTERNAL');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('watermarks every page of a document that is not validly approved, and no page of one that is', async () => {
    const draft = await readPdf(path.join(out, 'pdf/DOC-P1.pdf'));
    expect(draft.pages.length).toBeGreaterThan(1);
    for (const text of draft.pages) expect(text).toContain('DRAFT');
    const approved = await readPdf(path.join(out, 'pdf/DOC-A5.pdf'));
    for (const text of approved.pages) expect(text).not.toContain('DRAFT');
  });

  it('makes one distributable manual: cover, linked contents, every document in order, per-document headers and watermarks', async () => {
    const { pages } = await readPdf(path.join(out, 'test-org-isms-manual.pdf'));
    expect(pages[0]).toMatch(/Test Org Test Org ISMS Manual Version 1\.0 \(DOC-A5\) Date 2026-01-10/);
    expect(pages[1]).toMatch(/Contents Information Security Policy 3 Access Procedure \d+/);
    const policyPages = pages.filter((text) => text.includes('DOC-A5 Information Security Policy'));
    const procedurePages = pages.filter((text) => text.includes('DOC-P1 Access Procedure'));
    expect(policyPages.length + procedurePages.length).toBe(pages.length - 2);
    for (const text of policyPages) expect(text).not.toContain('DRAFT');
    for (const text of procedurePages) expect(text).toContain('DRAFT');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.some((text) => text.includes('Document control Version history'))).toBe(true);
  });

  it('reports progress per output on stderr when it is a terminal, and nothing more on stdout', async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'isms-tty-')), 'site');
    temporary.push(path.dirname(target));
    let stderr = '';
    let stdout = '';
    const { main } = await import('../../src/cli/main.js');
    const code = await main(['build', '--out', target], {
      stdout: { write: (t: string) => (stdout += t), isTTY: true },
      stderr: { write: (t: string) => (stderr += t), isTTY: true },
      cwd: repo.dir,
      env: {},
    });
    expect(code).toBe(0);
    expect(stderr).toContain('[1/4] site');
    expect(stderr).toContain('[4/4] test-org-isms-manual.pdf');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('repeats a table header row on the next page', async () => {
    const long = new TestRepo();
    temporary.push(long.dir);
    const rows = Array.from({ length: 120 }, (_, i) => `| Step ${i + 1} | Team ${i % 7} |`).join('\n');
    long
      .write('isms.config.yaml', CONFIG)
      .write('procedure.md', PROCEDURE.replace('| Ask | Staff |', `${rows}\n| Ask | Staff |`))
      .commit('Long', WRITER, '2026-01-05');
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'isms-out-')), 'site');
    temporary.push(path.dirname(target));
    expect((await runCli(['build', '--pdf', '--out', target], long.dir)).code).toBe(0);
    const { pages } = await readPdf(path.join(target, 'pdf/DOC-P1.pdf'));
    const withTable = pages.filter((text) => /Step \d+ Team/.test(text));
    expect(withTable.length).toBeGreaterThan(1);
    for (const text of withTable) expect(text).toMatch(/Step Who Step \d+/);
  });
});

describe('isms build --release', () => {
  const cleanup: string[] = [];
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const outDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-rel-'));
    cleanup.push(dir);
    return path.join(dir, 'site');
  };

  it('gives byte-identical output for one commit, dated from the commit', async () => {
    const repo = publishedRepo();
    cleanup.push(repo.dir);
    const [a, b] = [outDir(), outDir()];
    expect((await runCli(['build', '--release', '--out', a], repo.dir)).code).toBe(0);
    expect((await runCli(['build', '--release', '--out', b], repo.dir)).code).toBe(0);
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(b, file)).equals(readFileSync(path.join(a, file))), file).toBe(true);
    expect(JSON.parse(readFileSync(path.join(a, 'manifest.json'), 'utf8')).buildTime).toBe('2026-01-10T10:00:00.000Z');
  }, 60_000);

  it('refuses uncommitted changes and validation errors, and writes nothing', async () => {
    const repo = publishedRepo();
    cleanup.push(repo.dir);
    const out = outDir();
    repo.write('policy.md', readFileSync(path.join(repo.dir, 'policy.md'), 'utf8').replace('We protect information.', 'We protect some information.'));
    const run = await runCli(['build', '--release', '--out', out], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^isms: release refused: nothing was written\.\n {2}\d+ validation errors \(run isms validate\)\n {2}not committed: policy\.md\n$/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('runs no clean or smudge filter, fsmonitor or hook of the repository while checking the tree', async () => {
    const repo = publishedRepo();
    cleanup.push(repo.dir);
    repo.write('.gitattributes', '* filter=evil\n').commit('Attributes', WRITER, '2026-01-11');
    const sentinel = path.join(repo.dir, '..', `${path.basename(repo.dir)}-ran`);
    cleanup.push(sentinel);
    const touch = `touch '${sentinel}'`;
    repo.git(['config', 'filter.evil.clean', `${touch}; cat`]);
    repo.git(['config', 'filter.evil.smudge', `${touch}; cat`]);
    repo.git(['config', 'core.fsmonitor', touch]);
    // New times on unchanged files make git status hash them again, through the clean filter.
    for (const file of ['policy.md', 'procedure.md', 'isms.config.yaml', '.gitattributes', '.gitignore']) utimesSync(path.join(repo.dir, file), new Date(), new Date(Date.now() + 60_000));
    const run = await runCli(['build', '--release', '--html', '--out', outDir()], repo.dir);
    expect(run.stderr).not.toContain('release refused');
    expect(existsSync(sentinel)).toBe(false);
    expect(run.code).toBe(0);
  }, 60_000);

  it('takes a core.autocrlf checkout with CRLF files as clean', async () => {
    const repo = publishedRepo();
    cleanup.push(repo.dir);
    repo.git(['config', 'core.autocrlf', 'true']);
    for (const file of ['policy.md', 'procedure.md', 'isms.config.yaml']) rmSync(path.join(repo.dir, file));
    repo.git(['checkout', '--', '.']);
    expect(readFileSync(path.join(repo.dir, 'policy.md'), 'utf8')).toContain('\r\n');
    const run = await runCli(['build', '--release', '--html', '--out', outDir()], repo.dir);
    expect(run.stderr).toBe('isms: left out (not approved): DOC-P1\n');
    expect(run.code).toBe(0);
  }, 60_000);

  it.each([
    ['a modified document', 'policy.md', (repo: TestRepo) => repo.write('policy.md', readFileSync(path.join(repo.dir, 'policy.md'), 'utf8').replace('We protect', 'We guard'))],
    ['an untracked document', 'annex/extra.md', (repo: TestRepo) => repo.write('annex/extra.md', '# Notes\n')],
    ['a deleted tracked file', 'annex/logo.svg', (repo: TestRepo) => rmSync(path.join(repo.dir, 'annex/logo.svg'))],
    ['a new file staged but not committed', 'annex/staged.txt', (repo: TestRepo) => repo.write('annex/staged.txt', 'x\n').git(['add', 'annex/staged.txt'])],
  ])(
    'refuses %s, naming it, and writes nothing',
    async (_, file, change) => {
      const repo = publishedRepo();
      cleanup.push(repo.dir);
      repo.write('annex/logo.svg', '<svg/>\n').commit('Logo', WRITER, '2026-01-11');
      change(repo);
      const out = outDir();
      const run = await runCli(['build', '--release', '--out', out], repo.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^isms: release refused: nothing was written\\.\\n[\\s\\S]*  not committed: ${file.replace('.', '\\.')}\\n$`));
      expect(existsSync(out)).toBe(false);
    },
    60_000,
  );

  it('ignores files in the output folder, and gitignored files', async () => {
    const repo = publishedRepo();
    cleanup.push(repo.dir);
    repo.write('.gitignore', '_site/\n*.tmp\n').commit('Ignore scratch files', WRITER, '2026-01-11');
    const out = path.join(repo.dir, 'published');
    expect((await runCli(['build', '--html', '--out', out], repo.dir)).code).toBe(0);
    repo.write('_site/stale.html', 'old').write('annex/notes.tmp', 'scratch');
    const run = await runCli(['build', '--release', '--html', '--out', out], repo.dir);
    expect(run.stderr).not.toContain('release refused');
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toContain('manifest.json');
  }, 60_000);
});

describe('build output', () => {
  it('stays as it was when a build fails', async () => {
    const repo = publishedRepo();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-keep-')), 'site');
    try {
      expect((await runCli(['build', '--html', '--out', out], repo.dir)).code).toBe(0);
      const before = readFileSync(path.join(out, 'manifest.json'), 'utf8');
      mkdirSync(path.join(repo.dir, 'theme'));
      writeFileSync(path.join(repo.dir, 'theme', 'document.hbs'), '{{#each}}broken');
      writeFileSync(path.join(repo.dir, 'isms.config.yaml'), CONFIG.replace('publish:\n', 'publish:\n  templates: theme\n'));
      const failed = await runCli(['build', '--html', '--out', out], repo.dir);
      expect(failed.code).toBe(2);
      expect(failed.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
      expect(readdirSync(path.dirname(out))).toEqual(['site']);
    } finally {
      repo.remove();
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it('uses templates from the configured folder', async () => {
    const repo = publishedRepo();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-theme-')), 'site');
    try {
      mkdirSync(path.join(repo.dir, 'theme'));
      writeFileSync(path.join(repo.dir, 'theme', 'register.hbs'), '<p id="custom">Our register: {{#each documents}}{{id}} {{/each}}</p>');
      writeFileSync(path.join(repo.dir, 'isms.config.yaml'), CONFIG.replace('publish:\n', 'publish:\n  templates: theme\n'));
      expect((await runCli(['build', '--html', '--out', out], repo.dir)).code).toBe(0);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<p id="custom">Our register: DOC-A5 DOC-P1 </p>');
    } finally {
      repo.remove();
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it('refuses to replace the documents folder or a folder that is not an earlier build', async () => {
    const repo = publishedRepo();
    try {
      expect((await runCli(['build', '--out', '.'], repo.dir)).stderr).toMatch(/would replace the documents themselves/);
      mkdirSync(path.join(repo.dir, '..', path.basename(repo.dir) + '-other'));
      const other = path.join(repo.dir, '..', path.basename(repo.dir) + '-other');
      writeFileSync(path.join(other, 'keep.txt'), 'mine');
      const run = await runCli(['build', '--out', other], repo.dir);
      expect(run.code).toBe(2);
      expect(readFileSync(path.join(other, 'keep.txt'), 'utf8')).toBe('mine');
      rmSync(other, { recursive: true, force: true });
    } finally {
      repo.remove();
    }
  });
});
