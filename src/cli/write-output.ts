import { chmodSync, closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside } from '../text/paths.js';

/**
 * Where text written to a path goes. A regular file (or a path where none is yet) is replaced
 * atomically; a FIFO, a character device or an open stream of a process (`/dev/stdout`, `/dev/fd/N`,
 * anything under `/proc`) is written through, as a shell redirection would, and never renamed over;
 * this process's own descriptors (`/dev/stdout`) are written to as they are open, whatever they are.
 * Symbolic links are followed: the link stays and what it points at gets the text.
 */
export type OutputTarget =
  | { kind: 'file'; path: string; existing: boolean; mode?: number }
  | { kind: 'stream'; path: string }
  /** One of this process's own open files, named by number: standard output is 1. */
  | { kind: 'descriptor'; fd: number };

/** A path that no text may be written to: a folder, a block device, a socket. The message says which. */
export class OutputRefusedError extends Error {}

const MAX_LINKS = 40;
const PROCESS_FILES = '/proc';
// A socket (how Node passes a child its output) cannot be opened by name, so its number is used.
const OWN_DESCRIPTOR = new RegExp(`^/proc/${process.pid}/(?:task/\\d+/)?fd/(\\d+)$`);

/** Follows `file` (absolute) link by link to what writing to it would change. */
export function outputTarget(file: string): OutputTarget {
  let current = file;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const here = path.join(realpathSync(path.dirname(current)), path.basename(current));
    const own = OWN_DESCRIPTOR.exec(here);
    if (own) return { kind: 'descriptor', fd: Number(own[1]) };
    if (isInside(PROCESS_FILES, here)) return { kind: 'stream', path: here };
    let stats: Stats;
    try {
      stats = lstatSync(here);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: here, existing: false };
      throw error;
    }
    if (stats.isSymbolicLink()) {
      current = path.resolve(path.dirname(here), readlinkSync(here));
      continue;
    }
    if (stats.isFile()) return { kind: 'file', path: here, existing: true, mode: stats.mode & 0o777 };
    if (stats.isFIFO() || stats.isCharacterDevice()) return { kind: 'stream', path: here };
    throw new OutputRefusedError(stats.isDirectory() ? 'it is a folder' : stats.isBlockDevice() ? 'it is a block device' : 'it is a socket');
  }
  throw new OutputRefusedError('too many levels of symbolic links');
}

/**
 * Writes `text` to a target. A file is written whole or not at all: a temporary file beside it
 * (created anew, never through a link someone left there), given the old file's permissions, then
 * renamed over it. A stream is opened for appending, neither created nor truncated: what a process
 * reads from a FIFO, or what its standard output already holds, is left in place.
 */
export function writeOutput(target: OutputTarget, text: string | Uint8Array): void {
  if (target.kind === 'descriptor') {
    writeFileSync(target.fd, text);
    return;
  }
  if (target.kind === 'stream') {
    const fd = openSync(target.path, constants.O_WRONLY | constants.O_APPEND);
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const temporary = path.join(path.dirname(target.path), `.${path.basename(target.path)}.${process.pid}.tmp`);
  try {
    rmSync(temporary, { force: true });
    writeFileSync(temporary, text, { flag: 'wx', mode: target.mode ?? 0o644 });
    if (target.mode !== undefined) chmodSync(temporary, target.mode);
    renameSync(temporary, target.path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes a file whole or not at all (see `writeOutput`), through links; for files the CLI edits in place. */
export function writeFileAtomically(file: string, text: string): void {
  writeOutput(outputTarget(path.resolve(file)), text);
}
