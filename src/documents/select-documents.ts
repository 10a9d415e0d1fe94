import { existsSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isInside } from '../text/paths.js';
import { toPosix } from '../text/paths.js';

/** What `isms validate [paths..]` needs to know of a document. */
interface Selectable {
  /** Relative to the current folder, POSIX (as output shows it). */
  file: string;
  absolutePath: string;
}

export type Selection<D> = { ok: true; include: ((doc: D) => boolean) | undefined } | { ok: false; kind: 'no-document' | 'no-match'; given: string };

/**
 * The documents that `paths` name, relative to `cwd`: a path names the documents at or below it; a
 * glob (`*`, `?`, `[...]`, `{a,b}`, `**`) names the documents whose path relative to the current
 * folder it matches, or one of whose folders it matches. A path that exists on disk is taken
 * literally, glob characters and all. Without paths, every document.
 */
export function selectDocuments<D extends Selectable>(paths: readonly string[], cwd: string, documents: readonly D[]): Selection<D> {
  const selectors: Array<(doc: D) => boolean> = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    if (existsSync(absolute) || !picomatch.scan(given).isGlob) {
      const covers = (doc: D) => isInside(absolute, doc.absolutePath);
      if (!documents.some(covers)) return { ok: false, kind: 'no-document', given };
      selectors.push(covers);
      continue;
    }
    const absoluteGlob = path.isAbsolute(given);
    const matches = picomatch(absoluteGlob ? toPosix(given) : path.posix.normalize(toPosix(given)), { dot: true });
    const covers = (doc: D) => {
      const file = absoluteGlob ? toPosix(doc.absolutePath) : doc.file;
      for (let at = file; at !== '.' && at !== '/' && at !== ''; at = path.posix.dirname(at)) if (matches(at)) return true;
      return false;
    };
    if (!documents.some(covers)) return { ok: false, kind: 'no-match', given };
    selectors.push(covers);
  }
  return { ok: true, include: selectors.length === 0 ? undefined : (doc) => selectors.some((selects) => selects(doc)) };
}
