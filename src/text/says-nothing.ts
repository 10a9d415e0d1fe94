/** What comes after "to be" in a phrase that stands for text not written yet: "to be confirmed". */
export const NOT_YET = ['added', 'agreed', 'completed', 'confirmed', 'decided', 'defined', 'determined', 'done', 'provided', 'written'] as const;

/**
 * Words, or runs of words, that stand for nothing by themselves: "n/a" is the words "n a". Not "none"
 * or "nothing": they answer many questions (a target of none, no feedback received).
 */
const NOTHING_PHRASES = [
  'n a',
  'na',
  'not applicable',
  'unknown',
  'tbd',
  't b d',
  'tbc',
  't b c',
  'todo',
  'to do',
  'fixme',
  'x+',
  'see above',
  'as above',
  'same as above',
  ...NOT_YET.map((word) => `to be ${word}`),
];

/** One of them in words joined by single spaces (each match takes the space before it, never the one after). */
const NOTHING = new RegExp(`(?:^| )(?:${NOTHING_PHRASES.join('|')})(?= |$)`, 'g');

/**
 * The words of a text as a reader compares them: NFKC-normalised (full-width letters and digits are
 * the usual ones), lower case, split at anything that is not a letter or a digit.
 */
export function wordsOf(text: string): string[] {
  // Plain ASCII needs no normalising (most texts: every value of a large register).
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC'))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * Whether a value says nothing: nothing but punctuation and symbols (`-`, `.`, `?`), or only words
 * that stand for nothing (`n/a`, `TBD`, `to be confirmed`, `see above`), in any case, as
 * often as written.
 */
export function saysNothing(text: string): boolean {
  return wordsOf(text).join(' ').replace(NOTHING, '').trim() === '';
}
