import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConfigState } from './evidence.js';
import { FINGERPRINT_VERSION, type RevisionFacts, type RiskFacts } from './revision-facts.js';

/** Names the layout of the cache text and what revision facts hold (2: a nonconformity log's entries); another is ignored. */
const CACHE_FORMAT = 'isms evidence cache 2';

type Format = 'markdown' | 'yaml';
type StoredFacts = Omit<RevisionFacts, 'risks'> & { risks?: Array<[string, RiskFacts]> };
type ParsedConfig = Extract<ConfigState, { kind: 'ok' | 'broken' }>;

/**
 * Where the cache of a repository lives: `<git dir>/isms-cache/` (safe to delete), and the key that
 * seals it, `<git dir>/isms-cache.key`, outside that folder (a cache folder shared between CI runs
 * does not carry it).
 */
export interface CachePaths {
  folder: string;
  key: string;
}

/** The `git rev-parse` arguments that print the cache paths, one a line. */
export const CACHE_PATH_ARGS = ['--path-format=absolute', '--git-path', 'isms-cache', '--git-path', 'isms-cache.key'];

/**
 * The folders of src/ holding every module that computes what the cache keeps (revisionFacts and
 * parseConfig, and all they import: a test walks their imports).
 */
export const STAMPED_FOLDERS: readonly string[] = ['config', 'diagnostics', 'documents', 'git', 'schema', 'source', 'text'];

/**
 * What the computed values depend on besides the blob: this code (a hash of the modules of
 * STAMPED_FOLDERS, and of the schemas), the tool's version, the fingerprint version, and what a
 * configuration is judged with (its path, the rule ids). Computed once per run (a few ms).
 */
export function cacheStamp(toolVersion: string, configFile: string, knownRules: readonly string[]): string {
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${FINGERPRINT_VERSION}\0${toolVersion}\0${configFile}\0${knownRules.join(',')}\0`);
  const folders = STAMPED_FOLDERS.map((name) => fileURLToPath(new URL(`../${name}/`, import.meta.url)));
  folders.push(fileURLToPath(new URL('../../schemas/', import.meta.url)));
  for (const folder of folders) {
    for (const name of readdirSync(folder).sort()) {
      if (/\.(?:[cm]?js|ts|json)$/.test(name))
        hash
          .update(`${name}\0`)
          .update(readFileSync(folder + name))
          .update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * Facts of old revisions (by blob id and format) and parsed configurations (by blob id) from an
 * earlier run, and those this run adds. A blob id names its content, so an entry never goes stale
 * while the stamp is the same. The text is sealed with an HMAC under a key kept outside the cache
 * folder: an entry that was not written by isms with that key (a cache restored from elsewhere, edited,
 * truncated) makes the whole text count as empty, so a forged entry can never vouch for an approval.
 * Reading and writing the file is the CLI's (cli/evidence-cache-file.ts).
 */
export class EvidenceCache {
  private readonly entries: Map<string, unknown>;
  private readonly used = new Set<string>();
  private added = false;

  private constructor(
    private readonly stamp: string,
    entries: Map<string, unknown>,
  ) {
    this.entries = entries;
  }

  static empty(stamp: string): EvidenceCache {
    return new EvidenceCache(stamp, new Map());
  }

  /** The cache sealed in `text` under `key`; empty when the seal, the stamp or the text is not right. */
  static unseal(text: string, key: Buffer, stamp: string): EvidenceCache {
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    const seal = Buffer.from(text.slice(0, Math.max(newline, 0)), 'utf8');
    const expected = Buffer.from(mac(key, body), 'utf8');
    if (newline === -1 || seal.length !== expected.length || !timingSafeEqual(seal, expected)) return EvidenceCache.empty(stamp);
    try {
      const parsed = JSON.parse(body) as { stamp?: unknown; entries?: unknown };
      if (parsed.stamp !== stamp || !Array.isArray(parsed.entries)) return EvidenceCache.empty(stamp);
      return new EvidenceCache(stamp, new Map(parsed.entries as Array<[string, unknown]>));
    } catch {
      return EvidenceCache.empty(stamp);
    }
  }

  /** The entries this run used or added, sealed under `key`. */
  seal(key: Buffer): string {
    const entries = [...this.entries].filter(([name]) => this.used.has(name));
    const body = JSON.stringify({ stamp: this.stamp, entries });
    return `${mac(key, body)}\n${body}`;
  }

  /** Whether the sealed text would differ from what was read: entries were added, or some went unused. */
  get changed(): boolean {
    return this.added || this.used.size !== this.entries.size;
  }

  revision(blob: string, format: Format): RevisionFacts | undefined {
    const stored = this.take(`facts:${format}:${blob}`) as StoredFacts | undefined;
    if (!stored) return undefined;
    const { risks, ...facts } = stored;
    return risks ? { ...facts, risks: new Map(risks) } : facts;
  }

  rememberRevision(blob: string, format: Format, facts: RevisionFacts): void {
    const { risks, ...rest } = facts;
    this.put(`facts:${format}:${blob}`, risks ? { ...rest, risks: [...risks] } : rest);
  }

  config(blob: string): ParsedConfig | undefined {
    return this.take(`config:${blob}`) as ParsedConfig | undefined;
  }

  rememberConfig(blob: string, state: ParsedConfig): void {
    this.put(`config:${blob}`, state);
  }

  private take(name: string): unknown {
    const value = this.entries.get(name);
    if (value !== undefined) this.used.add(name);
    return value;
  }

  private put(name: string, value: unknown): void {
    this.entries.set(name, value);
    this.used.add(name);
    this.added = true;
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('hex');
}
