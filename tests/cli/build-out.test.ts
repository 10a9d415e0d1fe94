import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

/** A copy of the clean documents in `<root>/docs`, built into `<root>/site`. */
function workspace(): { root: string; docs: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'isms-out-'));
  cpSync(fixture('clean'), path.join(root, 'docs'), { recursive: true });
  return { root, docs: path.join(root, 'docs'), out: path.join(root, 'site') };
}

const build = (docs: string, out: string, epoch = '1700000000') => runCli(['build', '--html', '--out', out], docs, { SOURCE_DATE_EPOCH: epoch });
const buildTime = (out: string) => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).buildTime as string;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) {
    if (process.getuid?.() === 0) spawnSync('chattr', ['-R', '-i', root]);
    else if (existsSync(path.join(root, 'site'))) chmodSync(path.join(root, 'site'), 0o755);
    rmSync(root, { recursive: true, force: true });
  }
});

describe('build --out', () => {
  it('refuses a folder whose manifest.json isms did not write, and keeps every file in it', async () => {
    const { root, docs } = workspace();
    roots.push(root);
    const out = path.join(root, 'public');
    mkdirSync(path.join(out, 'img'), { recursive: true });
    writeFileSync(path.join(out, 'manifest.json'), '{ "name": "Our intranet", "icons": [] }\n');
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    writeFileSync(path.join(out, 'img', 'logo.svg'), '<svg/>');
    const run = await build(docs, out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('isms: ../public exists and is not an earlier isms build (no manifest.json written by isms): choose another --out, or empty it\n');
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(out, 'img', 'logo.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(root).sort()).toEqual(['docs', 'public']);
  });

  it('refuses an earlier build that holds a file its manifest does not list, naming the file', async () => {
    const { root, docs, out } = workspace();
    roots.push(root);
    expect((await build(docs, out)).code).toBe(0);
    mkdirSync(path.join(out, 'img'));
    writeFileSync(path.join(out, 'img', 'logo.svg'), '<svg/>');
    const run = await build(docs, out, '1800000000');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('isms: ../site holds img/logo.svg, which its manifest.json does not list: move it away or choose another --out; nothing was replaced\n');
    expect(readFileSync(path.join(out, 'img', 'logo.svg'), 'utf8')).toBe('<svg/>');
    expect(buildTime(out)).toBe('2023-11-14T22:13:20.000Z');
  });

  it('replaces an earlier build whole, with its manifest signature and without the files it no longer makes', async () => {
    const { root, docs, out } = workspace();
    roots.push(root);
    expect((await build(docs, out)).code).toBe(0);
    writeFileSync(path.join(out, 'manifest.json.sig'), 'signature');
    rmSync(path.join(docs, 'policies'), { recursive: true });
    const run = await build(docs, out, '1800000000');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['ISMS-MAN.html', 'exports', 'index.html', 'manifest.json']);
    expect(buildTime(out)).toBe('2027-01-15T08:00:00.000Z');
  });
});

/**
 * Makes a built folder impossible to delete whole, for root too where the system allows it: as root
 * a file inside becomes immutable (chattr +i: root cannot unlink it either); otherwise the folder
 * becomes read-only. Whether that holds here is tried on a scratch folder first.
 */
function lock(out: string): void {
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', path.join(out, 'index.html')]).status !== 0) throw new Error('chattr failed');
  } else {
    chmodSync(out, 0o555);
  }
}

function lockingWorks(): boolean {
  const scratch = mkdtempSync(path.join(tmpdir(), 'isms-lock-'));
  const folder = path.join(scratch, 'site');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'index.html'), '');
  try {
    lock(folder);
    rmSync(folder, { recursive: true });
    return false;
  } catch {
    return true;
  } finally {
    if (process.getuid?.() === 0) spawnSync('chattr', ['-R', '-i', scratch]);
    else if (existsSync(folder)) chmodSync(folder, 0o755);
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('build into an output folder that cannot be removed', () => {
  let canLock = false;
  beforeAll(() => {
    canLock = process.platform !== 'win32' && lockingWorks();
  });

  it('leaves the previous output as it was, says so, and leaves nothing beside it', async ({ skip }) => {
    if (!canLock) skip('neither chattr (as root) nor folder permissions can stop a removal here');
    const { root, docs, out } = workspace();
    roots.push(root);
    expect((await build(docs, out)).code).toBe(0);
    lock(out);
    const run = await build(docs, out, '1800000000');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: cannot write \.\.\/site: \.\.\/site(\/index\.html)? cannot be removed \(E(PERM|ACCES)\), so the previous output was left as it was\n$/);
    expect(buildTime(out)).toBe('2023-11-14T22:13:20.000Z');
    expect(readdirSync(root).sort()).toEqual(['docs', 'site']);
    expect(run.stdout).toBe('');
  });
});
