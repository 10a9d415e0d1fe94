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

let known: { prompts: Set<string>; firstWords: Set<string>; shortest: number } | undefined;

/** The first word of a text, past the italics that wrap a Markdown prompt. */
const firstWord = (text: string) => /^\s*[_*]?(\S+)/.exec(text)?.[1];

/**
 * The prompt a text is, when it is one of those `isms new` and `isms init` write for their authors to
 * replace (as a whole, in italics in Markdown or as a YAML value): an approved document must not keep one.
 */
export function templatePrompt(text: string): string | undefined {
  if (!known) {
    const prompts = [
      ...[...Object.values(SECTIONS), AUDIT_PROGRAMME_SECTIONS].flatMap((sections) => sections.map(([, prompt]) => prompt)),
      ...EARLIER_PROMPTS,
      REQUIRED_SECTION_PROMPT,
      SOA_JUSTIFICATION_PROMPT,
    ].map(normalise);
    known = { prompts: new Set(prompts), firstWords: new Set([...prompts, 'The boundaries of the ISMS of'].map((p) => firstWord(p) ?? '')), shortest: Math.min(...prompts.map((p) => p.length)) };
  }
  // Most texts (every value of a register of thousands of risks) are shorter or start otherwise: decided without normalising them.
  if (text.length < known.shortest) return undefined;
  const first = firstWord(text);
  if (first === undefined || !known.firstWords.has(first)) return undefined;
  const trimmed = normalise(text);
  const unwrapped = normalise(/^([_*])(.*)\1$/s.exec(trimmed)?.[2] ?? trimmed);
  // The manual's scope as isms init wrote it before its prompt stood alone.
  const earlierScope = /^The boundaries of the ISMS of .{1,200}\. The Statement of Applicability is DOC SoA; the policy is DOC A5\.$/.test(unwrapped) && /^([_*]).*\1$/s.test(trimmed);
  return known.prompts.has(unwrapped) || earlierScope ? unwrapped : undefined;
}
