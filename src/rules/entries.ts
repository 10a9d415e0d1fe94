import type { SourceDocument } from '../documents/document.js';
import { childPointer } from '../source/source-map.js';
import { readable, type RuleContext } from './rule.js';
import { isIsoDate } from '../text/dates.js';
import { isRecord } from '../text/is-record.js';

/** One item of a list in a YAML document (`controls[i]`, `risks[i]`), with where it stands. */
export interface Entry {
  doc: SourceDocument;
  index: number;
  pointer: string;
  data: Record<string, unknown>;
}

function entriesOf(doc: SourceDocument, key: string): Entry[] {
  const list = doc.data?.[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (isRecord(item) ? [{ doc, index, pointer: childPointer(`/${key}`, index), data: item }] : []));
}

export const soaDocuments = (context: RuleContext) => readable(context).filter((doc) => doc.meta.type === 'soa');
export const registerDocuments = (context: RuleContext) => readable(context).filter((doc) => doc.meta.type === 'risk-register');
export const controlEntries = (doc: SourceDocument) => entriesOf(doc, 'controls');
export const riskEntries = (doc: SourceDocument) => entriesOf(doc, 'risks');

/** A string field of an entry, or undefined. */
export function text(entry: Entry, key: string): string | undefined {
  const value = entry.data[key];
  return typeof value === 'string' ? value : undefined;
}

/** A list of strings of an entry (other items dropped: the schema reports them). */
export function texts(entry: Entry, key: string): Array<{ value: string; pointer: string }> {
  const value = entry.data[key];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => (typeof item === 'string' ? [{ value: item, pointer: childPointer(childPointer(entry.pointer, key), i) }] : []));
}

/** How an entry names itself in messages: `control 5.1`, `risk R-001`. */
export function label(entry: Entry, kind: 'control' | 'risk'): string {
  const name = text(entry, kind === 'control' ? 'control' : 'id');
  return name ? `${kind} ${name}` : `${kind === 'control' ? 'controls' : 'risks'}[${entry.index}]`;
}

/** Each risk of the registers that are not retired with a valid `next_review` (the schema reports the others). */
export function nextReviews(context: RuleContext): Array<{ entry: Entry; next: string }> {
  return registerDocuments(context)
    .filter((doc) => doc.meta.status !== 'retired')
    .flatMap((doc) =>
      riskEntries(doc).flatMap((entry) => {
        const next = text(entry, 'next_review');
        return next && isIsoDate(next) ? [{ entry, next }] : [];
      }),
    );
}
