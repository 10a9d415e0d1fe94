import { toCsv } from '../export/csv.js';
import { EXPORT_FORMATS, EXPORT_KINDS, sourceSentence, type ExportFormat, type ExportKind } from '../export/export-table.js';
import { toJson } from '../export/json.js';
import { toXlsx } from '../export/xlsx.js';
import { exportSource, exportTable } from './export-source.js';
import { escapeControls } from '../text/controls.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import type { Workspace } from '../documents/workspace.js';
import { loadWorkspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
import { gitEvidence, keptFiles, openConfig, openWorkspaceAt, pointDay, resolvePoint, type HistoryAt } from './open-workspace.js';
import { todayIso } from '../text/dates.js';
import { openOutputFile, writeOutputFile } from './output-file.js';
import { sourceTime } from './source-time.js';
import { TOOL_VERSION } from './tool-version.js';

export interface ExportOptions {
  config?: string;
  format: string;
  output?: string;
  force?: boolean;
  at?: string;
  /** false with --no-cache. */
  cache?: boolean;
}

async function readAt(io: CliIo, options: ExportOptions, at: HistoryAt): Promise<{ workspace: Workspace; git: GitEvidence }> {
  const workspace = await openWorkspaceAt(io, options.config, at, { metadataOnly: true });
  return { workspace, git: await gitEvidence(workspace, undefined, undefined, { cache: options.cache !== false, at }) };
}

async function readWorkingTree(io: CliIo, options: ExportOptions): Promise<{ workspace: Workspace; git: GitEvidence }> {
  const config = openConfig(io, options.config);
  const loaded = loadWorkspace(config, io.cwd, [], { metadataOnly: true });
  const history = gitEvidence({ config, loaded }, undefined, undefined, { cache: options.cache !== false });
  history.catch(() => undefined);
  const workspace = await loaded;
  return { workspace, git: await history };
}

export async function exportCommand(what: string, options: ExportOptions, io: CliIo): Promise<ExitCode> {
  if (!(EXPORT_KINDS as readonly string[]).includes(what)) throw new UsageError(messages.badExport(what, EXPORT_KINDS));
  const kind = what as ExportKind;
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(messages.badFormat(options.format, EXPORT_FORMATS));
  const format = options.format as ExportFormat;
  if (format === 'xlsx' && options.output === undefined && io.stdout.isTTY === true) throw new UsageError(messages.workbookToTerminal());
  const at = options.at === undefined ? undefined : await resolvePoint(io, options.config, '--at', options.at);
  // An export reads metadata and data: no Markdown body is parsed. The history is read meanwhile.
  const { workspace, git } = at ? await readAt(io, options, at) : await readWorkingTree(io, options);
  const output = options.output === undefined ? undefined : await openOutputFile(io, options.output, { force: options.force === true, kept: keptFiles(workspace) });
  const source = await exportSource(workspace, git, at);
  const table = exportTable(kind, { workspace, git, source, asOf: at ? pointDay(at) : todayIso() });
  const data = format === 'csv' ? toCsv(table) : format === 'json' ? toJson(table, TOOL_VERSION) : toXlsx(table, { time: sourceTime(io, source.committed), toolVersion: TOOL_VERSION });
  const summary = messages.exported(table.title, table.rows.length, sourceSentence(source));
  if (output) {
    writeOutputFile(io, output, data);
    io.stdout.write(`${escapeControls(`${summary}: ${output.shown}`)}\n`);
  } else {
    io.stdout.write(data);
    io.stderr.write(`isms: ${escapeControls(summary)}\n`);
  }
  return EXIT.ok;
}
