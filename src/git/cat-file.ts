import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnvironment } from './run-git.js';

/** What `git cat-file --batch` answered for one object. */
export type ObjectRead =
  | { kind: 'ok'; id: string; bytes: Buffer }
  | { kind: 'missing' }
  /** Larger than the reader's cap: its bytes were skipped, never kept in memory. */
  | { kind: 'too-large'; id: string; size: number };

interface Pending {
  resolve: (value: ObjectRead) => void;
  reject: (error: Error) => void;
}

/** The same cap as a working file (documents/load-document.ts): history is read no more generously. */
export const MAX_OBJECT_BYTES = 1024 * 1024;

/**
 * One long-lived `git cat-file --batch` process: objects are requested by id (or by `<commit>:<path>`)
 * and answered in order, so reading any number of old revisions costs one process (SAFETY.md item 10).
 * An object over `maxBytes` is skipped as it streams past.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;
  /** Bytes of an oversized object (plus its newline) still to be skipped. */
  private skipping = 0;

  constructor(
    cwd: string,
    private readonly maxBytes = MAX_OBJECT_BYTES,
  ) {
    this.child = spawn('git', ['-c', 'core.fsmonitor=false', 'cat-file', '--batch'], { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    this.child.on('error', fail);
    this.child.on('close', () => fail(new Error('git cat-file ended')));
    this.child.stdin.on('error', fail);
  }

  /** The object's bytes, or undefined when the repository does not have it or it is over the cap. */
  async read(objectId: string): Promise<Buffer | undefined> {
    const result = await this.readObject(objectId);
    return result.kind === 'ok' ? result.bytes : undefined;
  }

  /** An object by id. */
  readObject(objectId: string): Promise<ObjectRead> {
    if (!/^[0-9a-f]{40,64}$/.test(objectId)) return Promise.reject(new Error(`not an object id: ${objectId}`));
    return this.request(objectId);
  }

  /** The file at `path` in a commit (`<commit>^` for its first parent), as git's `<rev>:<path>`. */
  readAt(commit: string, path: string): Promise<ObjectRead> {
    if (!/^[0-9a-f]{40,64}\^?$/.test(commit)) return Promise.reject(new Error(`not a commit id: ${commit}`));
    // One request is one line: a path with a line break cannot be asked for, and is not there.
    if (/[\n\r]/.test(path) || path === '') return Promise.resolve({ kind: 'missing' });
    return this.request(`${commit}:${path}`);
  }

  close(): void {
    this.child.stdin.end();
  }

  private request(name: string): Promise<ObjectRead> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
  }

  private drain(): void {
    while (this.queue.length > 0 || this.skipping > 0) {
      if (this.skipping > 0) {
        const skipped = Math.min(this.skipping, this.buffer.length);
        this.buffer = this.buffer.subarray(skipped);
        this.skipping -= skipped;
        if (this.skipping > 0) return;
        continue;
      }
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      // "<name> missing", "<name> ambiguous": the object is not there (names never hold a line break).
      if (/ (?:missing|ambiguous)$/.test(header)) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift()!.resolve({ kind: 'missing' });
        continue;
      }
      const [id = '', , sizeText = ''] = header.split(' ');
      const size = Number(sizeText);
      if (!/^\d+$/.test(sizeText) || !Number.isSafeInteger(size)) {
        this.queue.shift()!.reject(new Error(`unexpected answer from git cat-file: ${header}`));
        this.buffer = this.buffer.subarray(newline + 1);
        continue;
      }
      if (size > this.maxBytes) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.skipping = size + 1;
        this.queue.shift()!.resolve({ kind: 'too-large', id, size });
        continue;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return; // wait for the content and its trailing newline
      const bytes = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.queue.shift()!.resolve({ kind: 'ok', id, bytes });
    }
  }
}
