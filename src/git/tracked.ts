import path from 'node:path';
import { runGit } from './run-git.js';

/**
 * Whether git tracks `file` (absolute): it is in the index of the repository holding its folder.
 * `ls-files` reads the index only (no filters, no fsmonitor); outside a repository, or without git,
 * nothing is tracked.
 */
export async function isTracked(file: string): Promise<boolean> {
  try {
    const result = await runGit(path.dirname(file), ['ls-files', '--error-unmatch', '-z', '--', path.basename(file)]);
    return result.code === 0 && result.stdout.length > 0;
  } catch {
    return false;
  }
}
