import path from 'node:path';
import { audienceOf, buildAudience, type Config } from '../config/config.js';
import { check } from '../engine/check.js';
import type { GitEvidence } from '../git/evidence.js';
import { headCommit, pointInHistory } from '../git/point-in-history.js';
import type { Commit } from '../git/log-parser.js';
import { collectChanges, type ChangeReport } from '../changes/changes.js';
import type { Workspace } from '../documents/workspace.js';
import { exportsOf } from '../export/export-tables.js';
import { exportSource } from './export-source.js';
import { sourceTime } from './source-time.js';
import { workingChanges } from '../git/working-changes.js';
import { buildOutputs, EXPORTS_FOLDER, manualFileName } from '../render/build-outputs.js';
import { buildPublication, publishedIn, shownInPublication, type Publication } from '../render/publication.js';
import { loadTemplates, TemplateError } from '../render/site/templates.js';
import { summarize } from '../reporters/report.js';
import { RULES } from '../rules/index.js';
import { nameLine } from '../sign/certificate-facts.js';
import { escapeControls } from '../text/controls.js';
import { addMonths, todayIso } from '../text/dates.js';
import { displayPath, isInside } from '../text/paths.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, openWorkspace, openWorkspaceAt, resolvePoint } from './open-workspace.js';
import { TOOL_VERSION } from './tool-version.js';
import { openSigningKey, refuseInvalidCertificate, takePassphrase } from './signing-key-option.js';
import { outFolderProblem, followLinks, replaceFolder } from './write-tree.js';

export interface BuildCommandOptions {
  config?: string;
  out?: string;
  html?: boolean;
  pdf?: boolean;
  release?: boolean;
  signKey?: string;
  passphraseFile?: string;
  audience?: string;
  at?: string;
}

/** How far back the site's Changes page looks from the build's date. */
const CHANGES_WINDOW_MONTHS = 12;

/**
 * What changed in the 12 months before the build's date (the commit's date in a release or at --at),
 * for the documents this audience may read; undefined without git history. The window starts at the
 * newest commit on the build commit's first-parent line on or before that day, or with the history.
 */
async function changesForSite(workspace: Workspace, git: GitEvidence, publication: Publication, to: Commit, buildDay: string): Promise<{ report: ChangeReport; window: string } | undefined> {
  if (git.status.kind !== 'ok') return undefined;
  const { config } = workspace;
  const since = addMonths(buildDay, -CHANGES_WINDOW_MONTHS);
  const start = await pointInHistory(config.root, since, to.hash);
  if (!start.ok && start.kind !== 'before-history') return undefined;
  const report = collectChanges(workspace, git, { ...(start.ok ? { from: start.commit } : {}), to, include: shownInPublication(workspace, publication) });
  return { report, window: messages.changesWindow(CHANGES_WINDOW_MONTHS, since, buildDay) };
}

/** What stderr says of the publication: what was left out and why, and what is published as DRAFT or OBSOLETE. */
function publicationNotes(publication: Publication, config: Config): string[] {
  const ids = (list: ReadonlyArray<{ id: string }>) => list.map((d) => d.id).join(', ');
  const forAudience = publication.leftOut.filter((d) => d.reason === 'audience');
  const notApproved = publication.leftOut.filter((d) => d.reason === 'not-approved');
  const drafts = publication.documents.filter((d) => !d.validlyApproved && !d.retired);
  const retired = publication.documents.filter((d) => d.retired);
  const max = publication.audience !== undefined ? audienceOf(config, publication.audience)?.maxClassification : undefined;
  return [
    ...(forAudience.length > 0 ? [messages.leftOutForAudience(publication.audience ?? '', max, ids(forAudience))] : []),
    ...(notApproved.length > 0 ? [messages.leftOutNotApproved(ids(notApproved))] : []),
    ...(drafts.length > 0 ? [messages.publishedAsDraft(ids(drafts))] : []),
    ...(retired.length > 0 ? [messages.publishedAsObsolete(ids(retired))] : []),
  ];
}

export async function buildCommand(options: BuildCommandOptions, io: CliIo): Promise<ExitCode> {
  // First of all, before any child process can inherit it (SAFETY.md item 9).
  const passphrase = takePassphrase(io);
  if (options.signKey !== undefined && options.release !== true) throw new UsageError(messages.signingNeedsRelease());
  const key = await openSigningKey(io, options, passphrase);
  const at = options.at === undefined ? undefined : await resolvePoint(io, options.config, '--at', options.at);
  const workspace = at ? await openWorkspaceAt(io, options.config, at) : await openWorkspace(io, options.config);
  const { config } = workspace;
  const out = followLinks(path.resolve(io.cwd, options.out ?? path.join(config.root, '_site')));
  const shownOut = displayPath(io.cwd, out);
  if (isInside(out, followLinks(config.root))) throw new UsageError(messages.outContainsDocuments(shownOut));
  const problem = outFolderProblem(out);
  if (problem) throw new UsageError(messages.outNotReplaceable(shownOut, problem));
  const release = options.release === true;
  const audience = buildAudience(config, options.audience);
  if (!audience.ok) throw new UsageError(messages.unknownAudience(options.audience ?? '', audience.defined));
  // A release (the only build that is signed) reads everything from git itself, never from the cache.
  const git: GitEvidence = await gitEvidence(workspace, undefined, undefined, { cache: !release, ...(at ? { at } : {}) });
  // The commit built: --at's, else HEAD's (none outside git).
  const built = at?.commit ?? (git.status.kind === 'ok' ? await headCommit(config.root) : undefined);
  // A release, or a build at a point of history, takes its time from the commit: the same commit gives the same output.
  const fromCommit = release || at !== undefined;
  const time = sourceTime(io, fromCommit ? built?.committerDate : undefined);
  const asOf = fromCommit ? time.toISOString().slice(0, 10) : todayIso();
  if (key) refuseInvalidCertificate(io, options.signKey!, key, time);

  // Under --release, documents that differ from HEAD are an error, not a warning.
  const summary = summarize(check(workspace, { asOf, rules: RULES, git, ...(release ? { severity: { 'git-uncommitted': 'error' } } : {}) }));
  if (release) {
    if (git.status.kind !== 'ok') throw new UsageError(messages.releaseNeedsGit(git.status.kind));
    // At a point of history nothing is read from the working tree, so nothing in it can be uncommitted.
    const changes = at ? { ok: true as const, toplevel: '', modified: [], untracked: [], deleted: [] } : await workingChanges(config.root, { exclude: [out] });
    if (!changes.ok) throw new UsageError(messages.releaseNeedsGit(changes.message));
    const dirty = [...changes.modified, ...changes.untracked, ...changes.deleted].sort().map((file) => escapeControls(displayPath(io.cwd, path.join(changes.toplevel, file))));
    if (dirty.length > 0 || summary.errors > 0) {
      io.stderr.write(`isms: ${messages.releaseRefused(summary.errors, dirty)}\n`);
      return EXIT.findings;
    }
  }

  let templates;
  try {
    templates = loadTemplates(config.root, config.publish.templates);
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  const commit = built?.hash;
  const publication = buildPublication(workspace, git, {
    buildTime: time.toISOString(),
    asOf,
    ...(commit ? { commit } : {}),
    ...(audience.name !== undefined ? { audience: audience.name } : {}),
    approvedOnly: release,
  });
  if (release && !publication.documents.some((d) => d.validlyApproved)) {
    const notApproved = publication.leftOut.filter((d) => d.reason === 'not-approved').map((d) => d.id);
    io.stderr.write(`isms: ${escapeControls(messages.releaseWithoutApproved(publication.audience, notApproved), { keepLineBreaks: true })}\n`);
    return EXIT.findings;
  }
  const both = options.html === undefined && options.pdf === undefined;
  const html = both || options.html === true;
  const progress = io.stderr.isTTY === true;
  const changes = html && built ? await changesForSite(workspace, git, publication, built, time.toISOString().slice(0, 10)) : undefined;
  const exports = html ? exportsOf({ workspace, git, asOf, source: await exportSource(workspace, git, at), include: publishedIn(publication) }) : [];
  const { files, failures } = await buildOutputs(publication, {
    html,
    ...(changes ? { changes } : {}),
    exports,
    pdf: both || options.pdf === true,
    toolVersion: TOOL_VERSION,
    asOf,
    templates,
    ...(key ? { signer: (await import('../sign/sign-publication.js')).publicationSigner(key, { location: config.organization, time }) } : {}),
    ...(progress ? { onProgress: (file: string, index: number, total: number) => io.stderr.write(`\r\u001b[2K[${index}/${total}] ${escapeControls(file)}`) } : {}),
  });
  if (progress) io.stderr.write('\r\u001b[2K');
  const unrendered = failures.map((f) => escapeControls(messages.renderFailed(f.doc.source.file, f.output, f.message)));
  if (release && unrendered.length > 0) {
    io.stderr.write(`isms: ${messages.releaseRefused(0, [], unrendered)}\n`);
    return EXIT.findings;
  }
  const replaced = replaceFolder(out, files);
  if (!replaced.ok) {
    throw new UsageError(replaced.stuck ? messages.outNotRemovable(shownOut, displayPath(io.cwd, replaced.stuck.path), replaced.stuck.code) : messages.cannotWrite(shownOut, replaced.reason));
  }
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  const pdfs = [...files.keys()].filter((f) => f.endsWith('.pdf')).length;
  const exported = [...files.keys()].filter((f) => f.startsWith(`${EXPORTS_FOLDER}/`)).length;
  const manual = files.has(manualFileName(publication)) ? ` (manual: ${manualFileName(publication)})` : '';
  const made = [pages > 0 ? `${pages} pages` : '', pdfs > 0 ? `${pdfs} PDFs${manual}` : '', exported > 0 ? `${exported} exports` : '']
    .filter(Boolean)
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');
  const forAudience = publication.audience !== undefined ? ` for ${publication.audience}` : '';
  const signed = key ? `; signed by ${escapeControls(nameLine(key.certificate.subject))}` : '';
  io.stdout.write(`Built ${made}${forAudience} into ${shownOut}/ at ${publication.buildTime}${commit ? ` from ${commit.slice(0, 7)}` : ''}${signed}\n`);
  if (replaced.leftover) io.stderr.write(`isms: ${messages.previousOutputLeft(displayPath(io.cwd, replaced.leftover.path), replaced.leftover.reason)}\n`);
  for (const line of publicationNotes(publication, config)) io.stderr.write(`isms: ${escapeControls(line)}\n`);
  if (!release && summary.errors > 0) io.stderr.write(`isms: ${messages.builtWithErrors(summary.errors)}\n`);
  for (const line of unrendered) io.stderr.write(`isms: ${line}\n`);
  return unrendered.length > 0 ? EXIT.findings : EXIT.ok;
}
