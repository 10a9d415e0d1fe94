import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnvironment } from './run-git.js';

interface Pending {
  resolve: (value: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` process: objects are requested by id and answered in order,
 * so reading any number of old revisions costs one process (SAFETY.md item 10).
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(cwd: string) {
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

  /** The object's bytes, or undefined when the repository does not have it. */
  read(objectId: string): Promise<Buffer | undefined> {
    if (!/^[0-9a-f]{40,64}$/.test(objectId)) return Promise.reject(new Error(`not an object id: ${objectId}`));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${objectId}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (!Number.isFinite(size)) {
        this.queue.shift()!.reject(new Error(`unexpected answer from git cat-file: ${header}`));
        this.buffer = this.buffer.subarray(newline + 1);
        continue;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return; // wait for the content and its trailing newline
      const content = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.queue.shift()!.resolve(content);
    }
  }
}
