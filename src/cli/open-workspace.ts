import { findConfig } from '../config/find-config.js';
import { loadConfig } from '../config/load-config.js';
import { displayPath } from '../documents/discover.js';
import { loadWorkspace, type Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
import { buildEvidence, GitRefError } from '../git/build-evidence.js';
import { RULE_IDS } from '../rules/index.js';
import { UsageError, type CliIo } from './io.js';
import { messages } from './messages.js';

/** Finds and validates the configuration, then reads every document; a broken configuration is a UsageError. */
export async function openWorkspace(io: CliIo, configOption: string | undefined): Promise<Workspace> {
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
  return loadWorkspace(loaded.config, io.cwd);
}

/** The git evidence of a workspace; a bad --base is a usage error. */
export async function gitEvidence(workspace: Workspace, base: string | undefined): Promise<GitEvidence> {
  try {
    return await buildEvidence(workspace, { knownRules: RULE_IDS, ...(base === undefined ? {} : { base }) });
  } catch (error) {
    if (error instanceof GitRefError) throw new UsageError(error.message);
    throw error;
  }
}
