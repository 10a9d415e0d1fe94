import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from '../scaffold/documents.js';

/**
 * Writes new files under `root`, never over an existing one: all are checked first, and if writing
 * fails half-way the files already written are removed again.
 */
export function writeNewFiles(root: string, files: readonly PlannedFile[]): string[] {
  const targets = files.map((file) => path.join(root, ...file.path.split('/')));
  const existing = targets.filter((target) => existsSync(target));
  if (existing.length > 0) throw Object.assign(new Error('exists'), { existing });
  const written: string[] = [];
  try {
    files.forEach((file, index) => {
      const target = targets[index]!;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text, { flag: 'wx' });
      written.push(target);
    });
  } catch (error) {
    for (const target of written) rmSync(target, { force: true });
    throw error;
  }
  return written;
}
