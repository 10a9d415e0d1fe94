import path from 'node:path';
import { audienceOf, buildAudience, type Config } from '../config/config.js';
import { check } from '../engine/check.js';
import type { GitEvidence } from '../git/evidence.js';
import { headCommit, headCommitTime } from '../git/repository.js';
import { workingChanges } from '../git/working-changes.js';
import { buildOutputs, manualFileName } from '../render/build-outputs.js';
import { buildPublication, type Publication } from '../render/publication.js';
import { loadTemplates, TemplateError } from '../render/site/templates.js';
import { summarize } from '../reporters/report.js';
import { RULES } from '../rules/index.js';
import { nameLine } from '../sign/certificate-facts.js';
import { escapeControls } from '../text/controls.js';
import { todayIso } from '../text/dates.js';
import { displayPath, isInside } from '../text/paths.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, openWorkspace } from './open-workspace.js';
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
}

/** Build time: SOURCE_DATE_EPOCH when set; under --release the commit's time; else now. */
async function buildTime(io: CliIo, root: string, release: boolean): Promise<Date> {
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(messages.badSourceDateEpoch(epoch));
    return new Date(Number(epoch) * 1000);
  }
  if (release) return headCommitTime(root);
  return new Date();
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
  const workspace = await openWorkspace(io, options.config);
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
  const git: GitEvidence = await gitEvidence(workspace, undefined, undefined, { cache: !release });
  const time = await buildTime(io, config.root, release && git.status.kind === 'ok');
  const asOf = release ? time.toISOString().slice(0, 10) : todayIso();
  if (key) refuseInvalidCertificate(io, options.signKey!, key, time);

  // Under --release, documents that differ from HEAD are an error, not a warning.
  const summary = summarize(check(workspace, { asOf, rules: RULES, git, ...(release ? { severity: { 'git-uncommitted': 'error' } } : {}) }));
  if (release) {
    if (git.status.kind !== 'ok') throw new UsageError(messages.releaseNeedsGit(git.status.kind));
    const changes = await workingChanges(config.root, { exclude: [out] });
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
  const commit = git.status.kind === 'ok' ? await headCommit(config.root) : undefined;
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
  const progress = io.stderr.isTTY === true;
  const { files, failures } = await buildOutputs(publication, {
    html: both || options.html === true,
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
  const manual = files.has(manualFileName(publication)) ? ` (manual: ${manualFileName(publication)})` : '';
  const made = [pages > 0 ? `${pages} pages` : '', pdfs > 0 ? `${pdfs} PDFs${manual}` : ''].filter(Boolean).join(' and ');
  const forAudience = publication.audience !== undefined ? ` for ${publication.audience}` : '';
  const signed = key ? `; signed by ${escapeControls(nameLine(key.certificate.subject))}` : '';
  io.stdout.write(`Built ${made}${forAudience} into ${shownOut}/ at ${publication.buildTime}${commit ? ` from ${commit.slice(0, 7)}` : ''}${signed}\n`);
  if (replaced.leftover) io.stderr.write(`isms: ${messages.previousOutputLeft(displayPath(io.cwd, replaced.leftover.path), replaced.leftover.reason)}\n`);
  for (const line of publicationNotes(publication, config)) io.stderr.write(`isms: ${escapeControls(line)}\n`);
  if (!release && summary.errors > 0) io.stderr.write(`isms: ${messages.builtWithErrors(summary.errors)}\n`);
  for (const line of unrendered) io.stderr.write(`isms: ${line}\n`);
  return unrendered.length > 0 ? EXIT.findings : EXIT.ok;
}
