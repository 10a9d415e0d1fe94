import path from 'node:path';

/** Whether `child` is `parent` or inside it (absolute paths; no `..` escape). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A path of this platform with POSIX separators. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The path that output shows: relative to the current folder, POSIX. */
export function displayPath(cwd: string, absolute: string): string {
  return toPosix(path.relative(cwd, absolute)) || '.';
}
