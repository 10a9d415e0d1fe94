/**
 * The commits reachable from HEAD and their parents (`git log --format="%H %P" HEAD`, one process):
 * what is an ancestor of what, which a path-limited log cannot tell.
 */
export class CommitGraph {
  private readonly parents = new Map<string, readonly string[]>();
  /** Position in the listing: children come before their parents (--topo-order). */
  private readonly position = new Map<string, number>();

  /** Whether history is one line (no merge): then the order of a listing is the order of ancestry. */
  readonly linear: boolean;

  constructor(
    readonly head: string,
    listing: string,
  ) {
    for (const line of listing.split('\n')) {
      const [hash, ...parents] = line.trim().split(' ').filter(Boolean);
      if (hash) {
        this.position.set(hash, this.position.size);
        this.parents.set(hash, parents);
      }
    }
    this.linear = [...this.parents.values()].every((parents) => parents.length < 2);
  }

  /** Whether the commit is HEAD or one of its ancestors. */
  contains(hash: string): boolean {
    return this.parents.has(hash);
  }

  parentsOf(hash: string): readonly string[] {
    return this.parents.get(hash) ?? [];
  }

  /** Every commit, parents before children. */
  oldestFirst(): string[] {
    return [...this.position.keys()].reverse();
  }

  /** Orders commits oldest first, parents before children (unknown commits last). */
  compareOldestFirst(a: string, b: string): number {
    return (this.position.get(b) ?? -1) - (this.position.get(a) ?? -1);
  }

  /**
   * The one best common ancestor of the commits (what `git merge-base --octopus` finds), or undefined
   * when they have none or several (a criss-cross merge): then nothing can be said to come from one side.
   */
  mergeBase(hashes: readonly string[]): string | undefined {
    if (hashes.length === 0) return undefined;
    let common = this.ancestors([hashes[0]!]);
    for (const hash of hashes.slice(1)) {
      const theirs = this.ancestors([hash]);
      common = new Set([...common].filter((c) => theirs.has(c)));
    }
    if (common.size === 0) return undefined;
    const best = [...common].sort((a, b) => (this.position.get(a) ?? Infinity) - (this.position.get(b) ?? Infinity))[0]!;
    const below = this.ancestors([best]);
    return [...common].every((c) => below.has(c)) ? best : undefined;
  }

  private children: Map<string, string[]> | undefined;
  private readonly below = new Map<string, Set<string>>();

  /** The commit and every commit that holds it (its descendants reachable from HEAD), once per commit. */
  descendants(hash: string): Set<string> {
    let found = this.below.get(hash);
    if (found) return found;
    if (!this.children) {
      this.children = new Map();
      for (const [child, parents] of this.parents) {
        for (const parent of parents) {
          const list = this.children.get(parent);
          if (list) list.push(child);
          else this.children.set(parent, [child]);
        }
      }
    }
    found = new Set<string>();
    const stack = [hash];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (found.has(next)) continue;
      found.add(next);
      for (const child of this.children.get(next) ?? []) if (!found.has(child)) stack.push(child);
    }
    this.below.set(hash, found);
    return found;
  }

  private integrators: Map<string, string> | undefined;

  /**
   * The merge of HEAD's first-parent line that brought a commit into it, for commits off that line
   * (made on a branch); undefined for a commit on the line itself. Worked out once, in one walk.
   */
  integratedBy(hash: string): string | undefined {
    if (!this.integrators) {
      const line: string[] = [];
      for (let at: string | undefined = this.head; at !== undefined && this.parents.has(at); at = this.parentsOf(at)[0]) line.push(at);
      const seen = new Set<string>();
      const found = new Map<string, string>();
      for (const merge of line.reverse()) {
        seen.add(merge);
        const stack = this.parentsOf(merge).slice(1);
        while (stack.length > 0) {
          const next = stack.pop()!;
          if (seen.has(next)) continue;
          seen.add(next);
          found.set(next, merge);
          stack.push(...this.parentsOf(next));
        }
      }
      this.integrators = found;
    }
    return this.integrators.get(hash);
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
