import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
/** npm and git as a user runs them, without this machine's git configuration. */
const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function run(command: string, args: string[], cwd: string, timeout = 120_000) {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

describe('the package, as an organisation installs it into its documents repository', () => {
  let work: string;
  let tarball: string;
  let project: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'isms-package-'));
    // npm pack in a copy of the sources (what git has, and what is new but not ignored), so the build
    // it runs (prepare) proves dist/ is made at pack time, without touching this checkout's dist/.
    const source = path.join(work, 'source');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', env: ENV }).split('\0').filter(Boolean);
    for (const file of files) {
      try {
        cpSync(path.join(ROOT, file), path.join(source, file));
      } catch {
        // A file deleted but not yet committed.
      }
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'));
    const packed = run('npm', ['pack', '--pack-destination', work], source, 180_000);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = path.join(
      work,
      readdirSync(work).find((name) => name.endsWith('.tgz'))!,
    );

    // The documents repository: a clone of this project's history with only isms-docs/ checked out,
    // and a package.json of its own.
    project = path.join(work, 'wacky-widget-isms');
    execFileSync('git', ['clone', '-q', '--no-checkout', ROOT, project], { env: ENV });
    execFileSync('git', ['sparse-checkout', 'set', '--no-cone', '/isms-docs/'], { cwd: project, env: ENV });
    execFileSync('git', ['checkout', '-q'], { cwd: project, env: ENV });
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'wacky-widget-isms', private: true }, null, 2)}\n`);
    writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n');
    const installed = run('npm', ['install', '-D', tarball, '--prefer-offline'], project, 180_000);
    expect(installed.code, installed.stderr).toBe(0);
  }, 400_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs dist/ built at pack time, the schemas, templates and data, and no sources or tests', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const file of [
      'package/bin/isms.js',
      'package/dist/cli/main.js',
      'package/dist/schema/compiled.cjs',
      'package/dist/rules/catalogue.json',
      'package/schemas/metadata.schema.json',
      'package/templates/site/document.hbs',
      'package/data/catalog/catalog.json',
      'package/README.md',
    ]) {
      expect(listing).toContain(file);
    }
    expect(listing.filter((file) => /^package\/(src|tests|tests-browser|bench|scripts|isms-docs)\//.test(file))).toEqual([]);
    expect(pkg.files.sort()).toEqual(['bin', 'data', 'dist', 'schemas', 'templates']);
  });

  it('installs without running anything: no install scripts, engines and bin declared', () => {
    const installedPkg = JSON.parse(readFileSync(path.join(project, 'node_modules', 'isms', 'package.json'), 'utf8')) as typeof pkg;
    expect(Object.keys(installedPkg.scripts).filter((name) => /^(pre|post)?install$/.test(name))).toEqual([]);
    expect(installedPkg.engines.node).toBe('>=20');
    expect(installedPkg.bin).toEqual({ isms: 'bin/isms.js' });
    // Nothing to build with: the tarball's dist/ is what runs.
    expect(readdirSync(path.join(project, 'node_modules')).filter((name) => name === 'typescript' || name === 'vitest')).toEqual([]);
  });

  it('runs as npx isms validate on isms-docs with its history, from the repository and from a folder of the documents', () => {
    const top = run('npx', ['--no', 'isms', 'validate', '--format', 'json'], project);
    expect(top.stderr).toBe('');
    const report = JSON.parse(top.stdout) as { summary: { documents: number; errors: number } };
    expect(report.summary).toMatchObject({ documents: 15, errors: 0 });
    expect(top.code).toBe(0);
    const inside = run('npx', ['--no', 'isms', 'validate', '--quiet'], path.join(project, 'isms-docs', 'policies'));
    expect(inside).toEqual({ code: 0, stdout: '15 documents checked, no errors\n', stderr: '' });
    expect(run('npx', ['--no', '--', 'isms', '--version'], project).stdout).toBe(`${pkg.version}\n`);
  });

  it('imports at run time only packages it depends on (not devDependencies)', () => {
    const imported = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(js|cjs)$/.test(entry.name)) {
          for (const match of readFileSync(full, 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
            const name = match[1]!.startsWith('@') ? match[1]!.split('/').slice(0, 2).join('/') : match[1]!.split('/')[0]!;
            if (!builtinModules.includes(name) && !name.startsWith('node:')) imported.add(name);
          }
        }
      }
    };
    walk(path.join(project, 'node_modules', 'isms', 'dist'));
    expect([...imported].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
  });
});

describe('npm start', () => {
  it('builds only when the build is missing or older than its sources', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-stale-'));
    try {
      const check = () => execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.mjs'), dir, '--check'], { encoding: 'utf8' }).trim();
      mkdirSync(path.join(dir, 'src'));
      writeFileSync(path.join(dir, 'src', 'main.ts'), 'export {};\n');
      expect(check()).toBe('stale');
      mkdirSync(path.join(dir, 'dist', 'rules'), { recursive: true });
      writeFileSync(path.join(dir, 'dist', 'rules', 'catalogue.json'), '[]\n');
      const past = new Date(Date.now() - 60_000);
      utimesSync(path.join(dir, 'src', 'main.ts'), past, past);
      utimesSync(path.join(dir, 'src'), past, past);
      expect(check()).toBe('fresh');
      writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const changed = true;\n');
      expect(check()).toBe('stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(pkg.scripts['start']).toMatch(/^node scripts\/build-if-stale\.mjs && /);
    expect(pkg.scripts['prepare']).toBe('npm run build');
  });
});
