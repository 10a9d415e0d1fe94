import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_NAME = 'isms.config.yaml';

/**
 * Where a configuration may be, in order: `--config`; else the current folder and each folder above
 * it (the nearest wins, so isms runs from any folder of the documents), then `isms-docs/` below the
 * current folder (DESIGN section 2).
 */
export function configCandidates(cwd: string, explicit: string | undefined): string[] {
  if (explicit) return [path.resolve(cwd, explicit)];
  const upward: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    upward.push(path.join(dir, CONFIG_NAME));
    if (path.dirname(dir) === dir) break;
  }
  return [...upward, belowCandidate(cwd)];
}

/** `isms-docs/isms.config.yaml` below the current folder. */
function belowCandidate(cwd: string): string {
  return path.resolve(cwd, 'isms-docs', CONFIG_NAME);
}

/** The first configuration of `configCandidates` that exists. */
export function findConfig(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) return path.resolve(cwd, explicit);
  return configCandidates(cwd, explicit).find((candidate) => existsSync(candidate));
}

/**
 * The configurations that would compete without `--config`: the nearest one in or above the current
 * folder, and the one in `isms-docs/` below it. Both existing means a new one could silently take
 * over from the other, so the caller refuses to choose.
 */
export function competingConfigs(cwd: string): string[] {
  const below = belowCandidate(cwd);
  const found = configCandidates(cwd, undefined).filter((candidate) => existsSync(candidate));
  const nearest = found.find((candidate) => candidate !== below);
  return nearest !== undefined && found.includes(below) ? [nearest, below] : [];
}
