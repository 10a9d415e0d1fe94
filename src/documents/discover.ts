import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_NAME } from '../config/find-config.js';
import { decodeFileName } from '../text/decode.js';
import { displayPath, isInside, toPosix } from '../text/paths.js';
import type { DocumentLocation } from './load-document.js';

/** Folders that never hold controlled documents: VCS data, dependencies, tool output. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '_site']);
const DOCUMENT_FILE = /\.(md|ya?ml)$/i;

export interface DiscoverOptions {
  root: string;
  cwd: string;
  ignore: readonly string[];
  /** Further folders to leave out (the build output), absolute. */
  exclude?: readonly string[];
}

/**
 * Whether a path (POSIX, relative to the documents root) names a controlled document under these
 * `ignore` globs, by the rules of `discoverDocuments`: for files that are not on disk (at a base commit).
 */
export function isControlledPath(relative: string, ignore: readonly string[]): boolean {
  const name = relative.split('/').pop() ?? '';
  if (inSkippedFolder(relative)) return false;
  if (!DOCUMENT_FILE.test(name) || relative === CONFIG_NAME) return false;
  return !picomatch([...ignore], { dot: true })(relative);
}

/** Whether a path (POSIX, relative to the documents root) lies in a folder discovery never enters: a dot-folder, `.git`, `node_modules`, `_site`. */
export function inSkippedFolder(relative: string): boolean {
  return relative
    .split('/')
    .slice(0, -1)
    .some((folder) => folder.startsWith('.') || SKIPPED_FOLDERS.has(folder));
}

/** Orders relative paths as discovery walks them: folder by folder, names in code-unit order. */
export function compareWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * Every controlled document under the root, sorted: `*.md`, `*.yaml`, `*.yml`, except the configuration,
 * the `ignore` globs, dot-folders and the output folder. Symlinked folders are not followed; a symlinked
 * file is read only when it resolves inside the root (otherwise it is listed with `escapesRoot`).
 */
export interface Discovery {
  documents: DocumentLocation[];
  /** Every file and folder (with a trailing "/") under the root, POSIX, relative: for link checks. */
  entries: Set<string>;
}

export async function discoverDocuments(options: DiscoverOptions): Promise<Discovery> {
  const root = path.resolve(options.root);
  const realRoot = await realpath(root);
  const separator = Buffer.from(path.sep);
  const ignored = picomatch([...options.ignore], { dot: true });
  const exclude = (options.exclude ?? []).map((p) => path.resolve(p));
  const found: DocumentLocation[] = [];
  const entries = new Set<string>();

  // Names are read as bytes: a name that is not UTF-8 is shown with escapes (`\xff`) and read by its bytes.
  const walk = async (folder: string, folderBytes: Buffer): Promise<void> => {
    const children = (await readdir(folderBytes, { withFileTypes: true, encoding: 'buffer' }))
      .map((entry) => ({ entry, name: decodeFileName(entry.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of children) {
      const absolute = path.join(folder, name);
      const absoluteBytes = Buffer.concat([folderBytes, separator, entry.name]);
      const relative = toPosix(path.relative(root, absolute));
      if (entry.isDirectory()) {
        if (name.startsWith('.') || SKIPPED_FOLDERS.has(name) || exclude.includes(absolute)) continue;
        entries.add(relative + '/');
        await walk(absolute, absoluteBytes);
        continue;
      }
      // Symlinks are only trusted as documents (below, checked); as link targets they do not exist.
      if (entry.isFile()) entries.add(relative);
      if (ignored(relative)) continue;
      if (!DOCUMENT_FILE.test(name)) continue;
      if (relative === CONFIG_NAME) continue;
      const location: DocumentLocation = { absolutePath: absolute, file: displayPath(options.cwd, absolute), path: relative };
      if (!absoluteBytes.equals(Buffer.from(absolute))) location.bytes = absoluteBytes;
      if (entry.isSymbolicLink()) {
        const target = await realpath(absoluteBytes, { encoding: 'buffer' }).catch(() => undefined);
        if (target === undefined) {
          location.escapesRoot = '(a missing file)';
        } else if (!isInside(realRoot, decodeFileName(target))) {
          location.escapesRoot = decodeFileName(target);
        } else if (!(await lstat(target)).isFile()) {
          continue;
        }
      } else if (!entry.isFile()) {
        continue;
      }
      found.push(location);
    }
  };
  await walk(root, Buffer.from(root));
  return { documents: found, entries };
}
