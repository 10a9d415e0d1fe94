import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

/** A signing key or a passphrase file is small; anything larger is not one. */
const MAX_SECRET_BYTES = 1024 * 1024;

export type SecretFile = { ok: true; bytes: Buffer } | { ok: false; problem: 'missing' | 'symlink' | 'not-a-file' | 'too-large' | 'shared'; mode?: number; reason?: string };

/**
 * Reads a file that holds a secret (SAFETY.md, keys): a regular file, not a symbolic link (which
 * would let whoever can write the folder it lives in swap the key), and readable or writable by its
 * owner only. Anything but a regular file (a FIFO, a device, a folder) is refused before it is
 * opened, since opening a FIFO waits for a writer forever; it is then opened without following
 * links and without waiting (O_NOFOLLOW | O_NONBLOCK), and checked again on the open file, so that
 * nothing swapped in between can hang the build, lead elsewhere or be read.
 */
export function readSecretFile(file: string): SecretFile {
  let before;
  try {
    before = lstatSync(file);
  } catch (error) {
    return { ok: false, problem: 'missing', reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  if (before.isSymbolicLink()) return { ok: false, problem: 'symlink' };
  if (!before.isFile()) return { ok: false, problem: 'not-a-file' };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? { ok: false, problem: 'symlink' } : { ok: false, problem: 'missing', reason: code ?? 'unreadable' };
  }
  try {
    const stats = fstatSync(fd);
    // Another file than the one checked (swapped in between) is not read, whatever it is.
    if (!stats.isFile() || stats.ino !== before.ino || stats.dev !== before.dev) return { ok: false, problem: 'not-a-file' };
    if ((stats.mode & 0o077) !== 0) return { ok: false, problem: 'shared', mode: stats.mode & 0o777 };
    if (stats.size > MAX_SECRET_BYTES) return { ok: false, problem: 'too-large' };
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}
