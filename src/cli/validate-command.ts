import path from 'node:path';
import { displayPath } from '../documents/discover.js';
import { loadWorkspace, type Workspace } from '../documents/workspace.js';
import { check } from '../engine/check.js';
import type { GitEvidence } from '../git/evidence.js';
import { FORMAT_NAMES, reporterNamed } from '../reporters/index.js';
import { summarize, type Reporter } from '../reporters/report.js';
import { RULES } from '../rules/index.js';
import { isIsoDate, todayIso } from '../text/dates.js';
import { isInside } from '../text/paths.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, keptFiles, openConfig, openConfigAtBase } from './open-workspace.js';
import { TOOL_VERSION } from './tool-version.js';
import { openOutputFile, writeOutputFile } from './output-file.js';

export interface ValidateOptions {
  config?: string;
  format: string;
  output?: string;
  asOf?: string;
  maxWarnings?: string;
  base?: string;
  /** false with --no-git. */
  git?: boolean;
  /** Overwrite a controlled document or a tracked file with --output. */
  force?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: CliIo): Promise<ExitCode> {
  const reporter = reporterNamed(options.format);
  if (!reporter) throw new UsageError(messages.badFormat(options.format, FORMAT_NAMES));
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new UsageError(messages.badAsOf(options.asOf));
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0 && /^\d+$/.test(options.maxWarnings ?? ''))) {
    throw new UsageError(messages.badMaxWarnings(options.maxWarnings ?? ''));
  }

  if (options.git === false && options.base !== undefined) throw new UsageError(messages.baseWithoutGit());
  const { config, baseConfigProblem } = options.base !== undefined ? await openConfigAtBase(io, options.config, options.base) : { config: openConfig(io, options.config), baseConfigProblem: undefined };
  // The history is read (git works in its own processes) while the documents are read and parsed.
  const loaded = loadWorkspace(config, io.cwd);
  const history = options.git === false ? undefined : gitEvidence({ config, loaded }, options.base, baseConfigProblem, { cache: options.cache !== false });
  // Its failure (a bad --base) is reported where it is awaited, not as an unhandled rejection meanwhile.
  history?.catch(() => undefined);
  try {
    return await validateWorkspace(await loaded, history, paths, options, io, reporter, maxWarnings);
  } finally {
    // A run stopped by a usage error still lets the history it started finish before it returns.
    await history?.catch(() => undefined);
  }
}

async function validateWorkspace(workspace: Workspace, history: Promise<GitEvidence> | undefined, paths: string[], options: ValidateOptions, io: CliIo, reporter: Reporter, maxWarnings: number | undefined): Promise<ExitCode> {
  const output = options.output === undefined ? undefined : await openOutputFile(io, options.output, { force: options.force === true, kept: keptFiles(workspace) });
  const git = await history;
  const targets = paths.map((p) => path.resolve(io.cwd, p));
  for (const target of targets) {
    const covers = workspace.documents.some((doc) => isInside(target, doc.absolutePath));
    if (!covers) throw new UsageError(messages.noDocumentAt(displayPath(io.cwd, target)));
  }
  const result = check(workspace, {
    asOf: options.asOf ?? todayIso(),
    rules: RULES,
    include: targets.length === 0 ? undefined : (doc) => targets.some((target) => isInside(target, doc.absolutePath)),
    git,
  });

  if (io.env['ISMS_DEBUG'] === '1') {
    for (const failure of result.failures) io.stderr.write(`isms: ${messages.ruleFailed(failure.rule, (failure.error as Error)?.stack ?? String(failure.error))}\n`);
  }

  const text = reporter({
    tool: { name: 'isms', version: TOOL_VERSION },
    result,
    rules: RULES,
    color: options.output === undefined && io.stdout.isTTY === true && io.env['NO_COLOR'] === undefined,
  });
  if (output) writeOutputFile(io, output, text);
  else io.stdout.write(text);

  const summary = summarize(result);
  if (summary.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.stderr.write(`isms: ${messages.tooManyWarnings(summary.warnings, maxWarnings)}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
