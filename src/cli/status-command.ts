import { check } from '../engine/check.js';
import { summarize } from '../reporters/report.js';
import { RULES } from '../rules/index.js';
import { buildStatus } from '../status/status.js';
import { statusTable } from '../status/status-table.js';
import { isIsoDate, todayIso } from '../text/dates.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, openWorkspace } from './open-workspace.js';
import { TOOL_VERSION } from './tool-version.js';

export async function statusCommand(options: { config?: string; format: string; asOf?: string; git?: boolean; cache?: boolean }, io: CliIo): Promise<ExitCode> {
  if (options.format !== 'table' && options.format !== 'json') throw new UsageError(messages.badFormat(options.format, ['table', 'json']));
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new UsageError(messages.badAsOf(options.asOf));
  const asOf = options.asOf ?? todayIso();
  const workspace = await openWorkspace(io, options.config);
  const git = options.git === false ? undefined : await gitEvidence(workspace, undefined, undefined, { cache: options.cache !== false });
  const validation = summarize(check(workspace, { asOf, rules: RULES, git }));
  const report = buildStatus(workspace, asOf, validation, git);
  io.stdout.write(options.format === 'json' ? JSON.stringify({ tool: { name: 'isms', version: TOOL_VERSION }, ...report }, null, 2) + '\n' : statusTable(report));
  return EXIT.ok;
}
