import type { CommitGraph } from './commit-graph.js';
import { commitOf } from './commit-of.js';
import type { GovernedChange, InForce } from './config-in-force.js';
import type { ConfigState } from './evidence.js';
import { describeCommit, type Commit } from './log-parser.js';

/** A baseline in force: the history it imports, and the commit that set it. */
export interface BaselineView {
  /** `git.baseline` as the setting wrote it; undefined: the first commit of the documents' history. */
  value: string | undefined;
  /** The commits it imports: the baseline and its ancestors. */
  imported: Set<string>;
  /** The newest commit of the documents' history that it imports. */
  commit: Commit | undefined;
  setIn?: Commit;
}

export interface BaselineInputs {
  graph: CommitGraph;
  toplevel: string;
  /** The documents' history, oldest first. */
  commits: readonly Commit[];
  /** Every change to the governed files, with the configuration in it and in its parent. */
  changes: readonly GovernedChange[];
  at: ReadonlyMap<string, ConfigState>;
  rawBefore: ReadonlyMap<string, ConfigState>;
  /** The configurations in force when a view's history is imported. */
  inForceUnder: (imported: Set<string>) => Promise<InForce>;
  configIn: (rev: string) => Promise<ConfigState>;
  /** The configuration file, as the governed changes name it (undefined: outside the repository). */
  configFile: string | undefined;
}

/** The commits of the documents' history that no other commit of it comes before. */
function beginningsOf(graph: CommitGraph, commits: readonly Commit[]): Commit[] {
  const touches = new Map(commits.map((c) => [c.hash, c]));
  const holdsDocuments = new Set<string>();
  const found: Commit[] = [];
  for (const hash of graph.oldestFirst()) {
    const parents = graph.parentsOf(hash);
    const after = parents.some((parent) => holdsDocuments.has(parent));
    const own = touches.get(hash);
    if (own && !after) found.push(own);
    if (own || after) holdsDocuments.add(hash);
  }
  return found;
}

const valueIn = (state: ConfigState | undefined) => (state?.kind === 'ok' ? state.config.git.baseline : undefined);

/**
 * The baseline in force (DESIGN section 4). Without a setting, the first commit of the documents'
 * history. Each commit that changed `git.baseline` is a change of the rules: it takes effect only
 * when it was valid, judged with the history imported by the baseline in force before it (so the
 * author of a change that did not take effect cannot import it by then moving the baseline past it),
 * and only when it names a commit its parent already held (a moved or self-naming tag imports
 * nothing new). Before any configuration was in force (isms adopted in a repository with history), a
 * setting is judged with the history it imports. A setting that does not take effect leaves the
 * baseline before it in force; `reasonFor` says why the configured one is not (undefined when the
 * change that set it is reported as a change of the rules made by someone not allowed).
 */
export async function baselineInForce(inputs: BaselineInputs): Promise<{ view: BaselineView; reasonFor: (value: string | undefined) => Promise<string | undefined>; severed?: string }> {
  const { graph, toplevel, commits, changes, at, rawBefore, inForceUnder, configIn, configFile } = inputs;
  const beginnings = beginningsOf(graph, commits);
  const first = commits[0];
  // With more than one beginning (an unrelated history merged in), git cannot tell which is where the
  // organisation adopted isms: then nothing is imported, and nothing can be proven.
  const initial: BaselineView =
    beginnings.length === 1 ? { value: undefined, imported: new Set(first ? [first.hash] : []), commit: first } : { value: undefined, imported: new Set(), commit: undefined };
  const reasons = new Map<string | undefined, string | undefined>();
  if (beginnings.length > 1) {
    const named = beginnings.map((c) => describeCommit(c)).join(', ');
    const problem = `the documents' history has ${beginnings.length} beginnings (${named}): with more than one first commit, git cannot tell where the organisation adopted isms, so nothing is imported and no sign-off can be proven. Bring another history in as an ordinary commit of its files, never by merging unrelated histories`;
    return { view: initial, reasonFor: async () => problem, severed: problem };
  }

  const viewOf = async (value: string, setIn: Commit | undefined): Promise<BaselineView | string> => {
    // A ref could have been moved since the setting was made: only a full hash names one commit for good.
    if (!/^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(value)) return `git.baseline "${value}" is not a full commit hash`;
    const hash = await commitOf(toplevel, value);
    if (!hash) return `git.baseline "${value}" is not a commit of this repository`;
    if (!graph.contains(hash)) return `git.baseline "${value}" (${hash.slice(0, 7)}) is not in the history of HEAD`;
    const parent = setIn?.parents[0];
    if (setIn && (parent === undefined || !graph.descendants(hash).has(parent))) {
      return `git.baseline "${value}" names a commit that is not before the change that set it (${describeCommit(setIn)}): name a commit before that change`;
    }
    const imported = graph.ancestors([hash]);
    const commit = [...commits].reverse().find((c) => imported.has(c.hash));
    return { value, imported, commit, ...(setIn ? { setIn } : {}) };
  };

  const settings = [...changes]
    .filter(({ commit }) => at.get(commit.hash)?.kind === 'ok' && valueIn(at.get(commit.hash)) !== valueIn(rawBefore.get(commit.hash)))
    .sort((a, b) => graph.compareOldestFirst(a.commit.hash, b.commit.hash));
  let trusted = initial;
  for (const { commit } of settings) {
    const value = valueIn(at.get(commit.hash));
    const candidate = value === undefined ? { ...initial, setIn: commit } : await viewOf(value, commit);
    if (typeof candidate === 'string') {
      reasons.set(value, candidate);
      continue;
    }
    // A setting inside the imported history is part of it, trusted as it stands.
    if (trusted.imported.has(commit.hash)) {
      trusted = candidate;
      continue;
    }
    const inForce = await inForceUnder(trusted.imported);
    const rev = configFile === undefined ? undefined : inForce.revisionBefore(commit, configFile);
    const state: ConfigState = rev === undefined ? { kind: 'missing' } : await configIn(rev);
    // Adopting isms in a repository with history: no configuration was ever in force, so the setting
    // can only be judged by the configuration of the history it imports. Once one was, never again
    // (an orphan branch or a branch from before the adoption cannot make "nothing in force" anew).
    const neverInForce = configFile !== undefined && !inForce.anyTookEffect(configFile) && (trusted.commit === undefined || (await configIn(trusted.commit.hash)).kind === 'missing');
    const judged = state.kind === 'missing' && neverInForce ? await inForceUnder(candidate.imported) : inForce;
    const valid = configFile !== undefined && judged.tookEffect(commit.hash, configFile) === true;
    if (valid) trusted = candidate;
    // The change itself is the finding (git-config-change reports who made it): one defect, one diagnostic.
    else reasons.set(value, undefined);
  }

  const reasonFor = async (value: string | undefined): Promise<string | undefined> => {
    if (reasons.has(value)) return reasons.get(value);
    if (value === undefined)
      return 'git.baseline is removed in the working tree but not committed: a change of the rules takes effect only once a commit makes it (and git-config-change judges who did)';
    const view = await viewOf(value, undefined);
    if (typeof view === 'string') return view;
    return `git.baseline "${value}" is not committed: it imports history only once a commit sets it (and git-config-change judges who did)`;
  };
  return { view: trusted, reasonFor };
}
