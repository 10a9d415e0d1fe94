import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { parseConfig } from '../config/load-config.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { isControlledPath, toPosix } from '../documents/discover.js';
import { listTree, type TreeFile } from './list-tree.js';
import { normaliseText } from '../text/decode.js';
import { isInside } from '../text/paths.js';
import { BlobReader } from './cat-file.js';
import { noEvidence, type Baseline, type ConfigChange, type ConfigState, type DocumentEvidence, type GitEvidence, type OversizedRevision, type RemovedDocument, type RepositoryStatus, type Revision } from './evidence.js';
import { CommitGraph } from './commit-graph.js';
import { commitOf } from './commit-of.js';
import { CACHE_PATH_ARGS, type CachePaths, type EvidenceCache } from './evidence-cache.js';
import { mergeVerdicts } from './merge-verdicts.js';
import { commitFromObject, describeCommit, LOG_FORMAT, parseLog, type Change, type Commit } from './log-parser.js';
import { approvalProof, isApproval, signOffsOf } from './model.js';
import { revisionFacts, type RevisionFacts } from './revision-facts.js';
import { runGit } from './run-git.js';
import { verifySignatures } from './signatures.js';

export class GitRefError extends Error {}

/** The one way to say that `--base` names no commit here. */
export function baseRefError(ref: string): GitRefError {
  return new GitRefError(`--base ${ref} is not a commit of this repository (fetch it first, e.g. git fetch origin main)`);
}

const ZERO = /^0+$/;

/** What `git rev-parse` says of the folder: a repository (and where, and where its cache lives), or why not. */
async function inspect(cwd: string): Promise<{ status: RepositoryStatus; toplevel?: string; cache?: CachePaths }> {
  let result;
  try {
    result = await runGit(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository', ...CACHE_PATH_ARGS]);
  } catch (error) {
    return { status: { kind: 'error', message: `git could not be run: ${(error as Error).message}` } };
  }
  if (result.code !== 0) {
    const dubious = /detected dubious ownership in repository at '([^']+)'/.exec(result.stderr);
    if (dubious) return { status: { kind: 'dubious-ownership', path: dubious[1]! } };
    if (/not a git repository/i.test(result.stderr)) return { status: { kind: 'not-repository' } };
    return { status: { kind: 'error', message: result.stderr.trim().split('\n')[0] ?? 'git rev-parse failed' } };
  }
  const [toplevel = '', shallow = '', folder = '', key = ''] = result.stdout.toString('utf8').trim().split('\n');
  if (shallow.trim() === 'true') return { status: { kind: 'shallow' }, toplevel };
  const head = await runGit(toplevel, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return { status: { kind: 'no-commits' }, toplevel };
  return { status: { kind: 'ok' }, toplevel, ...(folder && key ? { cache: { folder, key } } : {}) };
}

/** The blob of each file under `folder` in a commit. */
async function treeOf(toplevel: string, folder: string, commit: string): Promise<Map<string, string>> {
  return new Map([...((await listTree(toplevel, commit, folder)) ?? new Map<string, TreeFile>())].map(([file, entry]) => [file, entry.blob]));
}

async function resolveRef(toplevel: string, ref: string): Promise<string> {
  const commit = await commitOf(toplevel, ref);
  if (!commit) throw baseRefError(ref);
  return commit;
}

function repoPathOf(top: string, file: string): string | undefined {
  try {
    const real = realpathSync(file);
    return isInside(top, real) ? toPosix(path.relative(top, real)) : undefined;
  } catch {
    return undefined;
  }
}

/** A path under the repository as a lexical path (the file may not exist in the working tree). */
function lexicalRepoPath(top: string, root: string, relative: string): string | undefined {
  const absolute = path.resolve(root, relative);
  return isInside(top, absolute) ? toPosix(path.relative(top, absolute)) : undefined;
}

/**
 * The baseline: `git.baseline` (hash or tag) when configured, else the first commit of the documents'
 * history. Imported are the baseline and the commits it holds (its ancestors), never a date.
 */
async function resolveBaseline(toplevel: string, folder: string, configured: string | undefined, commits: readonly Commit[], tip: string): Promise<{ baseline: Baseline; imported: Set<string> }> {
  if (configured === undefined) {
    const first = commits[0];
    return { baseline: { commit: first, configured }, imported: new Set(first ? [first.hash] : []) };
  }
  const hash = await commitOf(toplevel, configured);
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  if (!hash) return { baseline: { commit: undefined, configured, problem: `git.baseline "${configured}" is not a commit of this repository, so nothing is imported and every sign-off must be proven` }, imported: new Set() };
  const outside = await runGit(toplevel, ['log', '--format=%H', '-n', '1', '--end-of-options', hash, `^${tip}`, '--']);
  if (outside.stdout.toString('utf8').trim() !== '') {
    const history = tip === 'HEAD' ? 'HEAD' : tip.slice(0, 7);
    return { baseline: { commit: undefined, configured, problem: `git.baseline "${configured}" (${hash.slice(0, 7)}) is not in the history of ${history}, so nothing is imported and every sign-off must be proven` }, imported: new Set() };
  }
  const held = await runGit(toplevel, ['log', '--format=%H', '--end-of-options', hash, '--', folder]);
  const imported = new Set(held.stdout.toString('utf8').split('\n').filter(Boolean));
  const commit = byHash.get(hash) ?? [...commits].reverse().find((c) => imported.has(c.hash)) ?? { hash, parents: [], authorName: '', authorEmail: '', authorDate: '', committerName: '', committerEmail: '', committerDate: '' };
  return { baseline: { commit, configured }, imported };
}

/**
 * A workspace whose documents are still being read: the history is read meanwhile (git works in its
 * own processes), and the documents are awaited only where their evidence is gathered.
 */
export interface PendingWorkspace {
  config: Config;
  loaded: Promise<Workspace>;
}

export interface EvidenceOptions {
  base?: string;
  /** Rule ids a configuration may name (configurations read from history are validated like the current one). */
  knownRules?: readonly string[];
  /** Why the configuration could not be read from `base`, when it could not (reported under git-config-change). */
  baseConfigProblem?: string;
  /**
   * Opens the cache of facts from earlier runs, given where the repository keeps it (undefined: no
   * cache); what this run computes is added to it.
   */
  cache?: (paths: CachePaths) => EvidenceCache | undefined;
  /**
   * A commit (full hash) to read the ISMS at (`--at`): it stands in for HEAD, and the documents are
   * its files (read from git objects, so they are never "uncommitted"); the working tree is not looked at.
   */
  at?: string;
}

/**
 * Builds the git evidence of a workspace in one `git log` pass over the documents folder and one
 * `git cat-file --batch` process for every old revision and every past configuration. Renames are
 * followed (-M); history is every commit reachable from HEAD in topological order, merges diffed
 * against their first parent, so a change made on a branch is attributed to the branch commit that
 * made it (a merge that took a document whole from the branch is marked as carrying it), and a
 * change made in a merge itself (a conflict resolution) to the merge.
 */
export async function buildEvidence(workspace: Workspace | PendingWorkspace, options: EvidenceOptions = {}): Promise<GitEvidence> {
  const { config } = workspace;
  const { status, toplevel, cache: cachePaths } = await inspect(config.root);
  if (status.kind !== 'ok' || !toplevel) {
    if (options.base !== undefined && status.kind === 'no-commits') throw new GitRefError(`--base ${options.base}: the repository has no commits yet`);
    return noEvidence(status);
  }
  const cache = cachePaths ? options.cache?.(cachePaths) : undefined;
  const top = realpathSync(toplevel);
  const folder = toPosix(path.relative(top, realpathSync(config.root))) || '.';
  const baseCommit = options.base === undefined ? undefined : await resolveRef(toplevel, options.base);

  // With --at, that commit is the tip of the history read, where HEAD would be.
  const tip = options.at ?? 'HEAD';

  // Passes that need nothing from each other run side by side: git works in processes of its own.
  const listingRun = runGit(toplevel, ['log', '--topo-order', '--format=%H %P', '--end-of-options', tip, '--']);
  const treesRun = Promise.all([treeOf(toplevel, folder, tip), baseCommit ? treeOf(toplevel, folder, baseCommit) : Promise.resolve(undefined)]);
  for (const pending of [listingRun, treesRun]) pending.catch(() => undefined);
  const log = await runGit(toplevel, ['log', '-z', '--raw', '--no-abbrev', '-M', '--topo-order', '--reverse', '--diff-merges=first-parent', `--format=${LOG_FORMAT}`, '--end-of-options', tip, '--', folder]);
  if (log.code !== 0) return noEvidence({ kind: 'error', message: log.stderr.trim().split('\n')[0] ?? 'git log failed' });
  const commits = parseLog(log.stdout);
  const { baseline, imported } = await resolveBaseline(toplevel, folder, config.git.baseline, commits.map((c) => c.commit), tip);

  // Governed files by the paths they have in the documents folder, never where a link leads.
  const realRoot = realpathSync(config.root);
  const configPath = lexicalRepoPath(top, realRoot, path.basename(config.file));
  const signersPathOf = (c: Config) => lexicalRepoPath(top, realRoot, c.git.allowedSigners);
  const governed = new Set([configPath, signersPathOf(config)].filter((p): p is string => p !== undefined));
  /** Governed files are named relative to the documents root, as the configuration names them. */
  const rootRelative = (repoPath: string) => (folder === '.' ? repoPath : path.posix.relative(folder, repoPath));

  // Index the changes by path, and the renames by their new path; collect changes to governed files.
  const changesByPath = new Map<string, Array<{ commit: Commit; change: Change }>>();
  const renamedFrom = new Map<string, Set<string>>();
  const governedChanges: Array<{ commit: Commit; paths: string[] }> = [];
  const deletions: Array<{ commit: Commit; change: Change }> = [];
  for (const { commit, changes } of commits) {
    const touched = changes.flatMap((change) => [change.path, change.from ?? '']).filter((p) => governed.has(p));
    // Merges are judged below, against every parent: taking a side's file whole is not a change.
    if (touched.length > 0 && commit.parents.length < 2) governedChanges.push({ commit, paths: [...new Set(touched)].map(rootRelative) });
    for (const change of changes) {
      if (change.status === 'D') deletions.push({ commit, change });
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
  const reader = new BlobReader(toplevel);
  try {
    const oversized: OversizedRevision[] = [];
    const textByBlob = new Map<string, Promise<string | { tooLarge: number }>>();
    const readText = (blob: string) => {
      let pending = textByBlob.get(blob);
      if (!pending) {
        pending = reader.readObject(blob).then((read) => (read.kind === 'ok' ? read.bytes.toString('utf8') : read.kind === 'too-large' ? { tooLarge: read.size } : { tooLarge: 0 }));
        textByBlob.set(blob, pending);
      }
      return pending;
    };
    const configs = new Map<string, Promise<ConfigState>>();
    const before = new Map<string, ConfigState>();
    const at = new Map<string, ConfigState>();
    const signatures = new Map<string, { status: string; signer: string }>();
    const knownRules = options.knownRules ?? Object.keys(config.rules);
    /** The configuration in `rev` (a commit, or `<commit>^` for its first parent), parsed once per blob. */
    const configIn = async (rev: string): Promise<ConfigState> => {
      if (!configPath) return { kind: 'missing' };
      const read = await reader.readAt(rev, configPath);
      if (read.kind === 'missing') return { kind: 'missing' };
      if (read.kind === 'too-large') return { kind: 'too-large', size: read.size };
      let pending = configs.get(read.id);
      if (!pending) {
        let state = cache?.config(read.id);
        if (!state) {
          const parsed = parseConfig(read.bytes, config.file, knownRules);
          state = parsed.ok ? { kind: 'ok', config: parsed.config } : { kind: 'broken', message: parsed.problems[0]?.message ?? 'invalid' };
          cache?.rememberConfig(read.id, state);
        }
        pending = Promise.resolve<ConfigState>(state);
        configs.set(read.id, pending);
      }
      return pending;
    };

    // Which commit holds which: one listing of every commit reachable from HEAD and its parents.
    const listing = (await listingRun).stdout.toString('utf8');
    const graph = new CommitGraph(listing.slice(0, listing.indexOf(' ')), listing); // --topo-order: HEAD first

    const verdicts = await mergeVerdicts(toplevel, folder, graph, reader);
    for (const verdict of verdicts.values()) {
      if (verdict.made && governed.has(verdict.path)) governedChanges.push({ commit: verdict.commit, paths: [rootRelative(verdict.path)] });
    }

    // The newest commit that set git.baseline to what it says now must come after the baseline;
    // otherwise the setting could name its own commit (a moved tag) and import itself: then nothing is imported.
    await Promise.all(
      governedChanges.map(async ({ commit }) => {
        at.set(commit.hash, await configIn(commit.hash));
        before.set(commit.hash, await configIn(`${commit.hash}^`));
      }),
    );
    if (baseline.configured !== undefined && baseline.commit) {
      for (const { commit } of [...governedChanges].reverse()) {
        const after = at.get(commit.hash);
        const prior = before.get(commit.hash);
        if (after?.kind === 'ok' && after.config.git.baseline === baseline.configured && !(prior?.kind === 'ok' && prior.config.git.baseline === baseline.configured)) {
          baseline.setIn = commit;
          break;
        }
      }
      // The baseline must be history the commit that named it already had: an ancestor of its parent.
      const parent = baseline.setIn?.parents[0];
      const named = baseline.commit.hash;
      const namedBefore = parent ? (await runGit(toplevel, ['log', '--format=%H', '-n', '1', '--end-of-options', named, `^${parent}`, '--'])).stdout.toString('utf8').trim() === '' : false;
      if (!baseline.setIn) {
        // Only a committed setting imports anything: an uncommitted one is nobody's act that git can judge.
        baseline.problem = `git.baseline "${baseline.configured}" is not committed: it imports history only once a commit sets it (and git-config-change judges who did). Until then nothing is imported and every sign-off must be proven`;
        baseline.commit = undefined;
        imported.clear();
      } else if (imported.has(baseline.setIn.hash) || !namedBefore) {
        baseline.problem = `git.baseline "${baseline.configured}" names a commit that is not before the change that set it (${describeCommit(baseline.setIn)}): name a commit before that change. Until then nothing is imported and every sign-off must be proven`;
        baseline.commit = undefined;
        imported.clear();
      }
    }

    const [headTree, baseTree] = await treesRun;

    const factsByBlob = new Map<string, Promise<RevisionFacts | undefined>>();
    const factsOf = (blob: string, format: SourceDocument['format']) => {
      let pending = factsByBlob.get(blob);
      if (!pending) {
        const cached = cache?.revision(blob, format);
        pending = cached
          ? Promise.resolve(cached)
          : readText(blob).then((text) => {
              if (typeof text !== 'string') return undefined;
              const facts = revisionFacts(text, format);
              cache?.rememberRevision(blob, format, facts);
              return facts;
            });
        factsByBlob.set(blob, pending);
      }
      return pending;
    };
    const evidence = new Map<SourceDocument, DocumentEvidence>();
    const checkedNames = new Set<string>();
    const { documents } = 'loaded' in workspace ? await workspace.loaded : workspace;
    await Promise.all(
      documents.map(async (doc) => {
        if (doc.text === undefined) return;
        // At a commit, a document is the file of that name in it (the working tree may have moved it, or not have it).
        const repoPath = options.at === undefined ? repoPathOf(top, doc.absolutePath) : lexicalRepoPath(top, realRoot, doc.path);
        if (!repoPath) return;
        // Every name the document had: its path, and the paths it was renamed from, transitively.
        const names = new Set([repoPath]);
        for (const name of names) for (const from of renamedFrom.get(name) ?? []) names.add(from);
        for (const name of names) checkedNames.add(name);
        const touches = [...names].flatMap((name) => changesByPath.get(name) ?? []);
        const revisions: Revision[] = [];
        for (const { commit, change } of touches) {
          const facts = await factsOf(change.blob, doc.format);
          if (!facts) {
            const text = await readText(change.blob);
            if (typeof text !== 'string' && text.tooLarge > 0) oversized.push({ commit, path: change.path, size: text.tooLarge });
            continue;
          }
          const previous = ZERO.test(change.oldBlob) || change.oldBlob === '' ? undefined : await factsOf(change.oldBlob, doc.format);
          const verdict = verdicts.get(`${commit.hash}\0${change.path}`);
          revisions.push({ commit, path: change.path, blob: change.blob, facts, before: previous, imported: imported.has(commit.hash), carried: commit.parents.length > 1 && verdict !== undefined && !verdict.made });
        }
        // A merge that made a change the first-parent log cannot see (it kept the first parent's file
        // and dropped another side's change) is a revision too: from the dropped state to the kept one.
        for (const verdict of verdicts.values()) {
          if (!verdict.made || !names.has(verdict.path) || revisions.some((r) => r.commit.hash === verdict.commit.hash)) continue;
          const facts = await factsOf(verdict.result, doc.format);
          if (!facts) continue;
          const dropped = verdict.replaced === '' ? undefined : await factsOf(verdict.replaced, doc.format);
          revisions.push({ commit: verdict.commit, path: verdict.path, blob: verdict.result, facts, before: dropped, imported: imported.has(verdict.commit.hash), carried: false });
        }
        revisions.sort((a, b) => graph.compareOldestFirst(a.commit.hash, b.commit.hash));
        const headBlob = headTree.get(repoPath);
        let uncommitted: DocumentEvidence['uncommitted'] = 'untracked';
        let head: RevisionFacts | undefined;
        if (headBlob) {
          const headText = await readText(headBlob);
          head = await factsOf(headBlob, doc.format);
          uncommitted = typeof headText === 'string' && normaliseText(headText) === doc.text ? 'clean' : 'modified';
        }
        // A clean document is what HEAD holds: its facts are HEAD's, read once per blob.
        const working = uncommitted === 'clean' && head ? head : revisionFacts(doc.text, doc.format);
        const entry: DocumentEvidence = { revisions, head, ...(headBlob ? { headBlob } : {}), working, uncommitted };
        if (baseTree) {
          const basePath = [...names].find((name) => baseTree.has(name));
          entry.base = basePath ? ((await factsOf(baseTree.get(basePath)!, doc.format)) ?? null) : null;
        }
        evidence.set(doc, entry);
      }),
    );

    // The sign-offs the rules judge, each by the configuration in its parent (DESIGN section 4).
    const judged = new Map<string, Commit>();
    const importedApprovals: Commit[] = [];
    for (const entry of evidence.values()) {
      for (const revision of signOffsOf(entry)) judged.set(revision.commit.hash, revision.commit);
      // Older approvals too: isms verify judges the one a PDF names, which may have been superseded since.
      for (const revision of entry.revisions) if (!revision.imported && isApproval(revision)) judged.set(revision.commit.hash, revision.commit);
      const approval = approvalProof(entry);
      if (approval?.kind === 'committed' && approval.revision.imported) importedApprovals.push(approval.revision.commit);
    }
    const configChanges: ConfigChange[] = governedChanges.filter(({ commit }) => !imported.has(commit.hash)).map(({ commit, paths }) => ({ commit, paths }));
    for (const { commit } of configChanges) judged.set(commit.hash, commit);

    const signersBlob = new Map<string, string | undefined>();
    await Promise.all(
      [...judged.values()].map(async (commit) => {
        const state = before.get(commit.hash) ?? (await configIn(`${commit.hash}^`));
        before.set(commit.hash, state);
        if (state.kind === 'ok' && state.config.git.signedApprovals) {
          const signers = signersPathOf(state.config);
          const read = signers ? await reader.readAt(`${commit.hash}^`, signers) : { kind: 'missing' as const };
          signersBlob.set(commit.hash, read.kind === 'ok' ? read.id : undefined);
        }
      }),
    );
    await Promise.all(
      importedApprovals.map(async (commit) => {
        if (!at.has(commit.hash)) at.set(commit.hash, await configIn(commit.hash));
      }),
    );

    // git checks a signature at the committer date, which the committer types: a signed sign-off
    // dated before one of its parents could bring a retired key back to life.
    const backdated = new Set<string>();
    await Promise.all(
      [...signersBlob.keys()].map(async (hash) => {
        const commit = judged.get(hash);
        for (const parent of commit?.parents ?? []) {
          const object = await reader.readObject(parent);
          const parentDate = commitFromObject(parent, object.kind === 'ok' ? object.bytes.toString('utf8') : '').committerDate;
          if (commit && Date.parse(commit.committerDate) < Date.parse(parentDate)) backdated.add(hash);
        }
      }),
    );

    // Signatures are checked against the allowed-signers file as it stood before each sign-off.
    const bySigners = new Map<string, string[]>();
    for (const [hash, blob] of signersBlob) bySigners.set(blob ?? '', [...(bySigners.get(blob ?? '') ?? []), hash]);
    for (const [blob, hashes] of bySigners) {
      const bytes = blob === '' ? Buffer.alloc(0) : ((await reader.read(blob)) ?? Buffer.alloc(0));
      for (const [hash, check] of await verifySignatures(toplevel, bytes, hashes)) signatures.set(hash, check);
    }

    const uncommittedConfig: string[] = [];
    // At a commit, the working tree is not looked at: nothing of it is uncommitted.
    for (const repoPath of options.at === undefined ? governed : []) {
      const absolute = path.join(top, repoPath);
      let working: Buffer | undefined;
      try {
        working = readFileSync(absolute);
      } catch {
        working = undefined;
      }
      const blob = headTree.get(repoPath);
      const committed = blob ? await reader.read(blob) : undefined;
      // Read as documents are read: a core.autocrlf checkout is not a change.
      const text = (bytes: Buffer) => normaliseText(bytes.toString('utf8'));
      const same = working === undefined ? committed === undefined : committed !== undefined && text(committed) === text(working);
      if (!same) uncommittedConfig.push(rootRelative(repoPath));
    }

    // A pull request must not take a document out of the checks (ignored, moved out, shadowed, deleted).
    const formatOf = (file: string): SourceDocument['format'] => (/\.md$/i.test(file) ? 'markdown' : 'yaml');
    const removed: RemovedDocument[] = [];
    for (const { commit, change } of deletions) {
      const relative = rootRelative(change.path);
      if (checkedNames.has(change.path) || headTree.has(change.path) || !isControlledPath(relative, config.ignore)) continue;
      removed.push({ commit, path: relative, facts: ZERO.test(change.oldBlob) ? undefined : await factsOf(change.oldBlob, formatOf(change.path)) });
    }

    const uncheckedAtBase = baseTree ? [...baseTree.keys()].filter((repoPath) => isControlledPath(rootRelative(repoPath), config.ignore) && !checkedNames.has(repoPath)).map(rootRelative) : [];

    return {
      status,
      ...(options.at !== undefined ? { at: options.at } : {}),
      ...(options.base !== undefined ? { baseRef: options.base } : {}),
      ...(options.baseConfigProblem ? { baseConfigProblem: options.baseConfigProblem } : {}),
      uncheckedAtBase,
      baseline,
      graph,
      document: (doc) => evidence.get(doc),
      configBefore: (hash) => before.get(hash) ?? { kind: 'missing' },
      configAt: (hash) => at.get(hash) ?? { kind: 'missing' },
      configChanges,
      uncommittedConfig,
      oversized,
      removed,
      signature: (hash) => signatures.get(hash),
      datedBeforeParent: (hash) => backdated.has(hash),
    };
  } finally {
    reader.close();
  }
}
