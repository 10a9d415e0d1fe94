import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES, tooLarge } from './decode.js';

/** Input over its size limit; the message says by how much, in the words documents use. */
export class FileTooLargeError extends Error {}

const CHUNK = 64 * 1024;

/**
 * Reads a whole file, never more than `limit` bytes of it: a larger regular file is refused by its
 * size before anything is read, and a device or pipe (`/dev/zero`) is read only until it passes the
 * limit. Errors from the file system are thrown as they are.
 */
export function readFileCapped(file: string, limit: number = MAX_FILE_BYTES): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > limit) throw new FileTooLargeError(tooLarge(stats.size, limit));
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > limit) throw new FileTooLargeError(tooLarge(undefined, limit));
    }
    return Buffer.concat(chunks, length);
  } finally {
    closeSync(fd);
  }
}
