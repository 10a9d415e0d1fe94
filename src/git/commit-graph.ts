/**
 * The commits reachable from HEAD and their parents (`git log --format="%H %P" HEAD`, one process):
 * what is an ancestor of what, which a path-limited log cannot tell.
 */
export class CommitGraph {
  private readonly parents = new Map<string, readonly string[]>();

  constructor(
    readonly head: string,
    listing: string,
  ) {
    for (const line of listing.split('\n')) {
      const [hash, ...parents] = line.trim().split(' ').filter(Boolean);
      if (hash) this.parents.set(hash, parents);
    }
  }

  /** Whether history is one line (no merge): then the order of a listing is the order of ancestry. */
  get linear(): boolean {
    for (const parents of this.parents.values()) if (parents.length > 1) return false;
    return true;
  }

  parentsOf(hash: string): readonly string[] {
    return this.parents.get(hash) ?? [];
  }

  /** Merges reachable from HEAD, with their parents. */
  merges(): Array<{ hash: string; parents: readonly string[] }> {
    return [...this.parents].filter(([, parents]) => parents.length > 1).map(([hash, parents]) => ({ hash, parents }));
  }

  /** The commits and all their ancestors (the commits themselves included). */
  ancestors(hashes: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...hashes];
    while (stack.length > 0) {
      const hash = stack.pop()!;
      if (seen.has(hash)) continue;
      seen.add(hash);
      for (const parent of this.parentsOf(hash)) if (!seen.has(parent)) stack.push(parent);
    }
    return seen;
  }
}
