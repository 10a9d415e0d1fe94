import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, MANIFEST_SIGNATURE, manifestListing } from '../render/manifest.js';
import { MAX_FILE_BYTES } from '../text/decode.js';
import { readFileCapped } from '../text/read-capped.js';

/**
 * A path with its links resolved as far as it exists: a build writes to the folder a link names, so
 * the link stays a link, and the documents folder is compared with the output as the disk has them.
 */
export function followLinks(out: string): string {
  try {
    return realpathSync(out);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(out)), path.basename(out));
    } catch {
      return out;
    }
  }
}

/** Why a build may not replace a folder: it is a file, not a build of isms, or it holds a file the build did not make. */
export type OutFolderProblem = { kind: 'not-a-folder' } | { kind: 'not-a-build' } | { kind: 'unlisted'; file: string };

/**
 * Whether `out` may be replaced by a build: it is missing, empty, or an earlier build, which is a
 * folder whose manifest.json isms wrote and which holds nothing but the files that manifest lists,
 * manifest.json itself and its signature. Anything else is someone's files, which a build must not delete.
 */
export function outFolderProblem(out: string): OutFolderProblem | undefined {
  let stats;
  try {
    stats = statSync(out);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory()) return { kind: 'not-a-folder' };
  if (readdirSync(out).length === 0) return undefined;
  const manifest = path.join(out, MANIFEST_FILE);
  let listed: Set<string> | undefined;
  try {
    // A manifest of thousands of outputs is still far below this; a pipe or a link is no manifest.
    listed = lstatSync(manifest).isFile() ? manifestListing(readFileCapped(manifest, 16 * MAX_FILE_BYTES).toString('utf8')) : undefined;
  } catch {
    listed = undefined;
  }
  if (!listed) return { kind: 'not-a-build' };
  const folders = new Set(
    [...listed].flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, index, parts) => parts.slice(0, index + 1).join('/')),
    ),
  );
  const expected = (relative: string) => listed.has(relative) || relative === MANIFEST_FILE || relative === MANIFEST_SIGNATURE;

  const firstUnlisted = (folder: string, prefix: string): string | undefined => {
    for (const name of readdirSync(folder).sort()) {
      const relative = prefix + name;
      let entry;
      try {
        entry = lstatSync(path.join(folder, name));
      } catch {
        return relative;
      }
      if (entry.isDirectory()) {
        const inside = firstUnlisted(path.join(folder, name), `${relative}/`);
        if (inside !== undefined) return inside;
        if (!folders.has(relative)) return `${relative}/`;
      } else if (!entry.isFile() || !expected(relative)) {
        return relative;
      }
    }
    return undefined;
  };
  const file = firstUnlisted(out, '');
  return file === undefined ? undefined : { kind: 'unlisted', file };
}

/** The first entry of a folder tree that could not be removed (folders not writable; immutable or read-only files), with the reason. */
function firstUnremovable(folder: string): { path: string; code: string } | undefined {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    return { path: folder, code: (error as NodeJS.ErrnoException).code ?? 'EACCES' };
  }
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const inside = firstUnremovable(file);
      if (inside) return inside;
    } else if (!entry.isSymbolicLink()) {
      // A file's own permissions do not stop its removal (EACCES); immutability and read-only mounts do.
      try {
        accessSync(file, constants.W_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EPERM' || code === 'EROFS') return { path: file, code };
      }
    }
  }
  return undefined;
}

export type ReplaceResult =
  | { ok: true; leftover?: { path: string; reason: string } }
  /** Nothing changed: `stuck` names what of the previous output cannot be removed, or `reason` says what failed. */
  | { ok: false; stuck?: { path: string; code: string }; reason: string };

/**
 * Replaces the folder `out` with exactly `files`, or leaves it as it was: everything is written to a
 * temporary sibling first, the previous output is checked to be removable as a whole, and only then
 * does the new folder take its place. The previous output is removed last; if that still fails, the
 * new output stays and `leftover` says what remains.
 */
export function replaceFolder(out: string, files: ReadonlyMap<string, Buffer>): ReplaceResult {
  const parent = path.dirname(out);
  const temporary = path.join(parent, `.${path.basename(out)}.tmp-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(out)}.old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(temporary, { recursive: true, force: true });
    for (const [file, content] of files) {
      const target = path.join(temporary, ...file.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const hadPrevious = existsSync(out);
    if (hadPrevious) {
      const stuck = firstUnremovable(out);
      if (stuck) return { ok: false, stuck, reason: stuck.code };
      rmSync(previous, { recursive: true, force: true });
      renameSync(out, previous);
    }
    try {
      renameSync(temporary, out);
    } catch (error) {
      if (hadPrevious) renameSync(previous, out);
      throw error;
    }
    if (hadPrevious) {
      try {
        rmSync(previous, { recursive: true, force: true });
      } catch (error) {
        return { ok: true, leftover: { path: previous, reason: (error as Error).message } };
      }
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    try {
      rmSync(temporary, { recursive: true, force: true });
    } catch {
      // Only left when something failed: this run made it in a folder it could write, so this does not fail in practice.
    }
  }
}
