import { requiredSectionsFor } from '../config/config.js';
import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import { proseRange, type MarkdownProse } from '../documents/markdown.js';
import { requiredTexts } from '../documents/document-schema.js';
import { isRecordKind } from '../records/records.js';
import { pathOf } from '../schema/schema-problems.js';
import { templatePrompt } from '../scaffold/prompts.js';
import { childPointer } from '../source/source-map.js';
import { isRecord } from '../text/is-record.js';
import { NOT_YET, saysNothing } from '../text/says-nothing.js';
import { sectionName } from '../text/section-name.js';
import { readable, type Rule } from './rule.js';

/**
 * Placeholders written in capitals or as a note to oneself, whole words: `TBD`, `TODO`, `FIXME`, `XXX`
 * (not `xxx-large`), `Todo:`. A lower-case "todo" is a word of prose ("a todo list").
 */
const CASED = /\b(?:TODO|FIXME)\b|(?<![\w-])XXX(?![\w-])|\b(?:Todo|todo|Fixme|fixme)(?=\s*:)/g;

const NOT_YET_WRITTEN = `to\\s+be\\s+(?:${NOT_YET.join('|')})`;

/**
 * Placeholders in any case: `tbd`, `t.b.d.`, `TBC`; "to be confirmed" where it stands for the text (a
 * value or cell of its own, after a label's colon, or in brackets), not in a sentence that goes on
 * ("to be confirmed by the owner"); `[fill in ...]`, `[insert ...]`, `[placeholder]`, `[to be
 * completed]`, `<insert ...>`, even across a line break; lorem ipsum.
 */
const ANY_CASE = new RegExp(
  [
    String.raw`\btb[dc]\b`,
    String.raw`(?<![\w.])t\.\s?b\.\s?[dc]\b\.?`,
    // Standing for the text: at the start of the value or paragraph (not of a wrapped line), after a label's colon, a dash or a bracket.
    String.raw`(?:(?<![\s\S])|(?<=[:(\[\u2013\u2014]\s*|\s-\s*))${NOT_YET_WRITTEN}(?=\s*(?:[.,;!?)\]]|(?![\s\S])))`,
    String.raw`\[\s*(?:fill[\s-]*in|insert|placeholder|${NOT_YET_WRITTEN})\b[^\]]{0,200}\]`,
    String.raw`<\s*(?:fill[\s-]*in|insert|placeholder)\b[^>]{0,200}>`,
    String.raw`\blorem\s+ipsum\b`,
  ].join('|'),
  'gim',
);

/** What every match of CASED and ANY_CASE holds: most texts have none of it and need no further look. */
const MAY_HOLD = /tb[dc]|t\.\s?b|todo|fixme|XXX|to\s+be|\[|<|lorem/i;

/** The placeholders of a text, in order. */
function placeholdersIn(text: string): RegExpExecArray[] {
  if (!MAY_HOLD.test(text)) return [];
  return [...text.matchAll(CASED), ...text.matchAll(ANY_CASE)].sort((a, b) => a.index - b.index);
}

/** Keys of the metadata that are administration: their rows are not the document's text. */
const ADMINISTRATION = new Set(['versions']);

interface Found {
  at: Range;
  /** The placeholder as written, or the prompt, or the value that says nothing. */
  text: string;
  kind: 'placeholder' | 'prompt' | 'nothing';
  /** Where a value that says nothing is: `inputs.performance`. */
  path?: string;
}

/** A text as a message quotes it: on one line, at most 60 characters. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** The free-text values a record's schema requires that say nothing (`-`, `n/a`, `to be confirmed`), by pointer. */
function emptyRequiredTexts(doc: SourceDocument): Set<string> {
  const kind = doc.meta.record;
  if (doc.meta.type !== 'record' || !isRecordKind(kind) || !doc.data) return new Set();
  return new Set(requiredTexts(kind, doc.data).flatMap(({ pointer, text }) => (saysNothing(text) ? [pointer] : [])));
}

/** Placeholders in the string values of the data (front matter, or a whole YAML document), at their values. */
function inData(doc: SourceDocument): Found[] {
  const found: Found[] = [];
  const nothing = emptyRequiredTexts(doc);
  const visit = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      const at = () => doc.map.valueAt(pointer);
      const prompt = templatePrompt(value);
      if (prompt) found.push({ at: at(), text: prompt, kind: 'prompt' });
      else if (nothing.has(pointer)) found.push({ at: at(), text: value.trim(), kind: 'nothing', path: pathOf(pointer) });
      else for (const match of placeholdersIn(value)) found.push({ at: at(), text: match[0], kind: 'placeholder' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, childPointer(pointer, index)));
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) if (!(pointer === '' && ADMINISTRATION.has(key))) visit(value[key], childPointer(pointer, key));
    }
  };
  visit(doc.data, '');
  return found;
}

/** Placeholders in the running text of a Markdown body (not in code, link destinations, comments or the history table). */
function inBody(doc: SourceDocument): Found[] {
  const model = doc.markdown;
  if (!model) return [];
  const history = model.history?.table;
  let lines: string[] | undefined;
  const at = (prose: MarkdownProse, start: number, end: number) => proseRange(prose, (lines ??= (doc.text ?? '').split('\n')), start, end);
  const found: Found[] = [];
  for (const prose of model.prose) {
    // The history table's rows are administration.
    if (history && prose.line >= history.start && prose.line < history.end) continue;
    const prompt = templatePrompt(prose.content);
    if (prompt) {
      found.push({ at: at(prose, 0, prose.content.trimEnd().length), text: prompt, kind: 'prompt' });
      continue;
    }
    for (const match of placeholdersIn(prose.content)) {
      const start = match.index;
      if (prose.excluded.some((span) => start >= span.start && start < span.end)) continue;
      found.push({ at: at(prose, start, start + match[0].length), text: match[0], kind: 'placeholder' });
    }
  }
  return found;
}

export const placeholder: Rule = {
  id: 'placeholder',
  description:
    "placeholder text (`TBD`, `TODO`, `[fill in]`, `to be confirmed`, the prompts of `isms new` and `isms init`), an empty required section, or a record's required field that says nothing (`-`, `n/a`) in an approved or in-review document",
  defaultSeverity: 'error',
  check(context) {
    for (const doc of readable(context)) {
      const status = doc.meta.status;
      if (status !== 'approved' && status !== 'in-review') continue;
      const where = status === 'approved' ? 'an approved document' : 'a document in review';
      const remedy = 'write what it stands for, or take the document back to draft';
      for (const { at, text, kind, path } of [...inData(doc), ...inBody(doc)]) {
        if (kind === 'prompt') context.report(doc, at, `the template prompt "${text}" is still in ${where}: ${remedy}`);
        else if (kind === 'nothing') context.report(doc, at, `the required ${path} says nothing ("${shorten(text)}") in ${where}: write it, or take the document back to draft`);
        else context.report(doc, at, `placeholder "${shorten(text)}" in ${where}: ${remedy}`);
      }
      const required = doc.meta.type ? requiredSectionsFor(context.config, doc.meta.type) : undefined;
      for (const section of required ?? []) {
        const heading = doc.markdown?.headings.find((h) => sectionName(h.text) === sectionName(section));
        if (heading?.empty) context.report(doc, heading.at, `the required section "${heading.text}" is empty in ${where}: write it, or take the document back to draft`);
      }
    }
  },
};
