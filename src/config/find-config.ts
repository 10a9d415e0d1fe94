import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_NAME = 'isms.config.yaml';

/** Where a configuration may be, in order: `--config`, else the current folder, else `isms-docs/` below it. */
export function configCandidates(cwd: string, explicit: string | undefined): string[] {
  if (explicit) return [path.resolve(cwd, explicit)];
  return [path.join(cwd, CONFIG_NAME), path.join(cwd, 'isms-docs', CONFIG_NAME)];
}

/** `--config`, else `isms.config.yaml` in the current folder, else in `isms-docs/` (DESIGN section 2). */
export function findConfig(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) return path.resolve(cwd, explicit);
  return configCandidates(cwd, explicit).find((candidate) => existsSync(candidate));
}
