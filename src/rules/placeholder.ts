import { requiredSectionsFor } from '../config/config.js';
import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import { proseRange, type MarkdownProse } from '../documents/markdown.js';
import { childPointer } from '../source/source-map.js';
import { isRecord } from '../text/is-record.js';
import { templatePrompt } from '../scaffold/prompts.js';
import { sectionName } from '../text/section-name.js';
import { readable, type Rule } from './rule.js';

/** Words that stand for text not written yet (upper case, whole words), and `[fill in ...]` or `[insert ...]`. */
const PLACEHOLDER = /\b(?:TBD|TBC|TODO|FIXME)\b|\[(?:[Ff][Ii][Ll][Ll][ -]?[Ii][Nn]|[Ii][Nn][Ss][Ee][Rr][Tt])\b[^\]\n]{0,200}\]/g;

/** What every match of PLACEHOLDER holds: most texts have none of it and need no further look. */
const MAY_HOLD = /TBD|TBC|TODO|FIXME|\[/;

/** Keys of the metadata that are administration: their rows are not the document's text. */
const ADMINISTRATION = new Set(['versions']);

interface Found {
  at: Range;
  /** The placeholder as written, or the prompt. */
  text: string;
  prompt: boolean;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Placeholders in the string values of the data (front matter, or a whole YAML document), at their values. */
function inData(doc: SourceDocument): Found[] {
  const found: Found[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      const prompt = templatePrompt(value);
      if (prompt) found.push({ at: doc.map.valueAt(pointer), text: prompt, prompt: true });
      else if (MAY_HOLD.test(value)) for (const match of value.matchAll(PLACEHOLDER)) found.push({ at: doc.map.valueAt(pointer), text: match[0], prompt: false });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, childPointer(pointer, index)));
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) if (!(pointer === '' && ADMINISTRATION.has(key))) visit(value[key], childPointer(pointer, key));
    }
  };
  visit(doc.data, '');
  return found;
}

/** Placeholders in the running text of a Markdown body (not in code, link destinations or the history table). */
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
      found.push({ at: at(prose, 0, prose.content.length), text: prompt, prompt: true });
      continue;
    }
    if (!MAY_HOLD.test(prose.content)) continue;
    for (const match of prose.content.matchAll(PLACEHOLDER)) {
      const start = match.index ?? 0;
      if (prose.excluded.some((span) => start >= span.start && start < span.end)) continue;
      found.push({ at: at(prose, start, start + match[0].length), text: match[0], prompt: false });
    }
  }
  return found;
}

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'placeholder text (`TBD`, `TODO`, `[fill in]`, the prompts of `isms new` and `isms init`) or an empty required section in an approved or in-review document',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of readable(context)) {
      const status = doc.meta.status;
      if (status !== 'approved' && status !== 'in-review') continue;
      const where = status === 'approved' ? 'an approved document' : 'a document in review';
      const remedy = 'write what it stands for, or take the document back to draft';
      for (const { at, text, prompt } of [...inData(doc), ...inBody(doc)]) {
        const message = prompt ? `the template prompt "${text}" is still in ${where}: ${remedy}` : `placeholder "${shorten(text)}" in ${where}: ${remedy}`;
        context.report(doc, at, message);
      }
      const required = doc.meta.type ? requiredSectionsFor(context.config, doc.meta.type) : undefined;
      for (const section of required ?? []) {
        const heading = doc.markdown?.headings.find((h) => sectionName(h.text) === sectionName(section));
        if (heading?.empty) context.report(doc, heading.at, `the required section "${heading.text}" is empty in ${where}: write it, or take the document back to draft`);
      }
    }
  },
};
