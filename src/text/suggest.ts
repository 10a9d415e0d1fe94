/**
 * Edit distance with adjacent transpositions (optimal string alignment), for "did you mean" hints on
 * short words: `titel` is one edit from `title`, as a reader sees it, not two. Over lists of words,
 * the number of words added, left out, changed or swapped.
 */
export function distance(a: string | readonly string[], b: string | readonly string[]): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `word` when it is a plausible typo of it (a third of its length or less,
 * letter case ignored). A candidate that differs only in case (`CISO` for `ciso`) is the best there is;
 * `word` itself is never suggested.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    // No edit script is shorter than the difference in length: most candidates are passed over unread.
    if (candidate === word || candidate.length > 100 || Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
