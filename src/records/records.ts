import { RECORD_KINDS, type RecordKind } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { childPointer } from '../source/source-map.js';
import { isRecord } from '../text/is-record.js';
import { isIsoDate } from '../text/dates.js';

/** A record kind in words, as findings and the register say it. */
export const RECORD_WORDS: Record<RecordKind, string> = {
  'internal-audit': 'internal audit',
  'management-review': 'management review',
  nonconformity: 'nonconformity log',
  objective: 'measurement of the objectives',
  competence: 'competence record',
  monitoring: 'monitoring and measurement record',
};

/** A dated fact of a record: where it is written (a JSON pointer into the document), and what it dates, in words. */
export interface DatedAt {
  date: string;
  pointer: string;
  /** What happened on that date ("a management review held", "nonconformity NC-1 closed"). */
  what: string;
}

export function isRecordKind(value: string | undefined): value is RecordKind {
  return value !== undefined && (RECORD_KINDS as readonly string[]).includes(value);
}

/** The records of a kind whose metadata could be read. */
export function recordsOfKind(documents: readonly SourceDocument[], kind: RecordKind): SourceDocument[] {
  return documents.filter((doc) => doc.data !== undefined && doc.parseProblems.length === 0 && doc.meta.type === 'record' && doc.meta.record === kind);
}

const validDate = (value: unknown): value is string => typeof value === 'string' && isIsoDate(value);

/** Every valid date at `key` of the items of the list at `list` (`entries`, `raised`), with what it dates. */
function datesIn(data: Record<string, unknown>, list: string, keys: readonly string[], what: (item: Record<string, unknown>, index: number, key: string) => string): DatedAt[] {
  const items = data[list];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) =>
    isRecord(item) ? keys.flatMap((key) => (validDate(item[key]) ? [{ date: item[key], pointer: childPointer(childPointer(`/${list}`, index), key), what: what(item, index, key) }] : [])) : [],
  );
}

const idOr = (item: Record<string, unknown>, fallback: string) => (typeof item['id'] === 'string' ? item['id'] : fallback);

/**
 * Every date a record stands for: when an audit was completed or a review held (`date`); for records
 * kept as logs, each date in them (a result of the objectives, a nonconformity raised or closed, a
 * competence evidenced, a measurement taken).
 */
export function recordDates(doc: SourceDocument, kind: RecordKind): DatedAt[] {
  const data = doc.data ?? {};
  switch (kind) {
    case 'internal-audit':
    case 'management-review':
      return validDate(data['date']) ? [{ date: data['date'], pointer: '/date', what: kind === 'internal-audit' ? 'an internal audit completed' : 'a management review held' }] : [];
    case 'objective': {
      const objectives = Array.isArray(data['objectives']) ? data['objectives'] : [];
      return objectives.flatMap((objective, index) =>
        isRecord(objective)
          ? datesIn(objective, 'results', ['date'], () => `a result of objective ${idOr(objective, `${index + 1}`)} measured`).map((d) => ({ ...d, pointer: `/objectives/${index}${d.pointer}` }))
          : [],
      );
    }
    case 'nonconformity':
      return datesIn(data, 'entries', ['raised', 'closed'], (item, index, key) => `nonconformity ${idOr(item, `entries[${index}]`)} ${key}`);
    case 'competence':
      return datesIn(data, 'entries', ['date'], (_item, index) => `competence entry ${index + 1} evidenced`);
    case 'monitoring':
      return datesIn(data, 'measurements', ['date'], (_item, index) => `measurement ${index + 1} taken`);
  }
}

/**
 * The date a record stands for: the newest of its dates (recordDates) not after `lastDay` (today, or its
 * approval's day): a later date had not happened, so it dates nothing (record-due reports it).
 * Undefined when it holds no such date.
 */
export function recordDate(doc: SourceDocument, kind: RecordKind, lastDay: string): DatedAt | undefined {
  return recordDates(doc, kind).reduce<DatedAt | undefined>((newest, d) => (d.date > lastDay || (newest !== undefined && d.date <= newest.date) ? newest : d), undefined);
}

/**
 * The last day an approval dated `approved` vouches for, seen at `asOf`: its own day when earlier (an
 * approval covers only what had happened by then), else `asOf`; `asOf` without a valid approval date.
 */
export function lastDayApproved(approved: string | undefined, asOf: string): string {
  return approved !== undefined && isIsoDate(approved) && approved < asOf ? approved : asOf;
}

/**
 * Whether a nonconformity is closed at `asOf`: its `closed` is a date, not after `asOf`. `closed: null`,
 * a text that is no date and a date still to come close nothing.
 */
export function isClosed(closed: unknown, asOf: string): boolean {
  return validDate(closed) && closed <= asOf;
}

/** An entry of a nonconformity log as its text has it: its id (`entries[i]` without one), where it is, and its fields as written. */
export interface NonconformityEntry {
  id: string;
  /** Whether the id is written (an entry without one is named by its place). */
  named: boolean;
  pointer: string;
  raised: unknown;
  due: unknown;
  closed: unknown;
  owner: string | undefined;
}

/** The entries of a nonconformity log, in its order. */
export function nonconformityEntries(doc: SourceDocument): NonconformityEntry[] {
  const entries = doc.data?.['entries'];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry, index) => {
    if (!isRecord(entry)) return [];
    const named = typeof entry['id'] === 'string';
    return [
      {
        id: named ? (entry['id'] as string) : `entries[${index}]`,
        named,
        pointer: `/entries/${index}`,
        raised: entry['raised'],
        due: entry['due'],
        closed: entry['closed'],
        owner: typeof entry['owner'] === 'string' ? entry['owner'] : undefined,
      },
    ];
  });
}

/** A nonconformity of a log that is not closed: its id, due date and owner, and where it is. */
export interface OpenNonconformity {
  id: string;
  due: string;
  owner: string | undefined;
  pointer: string;
}

/** The entries of a nonconformity log not closed at `asOf` (isClosed), with a valid due date. */
export function openNonconformities(doc: SourceDocument, asOf: string): OpenNonconformity[] {
  return nonconformityEntries(doc).flatMap(({ id, due, closed, owner, pointer }) => (!isClosed(closed, asOf) && validDate(due) ? [{ id, due, owner, pointer }] : []));
}

/** The open entries of a nonconformity log whose due date has passed at `asOf` (due before that day). */
export function overdueNonconformities(doc: SourceDocument, asOf: string): OpenNonconformity[] {
  return openNonconformities(doc, asOf).filter((entry) => entry.due < asOf);
}
