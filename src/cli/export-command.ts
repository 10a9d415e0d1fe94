import { toCsv } from '../export/csv.js';
import { EXPORT_FORMATS, EXPORT_KINDS, sourceSentence, type ExportFormat, type ExportKind } from '../export/export-table.js';
import { toJson } from '../export/json.js';
import { exportSource, exportTable } from './export-source.js';
import { escapeControls } from '../text/controls.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, keptFiles, openWorkspace, openWorkspaceAt, resolvePoint } from './open-workspace.js';
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

export async function exportCommand(what: string, options: ExportOptions, io: CliIo): Promise<ExitCode> {
  if (!(EXPORT_KINDS as readonly string[]).includes(what)) throw new UsageError(messages.badExport(what, EXPORT_KINDS));
  const kind = what as ExportKind;
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(messages.badFormat(options.format, EXPORT_FORMATS));
  const format = options.format as ExportFormat;
  if (format === 'xlsx' && options.output === undefined && io.stdout.isTTY === true) throw new UsageError(messages.workbookToTerminal());
  const at = options.at === undefined ? undefined : await resolvePoint(io, options.config, '--at', options.at);
  const workspace = at ? await openWorkspaceAt(io, options.config, at) : await openWorkspace(io, options.config);
  const output = options.output === undefined ? undefined : await openOutputFile(io, options.output, { force: options.force === true, kept: keptFiles(workspace) });
  const git = await gitEvidence(workspace, undefined, undefined, { cache: options.cache !== false, ...(at ? { at } : {}) });
  const source = await exportSource(workspace, git, at);
  const table = exportTable(kind, { workspace, git, source });
  const data =
    format === 'csv'
      ? toCsv(table)
      : format === 'json'
        ? toJson(table, TOOL_VERSION)
        : await (await import('../export/xlsx.js')).toXlsx(table, { time: sourceTime(io, source.committed), toolVersion: TOOL_VERSION });
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
