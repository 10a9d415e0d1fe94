import { check } from '../engine/check.js';
import { summarize } from '../reporters/report.js';
import { RULES } from '../rules/index.js';
import { buildStatus } from '../status/status.js';
import { statusTable } from '../status/status-table.js';
import { isIsoDate, todayIso } from '../text/dates.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, openWorkspace, openWorkspaceAt, pointDay, reportPoint, resolvePoint } from './open-workspace.js';
import { TOOL_VERSION } from './tool-version.js';

export interface StatusOptions {
  config?: string;
  format: string;
  asOf?: string;
  at?: string;
  git?: boolean;
  cache?: boolean;
}

export async function statusCommand(options: StatusOptions, io: CliIo): Promise<ExitCode> {
  if (options.format !== 'table' && options.format !== 'json') throw new UsageError(messages.badFormat(options.format, ['table', 'json']));
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new UsageError(messages.badAsOf(options.asOf));
  if (options.at !== undefined && options.git === false) throw new UsageError(messages.atWithoutGit());
  const at = options.at === undefined ? undefined : await resolvePoint(io, options.config, '--at', options.at);
  // At a point of history, "today" is that day unless --as-of says otherwise: reviews were due as they were then.
  const asOf = options.asOf ?? (at ? pointDay(at) : todayIso());
  const workspace = at ? await openWorkspaceAt(io, options.config, at) : await openWorkspace(io, options.config);
  const git = options.git === false ? undefined : await gitEvidence(workspace, undefined, undefined, { cache: options.cache !== false, ...(at ? { at } : {}) });
  const validation = summarize(check(workspace, { asOf, rules: RULES, git }));
  const report = buildStatus(workspace, asOf, validation, git, at ? reportPoint(at) : undefined);
  io.stdout.write(options.format === 'json' ? JSON.stringify({ tool: { name: 'isms', version: TOOL_VERSION }, ...report }, null, 2) + '\n' : statusTable(report));
  return EXIT.ok;
}
