import { collectChanges } from '../changes/changes.js';
import { changesMarkdown } from '../changes/changes-markdown.js';
import { loadTemplates, TemplateError } from '../render/site/templates.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { describePoint, gitEvidence, keptFiles, openWorkspaceAt, resolvePoint } from './open-workspace.js';
import { openOutputFile, writeOutputFile } from './output-file.js';
import { TOOL_VERSION } from './tool-version.js';

export interface ChangesOptions {
  config?: string;
  format: string;
  output?: string;
  force?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
}

const FORMATS = ['md', 'json', 'html'];

export async function changesCommand(fromArg: string, toArg: string, options: ChangesOptions, io: CliIo): Promise<ExitCode> {
  if (!FORMATS.includes(options.format)) throw new UsageError(messages.badFormat(options.format, FORMATS));
  // A date before the history means "from the start"; an end must be a commit.
  const from = await resolvePoint(io, options.config, 'from', fromArg, { beforeHistory: 'start' });
  const to = await resolvePoint(io, options.config, 'to', toArg);
  // The report reads metadata (ids, titles) from the documents, the rest from git: no Markdown body is parsed.
  const workspace = await openWorkspaceAt(io, options.config, to, { metadataOnly: true });
  const output = options.output === undefined ? undefined : await openOutputFile(io, options.output, { force: options.force === true, kept: keptFiles(workspace) });
  const git = await gitEvidence(workspace, undefined, undefined, { cache: options.cache !== false, at: to });
  if (from && !git.graph?.contains(from.commit.hash)) throw new UsageError(messages.fromNotBeforeTo(describePoint(from.commit), describePoint(to.commit)));
  const report = collectChanges(workspace, git, { ...(from ? { from: from.commit } : {}), to: to.commit });
  let text: string;
  if (options.format === 'md') {
    text = changesMarkdown(report);
  } else if (options.format === 'json') {
    text = JSON.stringify({ tool: { name: 'isms', version: TOOL_VERSION }, ...report }, null, 2) + '\n';
  } else {
    let templates;
    try {
      templates = loadTemplates(workspace.config.root, workspace.config.publish.templates);
    } catch (error) {
      if (error instanceof TemplateError) throw new UsageError(error.message);
      throw error;
    }
    text = (await import('../render/site/changes-page.js')).changesHtml(report, templates, TOOL_VERSION);
  }
  if (output) writeOutputFile(io, output, text);
  else io.stdout.write(text);
  return EXIT.ok;
}
