import type { SourceDocument } from '../documents/document.js';
import { normaliseText } from '../text/decode.js';
import type { BlobReader } from './cat-file.js';
import type { CommitGraph } from './commit-graph.js';
import type { EvidenceCache } from './evidence-cache.js';
import type { DocumentEvidence, OversizedRevision, Revision } from './evidence.js';
import type { Change, Commit } from './log-parser.js';
import type { MergeVerdict } from './merge-verdicts.js';
import { lexicalRepoPath, repoPathOf } from './repository.js';
import { revisionFacts, type RevisionFacts } from './revision-facts.js';

const ZERO = /^0+$/;

/** The documents' history by path: every change that left a file, and the paths each path was renamed from. */
export interface HistoryIndex {
  changesByPath: Map<string, Array<{ commit: Commit; change: Change }>>;
  renamedFrom: Map<string, Set<string>>;
}

/** Indexes the changes of one log pass by path, and the renames by their new path. */
export function indexHistory(commits: ReadonlyArray<{ commit: Commit; changes: Change[] }>): HistoryIndex {
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
  return { changesByPath, renamedFrom };
}

/**
 * Old revisions read through one cat-file process, each blob read and its facts worked out once
 * (or taken from the cache of earlier runs, which learns what this run works out).
 */
export class RevisionReader {
  private readonly texts = new Map<string, Promise<string | { tooLarge: number }>>();
  private readonly facts = new Map<string, Promise<RevisionFacts | undefined>>();

  constructor(
    private readonly reader: BlobReader,
    private readonly cache: EvidenceCache | undefined,
  ) {}

  /** A blob's text, or its size when it is too large to read (0: missing). */
  text(blob: string): Promise<string | { tooLarge: number }> {
    let pending = this.texts.get(blob);
    if (!pending) {
      pending = this.reader.readObject(blob).then((read) => (read.kind === 'ok' ? read.bytes.toString('utf8') : read.kind === 'too-large' ? { tooLarge: read.size } : { tooLarge: 0 }));
      this.texts.set(blob, pending);
    }
    return pending;
  }

  /** The facts of a blob read as a document of `format`; undefined when it could not be read. */
  factsOf(blob: string, format: SourceDocument['format']): Promise<RevisionFacts | undefined> {
    let pending = this.facts.get(blob);
    if (!pending) {
      const cached = this.cache?.revision(blob, format);
      pending = cached
        ? Promise.resolve(cached)
        : this.text(blob).then((text) => {
            if (typeof text !== 'string') return undefined;
            const facts = revisionFacts(text, format);
            this.cache?.rememberRevision(blob, format, facts);
            return facts;
          });
      this.facts.set(blob, pending);
    }
    return pending;
  }
}

/** What the evidence of every document is gathered from. */
export interface EvidenceSources {
  /** The repository's top folder, symlinks resolved. */
  top: string;
  history: HistoryIndex;
  revisions: RevisionReader;
  graph: CommitGraph;
  /** Merges that made a change of their own, by `<commit>\0<path>`. */
  verdicts: ReadonlyMap<string, MergeVerdict>;
  /** Commits imported with the baseline. */
  imported: ReadonlySet<string>;
  /** Blobs by repository path at HEAD, and at `--base` when given. */
  headTree: ReadonlyMap<string, string>;
  baseTree: ReadonlyMap<string, string> | undefined;
  /** Revisions too large to read, collected here. */
  oversized: OversizedRevision[];
  /**
   * At a commit (`--at`): the documents root (symlinks resolved) that documents' paths are relative
   * to; each document is then the file of that name in the commit, whether or not the working tree has it.
   */
  lexicalRoot?: string;
}

/**
 * Everything git says of one document: its revisions under every name it had (renames followed),
 * oldest first, HEAD's state and how the working tree differs from it, and its state at `--base`.
 * Undefined when the document is not a file of the repository. `names` are every path it had.
 */
export async function documentEvidence(doc: SourceDocument, sources: EvidenceSources): Promise<{ evidence: DocumentEvidence; names: Set<string> } | undefined> {
  if (doc.text === undefined) return undefined;
  const { revisions: reader, headTree, baseTree } = sources;
  const repoPath = sources.lexicalRoot === undefined ? repoPathOf(sources.top, doc.absolutePath) : lexicalRepoPath(sources.top, sources.lexicalRoot, doc.path);
  if (!repoPath) return undefined;
  const { revisions, names } = await revisionsOf(repoPath, doc.format, sources);
  const headBlob = headTree.get(repoPath);
  let uncommitted: DocumentEvidence['uncommitted'] = 'untracked';
  let head: RevisionFacts | undefined;
  if (headBlob) {
    const headText = await reader.text(headBlob);
    head = await reader.factsOf(headBlob, doc.format);
    uncommitted = typeof headText === 'string' && normaliseText(headText) === doc.text ? 'clean' : 'modified';
  }
  // A clean document is what HEAD holds: its facts are HEAD's, read once per blob.
  const working = uncommitted === 'clean' && head ? head : revisionFacts(doc.text, doc.format);
  const evidence: DocumentEvidence = { revisions, head, ...(headBlob ? { headBlob } : {}), working, uncommitted };
  if (baseTree) {
    const basePath = [...names].find((name) => baseTree.has(name));
    evidence.base = basePath ? ((await reader.factsOf(baseTree.get(basePath)!, doc.format)) ?? null) : null;
    if (basePath) evidence.baseBlob = baseTree.get(basePath)!;
  }
  return { evidence, names };
}

/**
 * The revisions of the file at `repoPath` under every name it had (renames followed), oldest first,
 * and those names.
 */
async function revisionsOf(repoPath: string, format: SourceDocument['format'], sources: EvidenceSources): Promise<{ revisions: Revision[]; names: Set<string> }> {
  const { history, revisions: reader, graph, verdicts, imported } = sources;
  // Every name the document had: its path, and the paths it was renamed from, transitively.
  const names = new Set([repoPath]);
  for (const name of names) for (const from of history.renamedFrom.get(name) ?? []) names.add(from);
  const touches = [...names].flatMap((name) => history.changesByPath.get(name) ?? []);
  const revisions: Revision[] = [];
  for (const { commit, change } of touches) {
    const facts = await reader.factsOf(change.blob, format);
    if (!facts) {
      const text = await reader.text(change.blob);
      if (typeof text !== 'string' && text.tooLarge > 0) sources.oversized.push({ commit, path: change.path, size: text.tooLarge });
      continue;
    }
    const previous = ZERO.test(change.oldBlob) || change.oldBlob === '' ? undefined : await reader.factsOf(change.oldBlob, format);
    const verdict = verdicts.get(`${commit.hash}\0${change.path}`);
    revisions.push({
      commit,
      path: change.path,
      blob: change.blob,
      facts,
      before: previous,
      imported: imported.has(commit.hash),
      carried: commit.parents.length > 1 && verdict !== undefined && !verdict.made,
    });
  }
  // A merge that made a change the first-parent log cannot see (it kept the first parent's file
  // and dropped another side's change) is a revision too: from the dropped state to the kept one.
  for (const verdict of verdicts.values()) {
    if (!verdict.made || !names.has(verdict.path) || revisions.some((r) => r.commit.hash === verdict.commit.hash)) continue;
    const facts = await reader.factsOf(verdict.result, format);
    if (!facts) continue;
    const dropped = verdict.replaced === '' ? undefined : await reader.factsOf(verdict.replaced, format);
    revisions.push({ commit: verdict.commit, path: verdict.path, blob: verdict.result, facts, before: dropped, imported: imported.has(verdict.commit.hash), carried: false });
  }
  revisions.sort((a, b) => graph.compareOldestFirst(a.commit.hash, b.commit.hash));
  return { revisions, names };
}

/**
 * What git says of a document deleted at `repoPath`: its revisions up to the deletion, and (standing
 * in for its working text, which is gone) what it said just before it. Undefined when it had none.
 */
export async function removedEvidence(repoPath: string, format: SourceDocument['format'], sources: EvidenceSources): Promise<DocumentEvidence | undefined> {
  const { revisions } = await revisionsOf(repoPath, format, sources);
  const last = revisions.at(-1);
  return last ? { revisions, head: undefined, working: last.facts, uncommitted: 'clean' } : undefined;
}
