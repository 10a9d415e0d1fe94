import { statSync } from 'node:fs';
import path from 'node:path';
import { findConfig } from '../config/find-config.js';
import { repositoryStatusWords } from '../git/evidence.js';
import { FileTooLargeError, readFileCapped } from '../text/read-capped.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { gitEvidence, openWorkspace } from './open-workspace.js';
import { TOOL_VERSION } from './tool-version.js';
import { displayPath } from '../text/paths.js';

export interface VerifyCommandOptions {
  ca?: string;
  format: string;
  config?: string;
}

const FORMATS = ['table', 'json'];

/** `isms verify <file-or-dir>`: signatures, certificates, the manifest, and the documents against git. */
export async function verifyCommand(target: string, options: VerifyCommandOptions, io: CliIo): Promise<ExitCode> {
  if (!FORMATS.includes(options.format)) throw new UsageError(messages.badFormat(options.format, FORMATS));
  const absolute = path.resolve(io.cwd, target);
  const shown = displayPath(io.cwd, absolute);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new UsageError(messages.noSuchTarget(shown));
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(messages.badTarget(shown));

  const { readPemCertificates } = await import('../sign/certificate-chain.js');
  let anchors;
  if (options.ca !== undefined) {
    const caFile = displayPath(io.cwd, path.resolve(io.cwd, options.ca));
    let text: string;
    try {
      text = readFileCapped(path.resolve(io.cwd, options.ca), 4 * 1024 * 1024).toString('utf8');
    } catch (error) {
      const reason = error instanceof FileTooLargeError ? error.message : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`;
      throw new UsageError(messages.badCaFile(caFile, reason));
    }
    anchors = readPemCertificates(text);
    if (anchors.length === 0) throw new UsageError(messages.badCaFile(caFile, 'it holds no PEM certificate that can be read'));
  }

  const { gitClaims } = await import('../sign/git-claims.js');
  let judge;
  let reason = 'no isms.config.yaml here, in a folder above, or in isms-docs/: run isms verify in the documents repository, or give --config';
  if (options.config !== undefined || findConfig(io.cwd, undefined) !== undefined) {
    const workspace = await openWorkspace(io, options.config);
    // An auditor's check reads everything from git itself, never from the evidence cache.
    const git = await gitEvidence(workspace, undefined, undefined, { cache: false });
    if (git.status.kind === 'ok') judge = gitClaims(workspace, git);
    else reason = repositoryStatusWords(git.status);
  }

  const { verifyTarget } = await import('../sign/verify.js');
  const { verifyJson, verifyTable } = await import('../sign/verify-report.js');
  const report = await verifyTarget(absolute, shown, { ...(anchors ? { anchors } : {}), ...(judge ? { git: judge } : { gitReason: reason }) });
  io.stdout.write(options.format === 'json' ? verifyJson(report, TOOL_VERSION) : verifyTable(report));
  return report.verified ? EXIT.ok : EXIT.findings;
}
