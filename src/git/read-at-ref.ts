import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside, toPosix } from '../text/paths.js';
import { MAX_OBJECT_BYTES } from './cat-file.js';
import { runGit } from './run-git.js';

export type ReadAtRef = { kind: 'ok'; bytes: Buffer } | { kind: 'missing' } | { kind: 'bad-ref' } | { kind: 'no-repository' };

/**
 * A file as it stands at a ref (`--base`): its bytes, or why there are none. The ref is checked with
 * `rev-parse --verify --end-of-options`; the file is read with `cat-file`, never checked out.
 */
export async function readAtRef(file: string, ref: string): Promise<ReadAtRef> {
  const folder = path.dirname(file);
  let top: string;
  try {
    const result = await runGit(folder, ['rev-parse', '--show-toplevel']);
    if (result.code !== 0) return { kind: 'no-repository' };
    top = realpathSync(result.stdout.toString('utf8').trim());
  } catch {
    return { kind: 'no-repository' };
  }
  const commit = await runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (commit.code !== 0) return { kind: 'bad-ref' };
  let real: string;
  try {
    real = path.join(realpathSync(folder), path.basename(file));
  } catch {
    return { kind: 'missing' };
  }
  if (!isInside(top, real) || /[\n\r]/.test(real)) return { kind: 'missing' };
  const name = `${commit.stdout.toString('utf8').trim()}:${toPosix(path.relative(top, real))}`;
  const size = await runGit(top, ['cat-file', '-s', '--end-of-options', name]);
  if (size.code !== 0) return { kind: 'missing' };
  if (Number(size.stdout.toString('utf8').trim()) > MAX_OBJECT_BYTES) return { kind: 'missing' };
  const blob = await runGit(top, ['cat-file', 'blob', '--end-of-options', name]);
  return blob.code === 0 ? { kind: 'ok', bytes: blob.stdout } : { kind: 'missing' };
}
