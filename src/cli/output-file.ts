import path from 'node:path';
import { displayPath } from '../documents/discover.js';
import { UsageError, type CliIo } from './io.js';
import { messages } from './messages.js';
import { outputTarget, writeOutput, type OutputTarget } from './write-output.js';

/** A file the user named for a command's output, checked before the command does its work. */
export interface OutputFile {
  shown: string;
  target: OutputTarget;
}

/** Resolves `--output`/`--out FILE` (links followed); a folder or a block device is refused. */
export function openOutputFile(io: CliIo, file: string): OutputFile {
  const absolute = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, absolute);
  try {
    return { shown, target: outputTarget(absolute) };
  } catch (error) {
    throw new UsageError(messages.cannotWrite(shown, (error as Error).message));
  }
}

/** Writes the output (whole or not at all for a file); a failure is a usage error naming the file. */
export function writeOutputFile(io: CliIo, output: OutputFile, text: string): void {
  const { target } = output;
  // The CLI's own streams go through `io`, as everything else it prints does.
  if (target.kind === 'descriptor' && (target.fd === 1 || target.fd === 2)) {
    (target.fd === 1 ? io.stdout : io.stderr).write(text);
    return;
  }
  try {
    writeOutput(target, text);
  } catch (error) {
    throw new UsageError(messages.cannotWrite(output.shown, (error as Error).message));
  }
}
