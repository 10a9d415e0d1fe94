import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a whole file or nothing: a temporary file beside it, renamed over it at the end. */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o644 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
