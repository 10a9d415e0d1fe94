import { createHash } from 'node:crypto';
import type { Publication, PublishedDocument } from './publication.js';
import { isRecord } from '../text/is-record.js';

/** The manifest's name in the output folder, and the name of its detached signature. */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SIGNATURE = 'manifest.json.sig';

const TOOL_NAME = 'isms';
const SHA256 = /^[0-9a-f]{64}$/;

/** What manifest.json says of each published document (page and pdf are null when not built). */
export interface ManifestDocument {
  id: string;
  title: string;
  version: string;
  /** The document's own status, as its metadata says. */
  status: string;
  /** Whether the chain of trust proves its approval (false for a draft, and for an approval that is not valid: then it is published as a DRAFT). */
  validlyApproved: boolean;
  /** The commit that proves the approval (40 or 64 hex digits), or null. */
  approvalCommit: string | null;
  /** How the approval is proven: a commit after the baseline, or imported with it; null without one. */
  proof: 'commit' | 'baseline' | null;
  fingerprint: string;
  /** The git blob id of the document's file in the build commit, or null when the file rendered is not the one it holds. */
  sourceBlob: string | null;
  page: string | null;
  pdf: string | null;
}

/** A document's entry in the manifest. */
export function manifestDocument(doc: PublishedDocument, built: { html: boolean; pdf: boolean }): ManifestDocument {
  const commit = doc.approval?.commit;
  return {
    id: doc.id,
    title: doc.title,
    version: doc.version,
    status: doc.status,
    validlyApproved: doc.validlyApproved,
    approvalCommit: commit?.hash ?? null,
    proof: commit?.proof ?? null,
    fingerprint: doc.fingerprint,
    sourceBlob: doc.committed?.blob ?? null,
    page: built.html ? doc.page : null,
    pdf: built.pdf ? doc.pdf : null,
  };
}

/**
 * manifest.json for a build's files (paths relative to the output folder): the tool, the commit, the
 * build time, the audience, each published document, what was left out and why, and every file's sha256.
 */
export function manifestFor(files: ReadonlyMap<string, Buffer>, publication: Publication, build: { toolVersion: string; html: boolean; pdf: boolean }): Buffer {
  const manifest = {
    tool: { name: TOOL_NAME, version: build.toolVersion },
    commit: publication.commit ?? null,
    buildTime: publication.buildTime,
    audience: publication.audience ?? null,
    documents: publication.documents.map((doc) => manifestDocument(doc, build)),
    leftOut: publication.leftOut.map(({ id, reason }) => ({ id, reason })),
    files: Object.fromEntries([...files.keys()].sort().map((file) => [file, createHash('sha256').update(files.get(file)!).digest('hex')])),
  };
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

/**
 * The files a manifest lists with their sha256, when it is one that isms wrote (its tool, a sha256
 * for every file, relative POSIX paths that stay in the folder); undefined for any other JSON or text.
 * Keys other than these (the audience, the documents) are not read here.
 */
export function readManifest(text: string): { files: Map<string, string>; commit: string | null; buildTime: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isRecord(value['tool']) || value['tool']['name'] !== TOOL_NAME || typeof value['buildTime'] !== 'string') return undefined;
  const files = value['files'];
  if (!isRecord(files)) return undefined;
  const listed = new Map<string, string>();
  for (const [file, hash] of Object.entries(files)) {
    if (typeof hash !== 'string' || !SHA256.test(hash)) return undefined;
    if (file.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') || file.includes('\\')) return undefined;
    listed.set(file, hash);
  }
  return { files: listed, commit: typeof value['commit'] === 'string' ? value['commit'] : null, buildTime: value['buildTime'] };
}

/** The files a manifest lists, when it is one that isms wrote (see readManifest). */
export function manifestListing(text: string): Set<string> | undefined {
  const manifest = readManifest(text);
  return manifest ? new Set(manifest.files.keys()) : undefined;
}
