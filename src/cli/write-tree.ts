import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Replaces the folder `out` with exactly `files`, or leaves it as it was: everything is written to a
 * temporary sibling first, which then takes the place of the old folder (kept until the swap is done).
 */
export function replaceFolder(out: string, files: ReadonlyMap<string, Buffer>): void {
  const parent = path.dirname(out);
  mkdirSync(parent, { recursive: true });
  const temporary = path.join(parent, `.${path.basename(out)}.tmp-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(out)}.old-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  try {
    for (const [file, content] of files) {
      const target = path.join(temporary, ...file.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const hadPrevious = existsSync(out);
    if (hadPrevious) renameSync(out, previous);
    try {
      renameSync(temporary, out);
    } catch (error) {
      if (hadPrevious) renameSync(previous, out);
      throw error;
    }
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Whether a folder may be replaced by a build: missing, empty, or a previous build (it has manifest.json). */
export function replaceable(out: string): boolean {
  if (!existsSync(out)) return true;
  if (!statSync(out).isDirectory()) return false;
  return existsSync(path.join(out, 'manifest.json')) || readdirSync(out).length === 0;
}
