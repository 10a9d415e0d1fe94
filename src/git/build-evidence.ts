import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { toPosix } from '../documents/discover.js';
import { BlobReader } from './cat-file.js';
import type { DocumentEvidence, GitEvidence, RepositoryStatus, Revision, SignatureCheck } from './evidence.js';
import { listTree, type TreeFile } from './list-tree.js';
import { LOG_FORMAT, parseLog, type Change, type Commit } from './log-parser.js';
import { approvalRevision } from './model.js';
import { revisionFacts, type RevisionFacts } from './revision-facts.js';
import { isInside } from '../text/paths.js';
import { runGit } from './run-git.js';

export class GitRefError extends Error {}

const ZERO = /^0+$/;

/** What `git rev-parse` says of the folder: a repository (and where), or why not. */
async function inspect(cwd: string): Promise<{ status: RepositoryStatus; toplevel?: string }> {
  let result;
  try {
    result = await runGit(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  } catch (error) {
    return { status: { kind: 'error', message: `git could not be run: ${(error as Error).message}` } };
  }
  if (result.code !== 0) {
    const dubious = /detected dubious ownership in repository at '([^']+)'/.exec(result.stderr);
    if (dubious) return { status: { kind: 'dubious-ownership', path: dubious[1]! } };
    if (/not a git repository/i.test(result.stderr)) return { status: { kind: 'not-repository' } };
    return { status: { kind: 'error', message: result.stderr.trim().split('\n')[0] ?? 'git rev-parse failed' } };
  }
  const [toplevel = '', shallow = ''] = result.stdout.toString('utf8').trim().split('\n');
  if (shallow.trim() === 'true') return { status: { kind: 'shallow' }, toplevel };
  const head = await runGit(toplevel, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return { status: { kind: 'no-commits' }, toplevel };
  return { status: { kind: 'ok' }, toplevel };
}

/** Checks a user-given ref and returns its commit (`rev-parse --verify --end-of-options`, SAFETY.md item 2). */
async function resolveRef(toplevel: string, ref: string): Promise<string> {
  const result = await runGit(toplevel, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (result.code !== 0) throw new GitRefError(`--base ${ref} is not a commit of this repository (fetch it first, e.g. git fetch origin main)`);
  return result.stdout.toString('utf8').trim();
}

function repoPathOf(toplevel: string, doc: SourceDocument): string | undefined {
  try {
    const [top, file] = [realpathSync(toplevel), realpathSync(doc.absolutePath)];
    return isInside(top, file) ? toPosix(path.relative(top, file)) : undefined;
  } catch {
    return undefined;
  }
}

export interface EvidenceOptions {
  base?: string;
}

/**
 * Builds the git evidence of a workspace in one `git log` pass over the documents folder and one
 * `git cat-file --batch` process for every old revision. Renames are followed (-M); history is every
 * commit reachable from HEAD in topological order, merges diffed against their first parent, so a
 * change made on a branch is attributed to the branch commit that made it, and a change made in a
 * merge itself (a conflict resolution) to the merge.
 */
export async function buildEvidence(workspace: Workspace, options: EvidenceOptions = {}): Promise<GitEvidence> {
  const { status, toplevel } = await inspect(workspace.config.root);
  const none = (s: RepositoryStatus): GitEvidence => ({ status: s, document: () => undefined, signature: () => undefined });
  if (status.kind !== 'ok' || !toplevel) {
    if (options.base !== undefined && status.kind === 'no-commits') throw new GitRefError(`--base ${options.base}: the repository has no commits yet`);
    return none(status);
  }
  const folder = toPosix(path.relative(realpathSync(toplevel), realpathSync(workspace.config.root))) || '.';
  const baseCommit = options.base === undefined ? undefined : await resolveRef(toplevel, options.base);

  const log = await runGit(toplevel, ['log', '-z', '--raw', '--no-abbrev', '-M', '--topo-order', '--reverse', '--diff-merges=first-parent', `--format=${LOG_FORMAT}`, '--end-of-options', 'HEAD', '--', folder]);
  if (log.code !== 0) return none({ kind: 'error', message: log.stderr.trim().split('\n')[0] ?? 'git log failed' });
  const commits = parseLog(log.stdout);

  // Index the changes by path, and the renames by their new path.
  const changesByPath = new Map<string, Array<{ commit: Commit; change: Change }>>();
  const renamedFrom = new Map<string, Set<string>>();
  for (const { commit, changes } of commits) {
    for (const change of changes) {
      if (change.status === 'D' || ZERO.test(change.blob)) continue;
      const list = changesByPath.get(change.path) ?? [];
      list.push({ commit, change });
      changesByPath.set(change.path, list);
      if (change.status === 'R' && change.from) {
        const sources = renamedFrom.get(change.path) ?? new Set<string>();
        sources.add(change.from);
        renamedFrom.set(change.path, sources);
      }
    }
  }
  const order = new Map(commits.map(({ commit }, index) => [commit.hash, index]));
  const treeOf = async (commit: string) => (await listTree(toplevel, commit, folder)) ?? new Map<string, TreeFile>();
  const [headTree, baseTree] = await Promise.all([treeOf('HEAD'), baseCommit ? treeOf(baseCommit) : Promise.resolve(undefined)]);

  const reader = new BlobReader(toplevel);
  const factsByBlob = new Map<string, Promise<RevisionFacts | undefined>>();
  const textByBlob = new Map<string, Promise<string | undefined>>();
  const readText = (blob: string) => {
    let pending = textByBlob.get(blob);
    if (!pending) {
      pending = reader.read(blob).then((bytes) => bytes?.toString('utf8'));
      textByBlob.set(blob, pending);
    }
    return pending;
  };
  const factsOf = (blob: string, format: SourceDocument['format']) => {
    let pending = factsByBlob.get(blob);
    if (!pending) {
      pending = readText(blob).then((text) => (text === undefined ? undefined : revisionFacts(text, format)));
      factsByBlob.set(blob, pending);
    }
    return pending;
  };

  const evidence = new Map<SourceDocument, DocumentEvidence>();
  try {
    await Promise.all(
      workspace.documents.map(async (doc) => {
        if (doc.text === undefined) return;
        const repoPath = repoPathOf(toplevel, doc);
        if (!repoPath) return;
        // Every name the document had: its path, and the paths it was renamed from, transitively.
        const names = new Set([repoPath]);
        for (const name of names) for (const from of renamedFrom.get(name) ?? []) names.add(from);
        const touches = [...names].flatMap((name) => changesByPath.get(name) ?? []).sort((a, b) => order.get(a.commit.hash)! - order.get(b.commit.hash)!);
        const revisions: Revision[] = [];
        for (const { commit, change } of touches) {
          const facts = await factsOf(change.blob, doc.format);
          if (facts) revisions.push({ commit, path: change.path, facts });
        }
        const headBlob = headTree.get(repoPath)?.blob;
        let uncommitted: DocumentEvidence['uncommitted'] = 'untracked';
        if (headBlob) {
          const headText = await readText(headBlob);
          uncommitted = headText !== undefined && headText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') === doc.text ? 'clean' : 'modified';
        }
        const entry: DocumentEvidence = { revisions, working: revisionFacts(doc.text, doc.format), uncommitted };
        if (baseTree) {
          const basePath = [...names].find((name) => baseTree.has(name));
          entry.base = basePath ? ((await factsOf(baseTree.get(basePath)!.blob, doc.format)) ?? null) : null;
        }
        evidence.set(doc, entry);
      }),
    );
  } finally {
    reader.close();
  }

  const signatures = new Map<string, SignatureCheck>();
  if (workspace.config.git.signedApprovals) {
    const hashes = new Set<string>();
    for (const [doc, entry] of evidence) {
      if (doc.meta.status !== 'approved') continue;
      const revision = approvalRevision(entry, entry.working.approval);
      if (revision) hashes.add(revision.commit.hash);
    }
    for (const [hash, check] of await verifySignatures(toplevel, workspace.config.root, workspace.config.git.allowedSigners, [...hashes])) signatures.set(hash, check);
  }

  return {
    status,
    ...(options.base !== undefined ? { baseRef: options.base } : {}),
    document: (doc) => evidence.get(doc),
    signature: (hash) => signatures.get(hash),
  };
}

/** `git log --no-walk --format=%G?` for the given commits, SSH signatures checked against allowed_signers. */
async function verifySignatures(toplevel: string, root: string, allowedSigners: string, hashes: string[]): Promise<Map<string, SignatureCheck>> {
  const result = new Map<string, SignatureCheck>();
  if (hashes.length === 0) return result;
  const signersFile = path.resolve(root, allowedSigners);
  const extraConfig = isInside(root, signersFile) ? ['-c', `gpg.ssh.allowedSignersFile=${signersFile}`] : [];
  const output = await runGit(toplevel, ['log', '--no-walk=unsorted', '--format=%H%x1f%G?%x1f%GS', '--end-of-options', ...hashes, '--'], { extraConfig });
  for (const line of output.stdout.toString('utf8').split('\n')) {
    const [hash, status, signer] = line.split('\x1f');
    if (hash && status) result.set(hash, { status, signer: signer ?? '' });
  }
  return result;
}
