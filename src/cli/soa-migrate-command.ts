import path from 'node:path';
import { parseDocument } from '../documents/load-document.js';
import { migrateSoa } from '../scaffold/soa-migration.js';
import { escapeControls } from '../text/controls.js';
import { todayIso } from '../text/dates.js';
import { FileTooLargeError, readFileCapped } from '../text/read-capped.js';
import { authorName } from '../git/identity.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { keptFilesNear } from './open-workspace.js';
import { openOutputFile, writeOutputFile } from './output-file.js';
import { displayPath } from '../text/paths.js';

export interface SoaMigrateOptions {
  out?: string;
  /** Overwrite a controlled document or a tracked file with --out. */
  force?: boolean;
}

export async function soaMigrateCommand(file: string, options: SoaMigrateOptions, io: CliIo): Promise<ExitCode> {
  const absolute = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, absolute);
  let bytes: Uint8Array;
  try {
    bytes = readFileCapped(absolute);
  } catch (error) {
    throw new UsageError(messages.cannotRead(shown, error instanceof FileTooLargeError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message)));
  }
  const doc = parseDocument({ absolutePath: absolute, file: shown, path: path.basename(absolute) }, bytes);
  if (doc.parseProblems.length > 0 || !doc.data) {
    throw new UsageError(
      messages.migrateUnreadable(shown),
      doc.parseProblems.map((p) => `${shown}:${p.at.line}:${p.at.column}: ${p.message}`),
    );
  }
  if (doc.meta.type !== 'soa') throw new UsageError(messages.migrateNotSoa(shown));
  if (doc.meta.standard !== 'iso27001-2013') throw new UsageError(messages.migrateNot2013(shown, doc.meta.standard));

  const output = options.out === undefined ? undefined : await openOutputFile(io, options.out, { force: options.force === true, kept: await keptFilesNear(io) });
  const result = migrateSoa(doc.data, { date: todayIso(), author: await authorName(io.cwd) });
  const summary = [
    `Migrated ${shown} to ISO/IEC 27001:2022: ${result.carried} controls carried over, ${result.merged} merged from several 2013 controls.`,
    ...(result.conflicts.length > 0 ? [`Conflicting 2013 decisions to confirm: ${result.conflicts.join(', ')}.`] : []),
    `To decide (validation fails until then): ${result.undecided.join(', ')}.`,
    ...(result.skipped.length > 0 ? [`Skipped entries that are not 2013 controls: ${result.skipped.join(', ')}.`] : []),
  ]
    .map((line) => escapeControls(line))
    .join('\n');
  if (output) {
    writeOutputFile(io, output, result.text);
    io.stdout.write(`${summary}\nWritten to ${output.shown}.\n`);
  } else {
    io.stdout.write(result.text);
    io.stderr.write(`${summary}\n`);
  }
  return EXIT.ok;
}
