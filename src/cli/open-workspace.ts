import path from 'node:path';
import { competingConfigs, configCandidates, findConfig } from '../config/find-config.js';
import type { Config } from '../config/config.js';
import { loadConfig, parseConfig } from '../config/load-config.js';
import { discoverDocuments } from '../documents/discover.js';
import { loadWorkspace, type Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
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
export async function openWorkspace(io: CliIo, configOption: string | undefined): Promise<Workspace> {
  return loadWorkspace(openConfig(io, configOption), io.cwd);
}

/** Finds and validates the configuration; a broken configuration is a UsageError. */
export function openConfig(io: CliIo, configOption: string | undefined): Config {
  refuseTwoConfigurations(io, configOption);
  const configFile = findConfig(io.cwd, configOption);
  if (!configFile) throw new UsageError(messages.noConfig(displayPath(io.cwd, io.cwd)));
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

/**
 * The git evidence of a workspace; a bad --base is a usage error. Facts of old revisions come from the
 * repository's evidence cache and what is new is added to it, unless `cache` is false (--no-cache).
 */
export async function gitEvidence(workspace: Workspace | PendingWorkspace, base: string | undefined, baseConfigProblem?: string, options: { cache?: boolean } = {}): Promise<GitEvidence> {
  const { config } = workspace;
  let cacheFile: EvidenceCacheFile | undefined;
  const cache = options.cache === false ? {} : { cache: (paths: CachePaths) => (cacheFile = openEvidenceCache(paths, () => cacheStamp(TOOL_VERSION, config.file, RULE_IDS)))?.cache };
  try {
    const evidence = await buildEvidence(workspace, { knownRules: RULE_IDS, ...(base === undefined ? {} : { base }), ...(baseConfigProblem ? { baseConfigProblem } : {}), ...cache });
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
