import { existsSync } from 'node:fs';
import path from 'node:path';
import { competingConfigs, configCandidates, findConfig } from '../config/find-config.js';
import type { Config } from '../config/config.js';
import { loadConfig, parseConfig } from '../config/load-config.js';
import { discoverDocuments } from '../documents/discover.js';
import { loadWorkspace, type Workspace } from '../documents/workspace.js';
import type { ReadOptions } from '../documents/load-document.js';
import { repositoryStatusWords, type GitEvidence } from '../git/evidence.js';
import { openCommitSnapshot } from '../git/commit-snapshot.js';
import type { Commit } from '../git/log-parser.js';
import { committedOn, pointInHistory } from '../git/point-in-history.js';
import { loadFolderWorkspace } from '../documents/snapshot-workspace.js';
import type { ReportPoint } from '../status/status.js';
import { buildEvidence, type PendingWorkspace } from '../git/build-evidence.js';
import { baseRefError, GitRefError } from '../git/repository.js';
import { cacheStamp, type CachePaths } from '../git/evidence-cache.js';
import { readAtRef } from '../git/read-at-ref.js';
import { RULE_IDS } from '../rules/index.js';
import { UsageError, type CliIo } from './io.js';
import type { KeptFiles } from './output-file.js';
import { openEvidenceCache, type EvidenceCacheFile } from './evidence-cache-file.js';
import { messages } from './messages.js';
import { TOOL_VERSION } from './tool-version.js';
import { displayPath } from '../text/paths.js';

/** Finds and validates the configuration, then reads every document; a broken configuration is a UsageError. */
export async function openWorkspace(io: CliIo, configOption: string | undefined, options: ReadOptions = {}): Promise<Workspace> {
  return loadWorkspace(openConfig(io, configOption), io.cwd, [], options);
}

/** The configuration file a command uses (`--config`, else where isms looks for one); none is a UsageError. */
function configFileOf(io: CliIo, configOption: string | undefined): string {
  refuseTwoConfigurations(io, configOption);
  const configFile = findConfig(io.cwd, configOption);
  if (!configFile) throw new UsageError(messages.noConfig(displayPath(io.cwd, io.cwd)));
  return configFile;
}

/** Finds and validates the configuration; a broken configuration is a UsageError. */
export function openConfig(io: CliIo, configOption: string | undefined): Config {
  const configFile = configFileOf(io, configOption);
  const loaded = loadConfig(configFile, RULE_IDS);
  if (!loaded.ok) {
    const file = displayPath(io.cwd, loaded.file);
    throw new UsageError(
      messages.brokenConfig(loaded.problems.length),
      loaded.problems.map((p) => `${file}:${p.at.line}:${p.at.column}: ${p.message}`),
    );
  }
  return loaded.config;
}

/**
 * Two configurations where one is looked for (in or above the current folder, and isms-docs/ below it)
 * would let a new one silently take over from the other: name the one with --config.
 */
function refuseTwoConfigurations(io: CliIo, configOption: string | undefined): void {
  if (configOption !== undefined) return;
  const found = competingConfigs(io.cwd);
  if (found.length > 1) throw new UsageError(messages.twoConfigs(found.map((file) => displayPath(io.cwd, file))));
}

/**
 * For a pull request (`--base`): the configuration as the base has it, as GitHub reads CODEOWNERS
 * from the base branch, so that the changes being judged cannot rewrite the rules that judge them.
 * Found where the base has it (the same candidates as `findConfig`); when the base has none, or an
 * invalid one, the working configuration is used and `baseConfigProblem` says why.
 */
export async function openConfigAtBase(io: CliIo, configOption: string | undefined, base: string): Promise<{ config: Config; baseConfigProblem?: string }> {
  refuseTwoConfigurations(io, configOption);
  let problem = `no isms.config.yaml at ${base}: the pull request brings its own configuration, which nothing at the base governs`;
  for (const candidate of configCandidates(io.cwd, configOption)) {
    const read = await readAtRef(candidate, base);
    if (read.kind === 'bad-ref') throw new UsageError(baseRefError(base).message);
    if (read.kind !== 'ok') continue;
    const parsed = parseConfig(read.bytes, candidate, RULE_IDS);
    if (parsed.ok) return { config: parsed.config };
    problem = `the isms.config.yaml at ${base} is not valid (${parsed.problems[0]?.message ?? 'invalid'}), so the pull request's own configuration was used`;
    break;
  }
  return { config: openConfig(io, configOption), baseConfigProblem: problem };
}

/** A point of history a command reads: the commit, and how it was named (`given`; `byDate` for a date). */
export interface HistoryAt {
  commit: Commit;
  /** The option or argument that named it (`--at`, `from`, `to`), and what it said. */
  option: string;
  given: string;
  byDate: boolean;
}

/** The day a point of history stands for: the date given, else the commit's committer day. */
export function pointDay(at: HistoryAt): string {
  return at.byDate ? at.given : committedOn(at.commit);
}

/** A point of history as reports carry it. */
export function reportPoint(at: HistoryAt): ReportPoint {
  return { given: at.given, commit: at.commit.hash, date: committedOn(at.commit) };
}

/** How output names a point of history: `b6ac741 (2026-11-27)`, the commit and its committer's day. */
export function describePoint(commit: Commit): string {
  return `${commit.hash.slice(0, 7)} (${committedOn(commit)})`;
}

/**
 * The commit `value` names for `option` (`--at`, or an end of `isms changes`), found from the folder of
 * the configuration the command uses: a commit, branch or tag, or for a date the newest commit on
 * HEAD's first-parent line committed on or before it. Anything else is a usage error (exit 2).
 */
export async function resolvePoint(io: CliIo, configOption: string | undefined, option: string, value: string): Promise<HistoryAt>;
/** With `beforeHistory: 'start'`, a date before the history names its start: undefined. */
export async function resolvePoint(io: CliIo, configOption: string | undefined, option: string, value: string, options: { beforeHistory: 'start' }): Promise<HistoryAt | undefined>;
export async function resolvePoint(io: CliIo, configOption: string | undefined, option: string, value: string, options?: { beforeHistory: 'start' }): Promise<HistoryAt | undefined> {
  const folder = path.dirname(configFileOf(io, configOption));
  if (!existsSync(folder)) throw new UsageError(messages.noConfig(displayPath(io.cwd, folder)));
  const point = await pointInHistory(folder, value);
  if (point.ok) return { commit: point.commit, option, given: value, byDate: point.byDate };
  if (point.kind === 'before-history' && options?.beforeHistory === 'start') return undefined;
  switch (point.kind) {
    case 'not-a-date':
      throw new UsageError(messages.pointNotADate(option, value));
    case 'not-a-commit':
      throw new UsageError(messages.pointNotACommit(option, value));
    case 'before-history':
      throw new UsageError(messages.pointBeforeHistory(option, value, describePoint(point.first)));
    case 'shallow':
      throw new UsageError(messages.pointWithoutHistory(option, value, repositoryStatusWords({ kind: 'shallow' })));
    case 'no-commits':
      throw new UsageError(messages.pointWithoutHistory(option, value, repositoryStatusWords({ kind: 'no-commits' })));
    default:
      throw new UsageError(messages.pointWithoutHistory(option, value, repositoryStatusWords({ kind: 'not-repository' })));
  }
}

/**
 * The workspace as a commit holds it, read from git objects and never from the working tree: the
 * configuration of that commit (found where the command finds today's), and the controlled documents
 * it selects there. A missing or broken configuration at that commit is a usage error.
 */
export async function openWorkspaceAt(io: CliIo, configOption: string | undefined, at: HistoryAt, options: ReadOptions = {}): Promise<Workspace> {
  const configFile = configFileOf(io, configOption);
  const shownCommit = describePoint(at.commit);
  const snapshot = await openCommitSnapshot(path.dirname(configFile), at.commit.hash);
  if (!snapshot) throw new UsageError(messages.pointNotACommit(at.option, at.given));
  try {
    const name = path.basename(configFile);
    const entry = snapshot.files.get(name);
    if (!entry) throw new UsageError(messages.configMissingAt(name, shownCommit));
    if (entry.mode === '120000') throw new UsageError(messages.configLinkAt(name, shownCommit));
    const read = await snapshot.read(name);
    if (read.kind !== 'ok') throw new UsageError(messages.configMissingAt(name, shownCommit));
    // A configuration read from history is held to the rules of its time (git.baseline may be abbreviated
    // there; the baseline in force is still judged from the history, which takes full hashes only).
    const parsed = parseConfig(read.bytes, configFile, RULE_IDS, { history: true });
    if (!parsed.ok) {
      throw new UsageError(
        messages.brokenConfigAt(shownCommit, parsed.problems.length),
        parsed.problems.map((p) => `${at.commit.hash.slice(0, 7)}:${displayPath(io.cwd, configFile)}:${p.at.line}:${p.at.column}: ${p.message}`),
      );
    }
    return await loadFolderWorkspace(parsed.config, io.cwd, snapshot, options);
  } finally {
    snapshot.close();
  }
}

/**
 * The git evidence of a workspace; a bad --base is a usage error. Facts of old revisions come from the
 * repository's evidence cache and what is new is added to it, unless `cache` is false (--no-cache).
 */
export async function gitEvidence(
  workspace: Workspace | PendingWorkspace,
  base: string | undefined,
  baseConfigProblem?: string,
  options: { cache?: boolean; at?: HistoryAt } = {},
): Promise<GitEvidence> {
  const { config } = workspace;
  let cacheFile: EvidenceCacheFile | undefined;
  const cache = options.cache === false ? {} : { cache: (paths: CachePaths) => (cacheFile = openEvidenceCache(paths, () => cacheStamp(TOOL_VERSION, config.file, RULE_IDS)))?.cache };
  try {
    const evidence = await buildEvidence(workspace, {
      knownRules: RULE_IDS,
      ...(base === undefined ? {} : { base }),
      ...(baseConfigProblem ? { baseConfigProblem } : {}),
      ...(options.at ? { at: options.at.commit.hash } : {}),
      ...cache,
    });
    cacheFile?.save();
    return evidence;
  } catch (error) {
    if (error instanceof GitRefError) throw new UsageError(error.message);
    throw error;
  }
}

/** What a command's output file must not silently replace in this workspace. */
export function keptFiles(workspace: Workspace): KeptFiles {
  return { config: workspace.config.file, documents: workspace.documents.map((doc) => doc.absolutePath) };
}

/**
 * The same for commands that read no workspace (soa migrate): the configuration found from the current
 * folder and the documents under it, found by name and not read; with a broken configuration, every
 * document-like file under its folder. Nothing when there is no configuration.
 */
export async function keptFilesNear(io: CliIo): Promise<KeptFiles> {
  const configFile = findConfig(io.cwd, undefined);
  if (!configFile) return { documents: [] };
  const loaded = loadConfig(configFile, RULE_IDS);
  const root = loaded.ok ? loaded.config.root : path.dirname(configFile);
  const discovery = await discoverDocuments({ root, cwd: io.cwd, ignore: loaded.ok ? loaded.config.ignore : [] }).catch(() => ({ documents: [] }));
  return { config: configFile, documents: discovery.documents.map((doc) => doc.absolutePath) };
}
