import path from 'node:path';
import type { Config } from '../config/config.js';
import { tooLarge } from '../text/decode.js';
import { compareWalkOrder, inSkippedFolder, isControlledPath } from './discover.js';
import { displayPath } from '../text/paths.js';
import type { SourceDocument } from './document.js';
import { parseDocument, type DocumentLocation, type ReadOptions } from './load-document.js';
import type { Workspace } from './workspace.js';

/** What a documents folder holds somewhere other than the working tree (a commit): files by relative path, and their bytes on request. */
export interface FolderFiles {
  /** POSIX paths relative to the documents root; `mode` as git writes it (`120000`: a symbolic link, whose bytes are its target). */
  files: ReadonlyMap<string, { mode: string }>;
  read(relative: string): Promise<{ kind: 'ok'; bytes: Buffer } | { kind: 'missing' } | { kind: 'too-large'; size: number }>;
}

const SYMLINK = '120000';
const MAX_LINK_HOPS = 40;

/**
 * Where a symbolic link of the folder leads, followed by name inside it: the file it names in the
 * folder, or (`outside`) the target that leaves the folder or names nothing, as discovery reports
 * a link out of the root in the working tree.
 */
async function followLink(folder: FolderFiles, relative: string): Promise<{ file: string } | { outside: string }> {
  let current = relative;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const entry = folder.files.get(current);
    if (!entry) return { outside: '(a missing file)' };
    if (entry.mode !== SYMLINK) return { file: current };
    const read = await folder.read(current);
    if (read.kind !== 'ok') return { outside: '(a missing file)' };
    const target = read.bytes.toString('utf8');
    const next = path.posix.normalize(path.posix.join(path.posix.dirname(current), target));
    if (path.posix.isAbsolute(target) || next === '..' || next.startsWith('../')) return { outside: target };
    current = next;
  }
  return { outside: '(too many levels of symbolic links)' };
}

/**
 * The workspace a folder's files make, read as discovery and loading read the working tree: the same
 * controlled documents (the configuration's `ignore`, dot-folders and the output folder left out), in
 * the same order, parsed by the same parser. `config` is the configuration those files hold.
 */
export async function loadFolderWorkspace(config: Config, cwd: string, folder: FolderFiles, options: ReadOptions = {}): Promise<Workspace> {
  const entries = new Set<string>();
  const locations: Array<DocumentLocation & { relative: string }> = [];
  for (const [relative, entry] of [...folder.files].sort(([a], [b]) => compareWalkOrder(a, b))) {
    if (inSkippedFolder(relative)) continue;
    const segments = relative.split('/');
    for (let i = 1; i < segments.length; i++) entries.add(`${segments.slice(0, i).join('/')}/`);
    if (entry.mode !== SYMLINK) entries.add(relative);
    if (!isControlledPath(relative, config.ignore)) continue;
    const absolute = path.join(config.root, ...segments);
    locations.push({ absolutePath: absolute, file: displayPath(cwd, absolute), path: relative, relative });
  }
  const documents = await Promise.all(
    locations.map(async ({ relative, ...location }): Promise<SourceDocument> => {
      const entry = folder.files.get(relative)!;
      let source = relative;
      if (entry.mode === SYMLINK) {
        const target = await followLink(folder, relative);
        if ('outside' in target) return parseDocument({ ...location, escapesRoot: target.outside }, undefined);
        source = target.file;
      }
      const read = await folder.read(source);
      if (read.kind === 'ok') return parseDocument(location, read.bytes, options);
      const doc = parseDocument(location, undefined);
      doc.parseProblems.push({ message: read.kind === 'too-large' ? tooLarge(read.size) : 'cannot read the file from git', at: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
      return doc;
    }),
  );
  return { config, configFile: displayPath(cwd, config.file), documents, entries };
}
