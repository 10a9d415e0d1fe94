import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { parseConfig } from '../config/load-config.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import { isControlledPath } from '../documents/discover.js';
import { normaliseText } from '../text/decode.js';
import { toPosix } from '../text/paths.js';
import { BlobReader } from './cat-file.js';
import {
  noEvidence,
  type Baseline,
  type ConfigChange,
  type ConfigState,
  type DocumentEvidence,
  type GitEvidence,
  type OversizedRevision,
  type RemovedDocument,
  type SignatureCheck,
} from './evidence.js';
import { baselineInForce } from './baseline-in-force.js';
import { configurationsInForce, type InForce, type VoidReason } from './config-in-force.js';
import { CommitGraph } from './commit-graph.js';
import type { CachePaths, EvidenceCache } from './evidence-cache.js';
import { documentEvidence, indexHistory, removedEvidence, RevisionReader } from './evidence-index.js';
import { mergeVerdicts } from './merge-verdicts.js';
import { describeCommit, LOG_FORMAT, parseLog, type Change, type Commit } from './log-parser.js';
import { approvalProof, isApproval, judgeSignOff, signOffsOf } from './model.js';
import { GitRefError, inspectRepository, lexicalRepoPath, resolveRef, treeOf } from './repository.js';
import { runGit } from './run-git.js';
import { SignOffSignatures } from './signatures.js';

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
  const { status, toplevel, cache: cachePaths } = await inspectRepository(config.root);
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
  const log = await runGit(toplevel, [
    'log',
    '-z',
    '--raw',
    '--no-abbrev',
    '-M',
    '--topo-order',
    '--reverse',
    '--diff-merges=first-parent',
    `--format=${LOG_FORMAT}`,
    '--end-of-options',
    tip,
    '--',
    folder,
  ]);
  if (log.code !== 0) return noEvidence({ kind: 'error', message: log.stderr.trim().split('\n')[0] ?? 'git log failed' });
  const commits = parseLog(log.stdout);

  // Governed files by the paths they have in the documents folder, never where a link leads.
  const realRoot = realpathSync(config.root);
  const configPath = lexicalRepoPath(top, realRoot, path.basename(config.file));
  const signersPathOf = (c: Config) => lexicalRepoPath(top, realRoot, c.git.allowedSigners);
  const governed = new Set([configPath, signersPathOf(config)].filter((p): p is string => p !== undefined));
  /** Governed files are named relative to the documents root, as the configuration names them. */
  const rootRelative = (repoPath: string) => (folder === '.' ? repoPath : path.posix.relative(folder, repoPath));

  // Index the changes by path, and the renames by their new path.
  const history = indexHistory(commits);
  const governedChanges: Array<{ commit: Commit; paths: string[] }> = [];
  // Files deleted from the documents folder: what happened to a document the workspace no longer has.
  // A rename to a path that is not checked (a .bak, a dot-folder, an ignored folder) takes the document
  // out just the same: it counts as the deletion of its old path.
  const leaves = (change: Change) => change.status === 'D' || (change.status === 'R' && change.from !== undefined && !isControlledPath(rootRelative(change.path), config.ignore));
  const deletions: Array<{ commit: Commit; change: Change }> = commits.flatMap(({ commit, changes }) =>
    changes.filter(leaves).map((change) => ({ commit, change: change.status === 'D' ? change : { ...change, status: 'D' as const, path: change.from!, blob: change.blob.replace(/./g, '0') } })),
  );
  const reader = new BlobReader(toplevel);
  try {
    const configs = new Map<string, Promise<ConfigState>>();
    const before = new Map<string, ConfigState>();
    const rawBefore = new Map<string, ConfigState>();
    const at = new Map<string, ConfigState>();
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
          const parsed = parseConfig(read.bytes, config.file, knownRules, { history: true });
          state = parsed.ok ? { kind: 'ok', config: parsed.config } : { kind: 'broken', message: parsed.problems[0]?.message ?? 'invalid' };
          cache?.rememberConfig(read.id, state);
        }
        pending = Promise.resolve<ConfigState>(state);
        configs.set(read.id, pending);
      }
      return pending;
    };

    // Every allowed-signers file a configuration of the history named is governed, not only the one named today.
    const configCommits = configPath ? commits.filter(({ changes }) => changes.some((change) => change.path === configPath || change.from === configPath)) : [];
    for (const state of await Promise.all(configCommits.map(({ commit }) => configIn(commit.hash)))) {
      const signers = state.kind === 'ok' ? signersPathOf(state.config) : undefined;
      if (signers) governed.add(signers);
    }
    for (const { commit, changes } of commits) {
      const touched = changes.flatMap((change) => [change.path, change.from ?? '']).filter((p) => governed.has(p));
      // Merges are judged below, against every parent: taking a side's file whole is not a change.
      if (touched.length > 0 && commit.parents.length < 2) governedChanges.push({ commit, paths: [...new Set(touched)].map(rootRelative) });
    }

    // Which commit holds which: one listing of every commit reachable from HEAD and its parents.
    const listing = (await listingRun).stdout.toString('utf8');
    const graph = new CommitGraph(listing.slice(0, listing.indexOf(' ')), listing); // --topo-order: HEAD first

    const verdicts = await mergeVerdicts(toplevel, folder, graph, reader);
    for (const verdict of verdicts.values()) {
      if (verdict.made && governed.has(verdict.path)) governedChanges.push({ commit: verdict.commit, paths: [rootRelative(verdict.path)] });
    }

    // Raw states of the governed files around each change: who set git.baseline to what.
    await Promise.all(
      governedChanges.map(async ({ commit }) => {
        at.set(commit.hash, await configIn(commit.hash));
        rawBefore.set(commit.hash, await configIn(`${commit.hash}^`));
      }),
    );

    // Signatures are checked against the allowed-signers file in force before each sign-off, once per file.
    const configFile = configPath ? rootRelative(configPath) : undefined;
    /** The configuration and allowed-signers file in force, given which commit's version of each file is. */
    const governedBefore = async (revisionOf: (file: string) => string | undefined): Promise<{ state: ConfigState; signersBlob: string; files: string[] }> => {
      const configRev = configFile === undefined ? undefined : revisionOf(configFile);
      const state: ConfigState = configRev === undefined ? { kind: 'missing' } : await configIn(configRev);
      const files = configFile === undefined ? [] : [configFile];
      const signers = state.kind === 'ok' ? signersPathOf(state.config) : undefined;
      if (!signers) return { state, signersBlob: '', files };
      files.push(rootRelative(signers));
      const signersRev = revisionOf(rootRelative(signers));
      const read = signersRev === undefined ? { kind: 'missing' as const } : await reader.readAt(signersRev, signers);
      return { state, signersBlob: read.kind === 'ok' ? read.id : '', files };
    };
    const signOffSignatures = new SignOffSignatures(toplevel, reader);
    /** A commit standing just after a merge: what is in force before it is what the merge left in force. */
    const afterMerge = (merge: string): Commit => ({ hash: `${merge}+`, parents: [merge], authorName: '', authorEmail: '', authorDate: '', committerName: '', committerEmail: '', committerDate: '' });

    /** The configurations in force when `imported` is the imported history (each view judged once). */
    const views = new Map<Set<string>, Promise<InForce>>();
    const inForceUnder = (importedView: Set<string>) => {
      let pending = views.get(importedView);
      if (!pending) {
        const judgedChanges = governedChanges.filter(({ commit }) => !importedView.has(commit.hash));
        pending = configurationsInForce(
          graph,
          judgedChanges,
          async ({ commit }, revisionOf, revisionBefore) => {
            const { state, signersBlob } = await governedBefore(revisionOf);
            const merge = graph.integratedBy(commit.hash);
            const merged = merge ? { merge, state: (await governedBefore((file) => revisionBefore(afterMerge(merge), file))).state } : undefined;
            let check: SignatureCheck | undefined;
            let backdated = false;
            if (state.kind === 'ok' && state.config.git.signedApprovals) {
              check = await signOffSignatures.check(commit.hash, signersBlob);
              backdated = await signOffSignatures.datedBeforeParent(commit);
            }
            const view = { configBefore: () => state, overruledBefore: () => undefined, configAtMerge: () => merged, signature: () => check, datedBeforeParent: () => backdated };
            return judgeSignOff(view, commit, (c) => c.git.configApprovers, 'the change').ok;
          },
          // A configuration that does not parse authorises nobody: it never replaces the one in force.
          ({ commit }, file) => file !== configFile || at.get(commit.hash)?.kind === 'ok',
        );
        views.set(importedView, pending);
      }
      return pending;
    };

    // git.baseline takes effect like any change of the rules: only when the commit that set it was a
    // valid change, judged with the history imported by the baseline in force before it (so an
    // invalid change cannot be imported by the baseline its author then sets). Each setting must also
    // name a commit its parent already held (a moved or self-naming tag imports nothing new).
    const trusted = await baselineInForce({ graph, toplevel, commits: commits.map((c) => c.commit), changes: governedChanges, at, rawBefore, inForceUnder, configIn, configFile });
    const { view } = trusted;
    const baseline: Baseline = { commit: view.commit, configured: config.git.baseline, ...(view.setIn ? { setIn: view.setIn } : {}) };
    const reason = config.git.baseline === view.value ? undefined : await trusted.reasonFor(config.git.baseline);
    if (trusted.severed) {
      baseline.problem = trusted.severed;
    } else if (reason) {
      const standing = view.value === undefined ? "the first commit of the documents' history" : `git.baseline "${view.value}"`;
      baseline.problem = `${reason}. Until then the baseline before it stays in force: ${standing}${view.commit ? `, ${describeCommit(view.commit)}` : ''}`;
    }
    const imported = view.imported;
    const inForce = await inForceUnder(imported);

    const [headTree, baseTree] = await treesRun;

    const oversized: OversizedRevision[] = [];
    const revisions = new RevisionReader(reader, cache);
    // At a commit, a document is the file of that name in it (the working tree may have moved it, or not have it).
    const sources = { top, history, revisions, graph, verdicts, imported, headTree, baseTree, oversized, ...(options.at !== undefined ? { lexicalRoot: realRoot } : {}) };
    const evidence = new Map<SourceDocument, DocumentEvidence>();
    const checkedNames = new Set<string>();
    const { documents } = 'loaded' in workspace ? await workspace.loaded : workspace;
    await Promise.all(
      documents.map(async (doc) => {
        const found = await documentEvidence(doc, sources);
        if (!found) return;
        for (const name of found.names) checkedNames.add(name);
        evidence.set(doc, found.evidence);
      }),
    );

    // Controlled documents deleted in the history (a pull request must not take a document out of the
    // checks: ignored, moved out, shadowed, deleted), with their revisions up to the deletion.
    const formatOf = (file: string): SourceDocument['format'] => (/\.md$/i.test(file) ? 'markdown' : 'yaml');
    const removed: RemovedDocument[] = [];
    for (const { commit, change } of deletions) {
      const relative = rootRelative(change.path);
      if (checkedNames.has(change.path) || headTree.has(change.path) || !isControlledPath(relative, config.ignore)) continue;
      const facts = /^0+$/.test(change.oldBlob) ? undefined : await revisions.factsOf(change.oldBlob, formatOf(change.path));
      const past = await removedEvidence(change.path, formatOf(change.path), sources);
      removed.push({ commit, path: relative, facts, ...(past ? { evidence: past } : {}) });
    }

    // The sign-offs the rules judge, each by the configuration in force before it (DESIGN section 4).
    const judged = new Map<string, Commit>();
    const importedApprovals: Commit[] = [];
    for (const entry of [...evidence.values(), ...removed.flatMap((document) => (document.evidence ? [document.evidence] : []))]) {
      for (const revision of signOffsOf(entry)) judged.set(revision.commit.hash, revision.commit);
      // Older approvals too: isms verify judges the one a PDF names, which may have been superseded since.
      for (const revision of entry.revisions) if (!revision.imported && isApproval(revision)) judged.set(revision.commit.hash, revision.commit);
      const approval = approvalProof(entry);
      if (approval?.kind === 'committed' && approval.revision.imported) importedApprovals.push(approval.revision.commit);
    }
    const configChanges: ConfigChange[] = governedChanges.filter(({ commit }) => !imported.has(commit.hash)).map(({ commit, paths }) => ({ commit, paths }));
    for (const { commit } of configChanges) judged.set(commit.hash, commit);

    const signersBlob = new Map<string, string>();
    const overruled = new Map<string, { commit: Commit; reason: VoidReason }>();
    const atMerge = new Map<string, { merge: string; state: ConfigState }>();
    await Promise.all(
      [...judged.values()].map(async (commit) => {
        // Made on a branch: it takes effect when merged, so the configuration in force after that merge judges it too.
        const merge = graph.integratedBy(commit.hash);
        if (merge) {
          atMerge.set(commit.hash, { merge, state: (await governedBefore((file) => inForce.revisionBefore(afterMerge(merge), file))).state });
        }
        const { state, signersBlob: blob, files } = await governedBefore((file) => inForce.revisionBefore(commit, file));
        const standing = inForce.voidBefore(commit, files);
        if (standing) overruled.set(commit.hash, standing);
        before.set(commit.hash, state);
        if (state.kind === 'ok' && state.config.git.signedApprovals) signersBlob.set(commit.hash, blob);
      }),
    );
    await Promise.all(
      importedApprovals.map(async (commit) => {
        if (!at.has(commit.hash)) at.set(commit.hash, await configIn(commit.hash));
      }),
    );
    const backdated = new Set<string>();
    await Promise.all([...signersBlob.keys()].map(async (hash) => (await signOffSignatures.datedBeforeParent(judged.get(hash)!)) && backdated.add(hash)));

    const signatures = await signOffSignatures.checkAll(signersBlob);

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
      overruledBefore: (hash) => overruled.get(hash),
      configAtMerge: (hash) => atMerge.get(hash),
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
