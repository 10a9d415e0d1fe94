import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_NAME = 'isms.config.yaml';

/** `--config`, else `isms.config.yaml` in the current folder, else in `isms-docs/` (DESIGN section 2). */
export function findConfig(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) return path.resolve(cwd, explicit);
  for (const candidate of [path.join(cwd, CONFIG_NAME), path.join(cwd, 'isms-docs', CONFIG_NAME)]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
