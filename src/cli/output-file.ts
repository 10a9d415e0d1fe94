import { statSync } from 'node:fs';
import path from 'node:path';
import { isTracked } from '../git/tracked.js';
import { UsageError, type CliIo } from './io.js';
import { messages } from './messages.js';
import { outputTarget, writeOutput, type OutputTarget } from './write-output.js';
import { displayPath } from '../text/paths.js';

/** Files a command's output must not silently replace: the configuration and the controlled documents (absolute). */
export interface KeptFiles {
  config?: string;
  documents: readonly string[];
}

/** A file the user named for a command's output, checked before the command does its work. */
export interface OutputFile {
  shown: string;
  target: OutputTarget;
}

function sameFile(a: { dev: number; ino: number }, file: string): boolean {
  try {
    const stats = statSync(file);
    return stats.dev === a.dev && stats.ino === a.ino;
  } catch {
    return false;
  }
}

/** Why overwriting an existing regular file would lose something the user keeps, if it would. */
async function keptReason(file: string, kept: KeptFiles): Promise<string | undefined> {
  const stats = statSync(file);
  if (kept.config !== undefined && sameFile(stats, kept.config)) return 'it is the configuration';
  if (kept.documents.some((document) => sameFile(stats, document))) return 'it is a controlled document';
  if (await isTracked(file)) return 'git tracks it';
  return undefined;
}

/**
 * Resolves `--output`/`--out FILE` (links followed) and refuses, unless `force`, to overwrite the
 * configuration, a controlled document or a file git tracks; a folder or a block device is refused always.
 */
export async function openOutputFile(io: CliIo, file: string, options: { force: boolean; kept: KeptFiles }): Promise<OutputFile> {
  const absolute = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, absolute);
  let target: OutputTarget;
  try {
    target = outputTarget(absolute);
  } catch (error) {
    throw new UsageError(messages.cannotWrite(shown, (error as Error).message));
  }
  if (!options.force && target.kind === 'file' && target.existing) {
    const reason = await keptReason(target.path, options.kept);
    if (reason !== undefined) throw new UsageError(messages.keptFile(shown, reason));
  }
  return { shown, target };
}

/** Writes the output (whole or not at all for a file); a failure is a usage error naming the file. */
export function writeOutputFile(io: CliIo, output: OutputFile, text: string | Uint8Array): void {
  const { target } = output;
  // The CLI's own streams go through `io`, as everything else it prints does.
  if (target.kind === 'descriptor' && (target.fd === 1 || target.fd === 2)) {
    (target.fd === 1 ? io.stdout : io.stderr).write(text);
    return;
  }
  try {
    writeOutput(output.target, text);
  } catch (error) {
    throw new UsageError(messages.cannotWrite(output.shown, (error as Error).message));
  }
}
