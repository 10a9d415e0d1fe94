import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EvidenceCache, type CachePaths } from '../git/evidence-cache.js';
import { readFileCapped } from '../text/read-capped.js';

/** The cache text is read whole; one larger than this is not a cache isms wrote for any real repository. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
const KEY = /^[0-9a-f]{64}$/;

/** The cache of a repository as read, and how to keep what the run added. */
export interface EvidenceCacheFile {
  cache: EvidenceCache;
  /** Writes the cache back (atomically) when the run changed it; a cache that cannot be written is left as it was. */
  save(): void;
}

/**
 * The evidence cache of a repository (`<git dir>/isms-cache/evidence`), sealed with the key in
 * `<git dir>/isms-cache.key`, which is made (0600) when there is none. Undefined when no key can be
 * read or made: the run then computes everything, as with --no-cache. A missing, stale, corrupt or
 * tampered cache reads as empty.
 */
export function openEvidenceCache(paths: CachePaths, stamp: () => string): EvidenceCacheFile | undefined {
  const key = cacheKey(paths.key);
  if (!key) return undefined;
  const file = path.join(paths.folder, 'evidence');
  let current: string;
  try {
    current = stamp();
  } catch {
    return undefined; // what the cache would be stamped with cannot be known: no cache
  }
  let cache: EvidenceCache;
  try {
    cache = EvidenceCache.unseal(readFileCapped(file, MAX_CACHE_BYTES).toString('utf8'), key, current);
  } catch {
    cache = EvidenceCache.empty(current);
  }
  return {
    cache,
    save() {
      if (!cache.changed) return;
      const temporary = path.join(paths.folder, `.evidence-${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        mkdirSync(paths.folder, { recursive: true, mode: 0o700 });
        writeFileSync(temporary, cache.seal(key), { mode: 0o600 });
        renameSync(temporary, file);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}

/** The repository's cache key, made on first use; undefined when it cannot be read or made. */
function cacheKey(file: string): Buffer | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = readFileSync(file, 'utf8').trim();
      return KEY.test(text) ? Buffer.from(text, 'hex') : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    }
    try {
      // `wx`: two runs at once never overwrite each other's key; the second reads the first's.
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
  }
  return undefined;
}
