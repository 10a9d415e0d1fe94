import path from 'node:path';

/** Whether `child` is `parent` or inside it (absolute paths; no `..` escape). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
