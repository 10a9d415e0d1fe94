import path from 'node:path';
import { selectDocuments } from '../documents/select-documents.js';
import { loadWorkspace, type Workspace } from '../documents/workspace.js';
import { check, type CheckResult } from '../engine/check.js';
import { errorsOnly } from '../engine/pipeline.js';
import { reviewFindings, type ReviewSummary } from '../engine/review-summary.js';
import type { GitEvidence } from '../git/evidence.js';
import { headOf } from '../git/commit-of.js';
import { FORMAT_NAMES, reporterNamed } from '../reporters/index.js';
import { summarize, type Reporter } from '../reporters/report.js';
import { ruleInfo } from '../rules/catalogue.js';
import { RULES } from '../rules/index.js';
import { isIsoDate, todayIso } from '../text/dates.js';
import { displayPath } from '../text/paths.js';
import { useColor } from './color.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, keptFiles, openConfig, openConfigAtBase } from './open-workspace.js';
import { sourceLinks } from './source-links.js';
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
  /** Report errors only (warnings still count for --max-warnings). */
  quiet?: boolean;
  /** true with --color, false with --no-color, undefined: decided by the environment. */
  color?: boolean;
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
  const { config, baseConfigProblem } =
    options.base !== undefined ? await openConfigAtBase(io, options.config, options.base) : { config: openConfig(io, options.config), baseConfigProblem: undefined };
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

async function validateWorkspace(
  workspace: Workspace,
  history: Promise<GitEvidence> | undefined,
  paths: string[],
  options: ValidateOptions,
  io: CliIo,
  reporter: Reporter,
  maxWarnings: number | undefined,
): Promise<ExitCode> {
  const output = options.output === undefined ? undefined : await openOutputFile(io, options.output, { force: options.force === true, kept: keptFiles(workspace) });
  const git = await history;
  const selection = selectDocuments(paths, io.cwd, workspace.documents);
  if (!selection.ok)
    throw new UsageError(selection.kind === 'no-match' ? messages.noDocumentMatches(selection.given) : messages.noDocumentAt(displayPath(io.cwd, path.resolve(io.cwd, selection.given))));
  const asOf = options.asOf ?? todayIso();
  const result = check(workspace, {
    asOf,
    rules: RULES,
    include: selection.include,
    git,
  });
  const summary = summarize(result);
  const passed = summary.errors === 0 && (maxWarnings === undefined || summary.warnings <= maxWarnings);
  const shown: CheckResult = options.quiet === true ? { ...result, diagnostics: errorsOnly(result.diagnostics) } : result;
  const review = options.format === 'markdown' ? await reviewSummary(workspace, git, shown, selection.include, io, { passed, maxWarnings, useGit: options.git !== false, asOf }) : undefined;

  if (io.env['ISMS_DEBUG'] === '1') {
    for (const failure of result.failures) io.stderr.write(`isms: ${messages.ruleFailed(failure.rule, (failure.error as Error)?.stack ?? String(failure.error))}\n`);
  }

  const text = reporter({
    tool: { name: 'isms', version: TOOL_VERSION },
    result: shown,
    rules: RULES.map(ruleInfo),
    color: useColor(options.color, io.env, { file: options.output !== undefined, isTTY: io.stdout.isTTY === true }),
    ...(options.quiet === true ? { quiet: true } : {}),
    ...(review ? { review } : {}),
  });
  if (output) writeOutputFile(io, output, text);
  else io.stdout.write(text);

  if (passed) return EXIT.ok;
  if (summary.errors === 0 && maxWarnings !== undefined) io.stderr.write(`isms: ${messages.tooManyWarnings(summary.warnings, maxWarnings)}\n`);
  return EXIT.findings;
}

/** The pull-request summary's data: changes against --base, approvals still needed, links to files, the gate. */
async function reviewSummary(
  workspace: Workspace,
  git: GitEvidence | undefined,
  shown: CheckResult,
  include: Parameters<typeof reviewFindings>[4],
  io: CliIo,
  gate: { passed: boolean; maxWarnings: number | undefined; useGit: boolean; asOf: string },
): Promise<ReviewSummary> {
  const found = reviewFindings(workspace, git, io.cwd, gate.asOf, include);
  const files = new Set([...shown.diagnostics.map((d) => d.file), ...(found.changes ?? []).map((change) => change.file), ...found.approvals.map((pending) => pending.file)]);
  const head = gate.useGit ? await headOf(io.cwd) : undefined;
  return { ...found, fileLinks: sourceLinks(files, io.cwd, io.env, head), gate: { passed: gate.passed, maxWarnings: gate.maxWarnings ?? null } };
}
