import { wordsOf } from '../text/says-nothing.js';
import { distance } from '../text/suggest.js';
import { AUDIT_PROGRAMME_SECTIONS, EARLIER_PROMPTS, SECTIONS } from './sections.js';

/** What a section the configuration requires, and no template has, asks for. */
export const REQUIRED_SECTION_PROMPT = 'Required by isms.config.yaml.';

/** What a new SoA says of every control until the risk assessment decides it. */
export const SOA_JUSTIFICATION_PROMPT = 'Applicable until the first risk assessment decides otherwise.';

/** How a value of a YAML template (a record) asks its author to fill it in: the placeholder rule finds "[fill in]". */
export const fillIn = (what: string) => `[fill in] ${what}`;

/** A prompt as `isms new` and `isms init` write it in Markdown: in italics, a paragraph of its own. */
export const markdownPrompt = (prompt: string) => `_${prompt}_`;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

interface KnownPrompt {
  /** As the template writes it. */
  text: string;
  words: string[];
  vocabulary: ReadonlySet<string>;
}

let known: { byWords: Map<string, string>; prompts: KnownPrompt[]; vocabulary: ReadonlySet<string>; leading: ReadonlySet<string>; longest: number } | undefined;

function knownPrompts(): NonNullable<typeof known> {
  if (!known) {
    const texts = [
      ...[...Object.values(SECTIONS), AUDIT_PROGRAMME_SECTIONS].flatMap((sections) => sections.map(([, prompt]) => prompt)),
      ...EARLIER_PROMPTS,
      REQUIRED_SECTION_PROMPT,
      SOA_JUSTIFICATION_PROMPT,
    ].map(normalise);
    const prompts = texts.map((text) => {
      const words = wordsOf(text);
      return { text, words, vocabulary: new Set(words) };
    });
    known = {
      byWords: new Map(prompts.map((p) => [p.words.join(' '), p.text])),
      prompts,
      vocabulary: new Set(prompts.flatMap((p) => p.words)),
      leading: new Set(prompts.flatMap((p) => p.words.slice(0, 2))),
      longest: Math.max(...texts.map((t) => t.length)),
    };
  }
  return known;
}

/**
 * How many words of a prompt may be added, left out or changed and the text still be that prompt: in
 * italics (as the templates write them) one in four, at least one; otherwise one in five, so that a
 * short sentence of real prose ("When it applies.") is never taken for a prompt it resembles.
 */
const allowance = (words: number, italic: boolean) => (italic ? Math.max(1, Math.floor(words / 4)) : Math.floor(words / 5));

/** How many of `words` are not in `vocabulary`: each is an edit at least. */
const outside = (words: readonly string[], vocabulary: ReadonlySet<string>) => words.reduce((count, word) => (vocabulary.has(word) ? count : count + 1), 0);

/**
 * The prompt a text is, when it is one of those `isms new` and `isms init` write for their authors to
 * replace (as a whole, in italics in Markdown or as a YAML value): an approved document must not keep
 * one. Prompts are matched by their words, not byte for byte: case, punctuation and the italics do
 * not matter ("_Why this policy exists_"), and a prompt edited slightly (a word or two in a long one,
 * see `allowance`) is still that prompt.
 */
export function templatePrompt(text: string): string | undefined {
  const { byWords, prompts, vocabulary, leading, longest } = knownPrompts();
  // Most texts (every paragraph, every value of a register of thousands of risks) are far longer, or
  // start with neither of the first two words of a prompt (one edit at the start leaves one of them):
  // decided before reading all their words.
  if (
    text.length > 2 * longest + 20 ||
    !wordsOf(text.slice(0, 60))
      .slice(0, 2)
      .some((word) => leading.has(word))
  )
    return undefined;
  const words = wordsOf(text);
  if (words.length === 0) return undefined;
  const italic = /^\s*([_*])[\s\S]*\1\s*$/.test(text);
  // "Who does what under this policy:" before a table of duties is prose that introduces what follows.
  if (!italic && text.trimEnd().endsWith(':')) return undefined;
  const exact = byWords.get(words.join(' '));
  if (exact) return exact;
  const unknown = outside(words, vocabulary);
  for (const prompt of prompts) {
    const most = allowance(prompt.words.length, italic);
    if (most === 0 || unknown > most || Math.abs(prompt.words.length - words.length) > most || outside(words, prompt.vocabulary) > most) continue;
    if (distance(words, prompt.words) <= most) return prompt.text;
  }
  // The manual's scope as isms init wrote it before its prompt stood alone.
  const trimmed = normalise(text);
  const unwrapped = normalise(/^([_*])(.*)\1$/s.exec(trimmed)?.[2] ?? trimmed);
  return italic && /^The boundaries of the ISMS of .{1,200}\. The Statement of Applicability is DOC SoA; the policy is DOC A5\.$/.test(unwrapped) ? unwrapped : undefined;
}
