import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside, toPosix } from '../text/paths.js';
import { BlobReader } from './cat-file.js';
import { listTree, type TreeFile } from './list-tree.js';
import { runGit } from './run-git.js';

/** How a folder's files differ from HEAD; repository-relative POSIX paths, each list sorted. */
export interface WorkingChanges {
  /** In HEAD's tree, and on disk with other content (or a file where a symlink was, or the reverse). */
  modified: string[];
  /** Not in HEAD's tree and not gitignored, whether staged or not; a nested repository shows as `name/`. */
  untracked: string[];
  /** In HEAD's tree and missing on disk. */
  deleted: string[];
}

export type WorkingChangesResult = ({ ok: true; toplevel: string } & WorkingChanges) | { ok: false; message: string };

export interface WorkingChangesOptions {
  /** Folders whose files are left out, such as the build output. */
  exclude?: readonly string[];
}

/**
 * Compares the files under `folder` with HEAD without `git status` or `git diff`, which run the
 * repository's clean filters and fsmonitor (SAFETY.md item 8): HEAD's blob ids come from `git ls-tree`,
 * the working files are hashed here as git would store them, and new files come from
 * `git ls-files --cached --others --exclude-standard`, which reads the index and the ignore files only.
 * A file differing only by CRLF line endings (a `core.autocrlf` checkout) is unchanged; so is a Git LFS
 * file whose committed pointer names the working file's sha256 and size. Any other filter's output
 * (`ident`, `working-tree-encoding`) and executable bits are not considered.
 */
export async function workingChanges(folder: string, options: WorkingChangesOptions = {}): Promise<WorkingChangesResult> {
  const where = await runGit(folder, ['rev-parse', '--show-toplevel', '--show-object-format']);
  if (where.code !== 0) return { ok: false, message: firstLine(where.stderr, 'git rev-parse failed') };
  const [toplevel = '', format = 'sha1'] = where.stdout.toString('utf8').trim().split('\n');
  if (format !== 'sha1' && format !== 'sha256') return { ok: false, message: `unknown object format ${format}` };
  const top = realpathSync(toplevel);
  const scope = toPosix(path.relative(top, realpathSync(folder))) || '.';

  const tree = await listTree(top, 'HEAD', scope);
  if (!tree) return { ok: false, message: 'git ls-tree HEAD failed' };
  const listed = await runGit(top, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', scope]);
  if (listed.code !== 0) return { ok: false, message: firstLine(listed.stderr, 'git ls-files failed') };

  const excluded = (options.exclude ?? []).map(realpathLoose);
  const kept = (file: string) => !excluded.some((folder) => isInside(folder, path.join(top, file)));
  const realFolder = folderCheck(top);
  const hash = (bytes: Buffer) => blobId(format, bytes);

  const modified: string[] = [];
  const deleted: string[] = [];
  const maybeLfs: Array<[string, TreeFile, Buffer]> = [];
  for (const [file, entry] of tree) {
    if (!kept(file)) continue;
    const absolute = path.join(top, file);
    const stats = realFolder(path.dirname(absolute)) ? lstatOrUndefined(absolute) : undefined;
    if (!stats) {
      deleted.push(file);
      continue;
    }
    const bytes = workingBytes(absolute, stats, entry);
    if (bytes === undefined) modified.push(file);
    else if (hash(bytes) === entry.blob) continue;
    else if (entry.mode !== '120000' && bytes.includes(13) && hash(crlfToLf(bytes)) === entry.blob) continue;
    else if (entry.mode !== '120000') maybeLfs.push([file, entry, bytes]);
    else modified.push(file);
  }
  modified.push(...(await notLfsCopies(top, maybeLfs)));

  const untracked = new Set<string>();
  for (const file of listed.stdout.toString('utf8').split('\0')) {
    if (file !== '' && !tree.has(file) && kept(file)) untracked.add(file);
  }
  return { ok: true, toplevel: top, modified: modified.sort(), untracked: [...untracked].sort(), deleted: deleted.sort() };
}

/** The bytes git would hash for the path: a symlink's target, a regular file's content; undefined when the kinds differ. */
function workingBytes(absolute: string, stats: Stats, entry: TreeFile): Buffer | undefined {
  if (entry.mode === '120000' && stats.isSymbolicLink()) return readlinkSync(absolute, { encoding: 'buffer' });
  // With core.symlinks=false git checks a symlink out as a file holding the target, so that is compared too.
  if (stats.isFile()) return readFileSync(absolute);
  return undefined;
}

/** The id git gives a blob of these bytes in a repository of the given object format. */
function blobId(format: 'sha1' | 'sha256', bytes: Buffer): string {
  return createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function crlfToLf(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
}

const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:([0-9a-f]{64})\nsize (\d+)\n$/;

/** The files among the candidates whose committed blob is not a Git LFS pointer to exactly their bytes. */
async function notLfsCopies(top: string, candidates: Array<[string, TreeFile, Buffer]>): Promise<string[]> {
  if (candidates.length === 0) return [];
  const reader = new BlobReader(top);
  try {
    const changed: string[] = [];
    for (const [file, entry, bytes] of candidates) {
      const pointer = LFS_POINTER.exec((await reader.read(entry.blob))?.toString('latin1') ?? '');
      const same = pointer !== null && Number(pointer[2]) === bytes.length && createHash('sha256').update(bytes).digest('hex') === pointer[1];
      if (!same) changed.push(file);
    }
    return changed;
  } finally {
    reader.close();
  }
}

/** Whether a folder under the top is a real folder all the way up: git does not look through a symlinked folder. */
function folderCheck(top: string): (folder: string) => boolean {
  const known = new Map<string, boolean>([[top, true]]);
  const check = (folder: string): boolean => {
    let real = known.get(folder);
    if (real === undefined) {
      real = isInside(top, folder) && lstatOrUndefined(folder)?.isDirectory() === true && check(path.dirname(folder));
      known.set(folder, real);
    }
    return real;
  };
  return check;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function realpathLoose(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    const parent = path.dirname(folder);
    return parent === folder ? folder : path.join(realpathLoose(parent), path.basename(folder));
  }
}

function firstLine(stderr: string, fallback: string): string {
  return stderr.trim().split('\n')[0] || fallback;
}
