import { createHash } from 'node:crypto';
import { renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workingChanges } from '../../src/git/working-changes.js';
import { TestRepo, WRITER } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

function repoWith(files: Record<string, string>, options: { objectFormat?: 'sha1' | 'sha256' } = {}): TestRepo {
  const repo = new TestRepo(options);
  repos.push(repo);
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  repo.commit('Documents', WRITER, '2026-01-05');
  return repo;
}

const NONE = { modified: [], untracked: [], deleted: [] };

async function changes(folder: string, exclude: string[] = []) {
  const result = await workingChanges(folder, { exclude });
  if (!result.ok) throw new Error(result.message);
  return { modified: result.modified, untracked: result.untracked, deleted: result.deleted };
}

describe('working changes against HEAD', () => {
  it('reports nothing for a clean checkout', async () => {
    const repo = repoWith({ 'docs/policy.md': 'a\n', 'docs/sub/procedure.md': 'b\n', 'README.md': 'r\n' });
    expect(await changes(path.join(repo.dir, 'docs'))).toEqual(NONE);
    expect(await changes(repo.dir)).toEqual(NONE);
  });

  it('reports modified, untracked and deleted files by repository path, and nothing outside the folder', async () => {
    const repo = repoWith({ 'docs/policy.md': 'a\n', 'docs/sub/procedure.md': 'b\n', 'docs/gone.svg': '<svg/>\n', 'README.md': 'r\n' });
    repo.write('docs/policy.md', 'a changed\n').write('docs/sub/new.md', 'n\n').write('README.md', 'changed too\n').write('elsewhere.md', 'x\n');
    rmSync(path.join(repo.dir, 'docs/gone.svg'));
    expect(await changes(path.join(repo.dir, 'docs'))).toEqual({ modified: ['docs/policy.md'], untracked: ['docs/sub/new.md'], deleted: ['docs/gone.svg'] });
  });

  it('leaves out gitignored files, but reports a new file staged despite the ignore rules', async () => {
    const repo = repoWith({ '.gitignore': '*.tmp\nscratch/\n', 'policy.md': 'a\n' });
    repo.write('notes.tmp', 'x').write('scratch/draft.md', 'x').write('forced.tmp', 'x');
    repo.git(['add', '-f', 'forced.tmp']);
    expect(await changes(repo.dir)).toEqual({ ...NONE, untracked: ['forced.tmp'] });
  });

  it('leaves out the excluded folders, existing or not', async () => {
    const repo = repoWith({ 'policy.md': 'a\n', 'site/old.html': 'committed by mistake\n' });
    repo.write('site/index.html', 'x').write('site/old.html', 'rebuilt');
    expect(await changes(repo.dir, [path.join(repo.dir, 'site')])).toEqual(NONE);
    rmSync(path.join(repo.dir, 'site'), { recursive: true });
    expect(await changes(repo.dir, [path.join(repo.dir, 'site')])).toEqual(NONE);
    expect(await changes(repo.dir)).toEqual({ ...NONE, deleted: ['site/old.html'] });
  });

  it('takes CRLF line endings of a committed LF file as unchanged, but not an added carriage return', async () => {
    const repo = repoWith({ 'policy.md': 'line one\nline two\n', 'table.md': '| a |\n' });
    repo.write('policy.md', 'line one\r\nline two\r\n').write('table.md', '| a |\r\r\n');
    expect(await changes(repo.dir)).toEqual({ ...NONE, modified: ['table.md'] });
  });

  it('hashes as a sha256 repository does', async () => {
    const repo = repoWith({ 'policy.md': 'a\n', 'other.md': 'b\n' }, { objectFormat: 'sha256' });
    expect(await changes(repo.dir)).toEqual(NONE);
    repo.write('policy.md', 'changed\n');
    expect(await changes(repo.dir)).toEqual({ ...NONE, modified: ['policy.md'] });
  });

  it('compares a symlink by its target, and a file turned into a symlink or folder as modified', async () => {
    const repo = repoWith({ 'policy.md': 'a\n', 'current.md': 'policy.md', 'logo.svg': '<svg/>\n' });
    unlinkSync(path.join(repo.dir, 'current.md'));
    symlinkSync('policy.md', path.join(repo.dir, 'current.md'));
    repo.commit('Link', WRITER, '2026-01-06');
    expect(await changes(repo.dir)).toEqual(NONE);
    unlinkSync(path.join(repo.dir, 'current.md'));
    symlinkSync('logo.svg', path.join(repo.dir, 'current.md'));
    unlinkSync(path.join(repo.dir, 'policy.md'));
    symlinkSync('logo.svg', path.join(repo.dir, 'policy.md'));
    expect(await changes(repo.dir)).toEqual({ ...NONE, modified: ['current.md', 'policy.md'] });
  });

  it('does not look through a symlinked folder standing where a tracked folder was', async () => {
    const repo = repoWith({ 'annex/a.md': 'a\n', 'copy/a.md': 'a\n' });
    rmSync(path.join(repo.dir, 'annex'), { recursive: true });
    symlinkSync('copy', path.join(repo.dir, 'annex'));
    expect(await changes(repo.dir)).toEqual({ ...NONE, untracked: ['annex'], deleted: ['annex/a.md'] });
  });

  it('takes a Git LFS file as unchanged when its committed pointer names its sha256 and size', async () => {
    const image = Buffer.from('not really a png, but bytes\r\n');
    const pointer = (bytes: Buffer) => `version https://git-lfs.github.com/spec/v1\noid sha256:${createHash('sha256').update(bytes).digest('hex')}\nsize ${bytes.length}\n`;
    const repo = repoWith({ 'logo.png': pointer(image), 'chart.png': pointer(image) });
    writeFileSync(path.join(repo.dir, 'logo.png'), image);
    writeFileSync(path.join(repo.dir, 'chart.png'), Buffer.concat([image, Buffer.from('x')]));
    expect(await changes(repo.dir)).toEqual({ ...NONE, modified: ['chart.png'] });
  });

  it('handles file names that look like options or hold spaces and newlines', async () => {
    const repo = repoWith({ '--output=x.md': 'a\n', 'with space.md': 'b\n', 'new\nline.md': 'c\n' });
    expect(await changes(repo.dir)).toEqual(NONE);
    repo.write('--output=x.md', 'changed\n').write('-Ofoo.md', 'new\n');
    renameSync(path.join(repo.dir, 'new\nline.md'), path.join(repo.dir, 'moved.md'));
    expect(await changes(repo.dir)).toEqual({ modified: ['--output=x.md'], untracked: ['-Ofoo.md', 'moved.md'], deleted: ['new\nline.md'] });
  });

  it('reports a nested repository as one untracked folder', async () => {
    const repo = repoWith({ 'policy.md': 'a\n' });
    repo.git(['init', '-q', 'vendor']);
    repo.write('vendor/file.md', 'x');
    expect(await changes(repo.dir)).toEqual({ ...NONE, untracked: ['vendor/'] });
  });

  it('says why when the folder is not in a repository with a commit', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    expect(await workingChanges(repo.dir)).toEqual({ ok: false, message: 'git ls-tree HEAD failed' });
  });
});
