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

/** A dated fact of a record, and where it is written (a JSON pointer into the document). */
export interface DatedAt {
  date: string;
  pointer: string;
}

export function isRecordKind(value: string | undefined): value is RecordKind {
  return value !== undefined && (RECORD_KINDS as readonly string[]).includes(value);
}

/** The records of a kind whose metadata could be read. */
export function recordsOfKind(documents: readonly SourceDocument[], kind: RecordKind): SourceDocument[] {
  return documents.filter((doc) => doc.data !== undefined && doc.parseProblems.length === 0 && doc.meta.type === 'record' && doc.meta.record === kind);
}

/** Every valid date at `key` of the items of the list at `list` (`/entries`, `raised`). */
function datesIn(data: Record<string, unknown>, list: string, keys: readonly string[]): DatedAt[] {
  const items = data[list];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) =>
    isRecord(item) ? keys.flatMap((key) => (typeof item[key] === 'string' && isIsoDate(item[key]) ? [{ date: item[key], pointer: childPointer(childPointer(`/${list}`, index), key) }] : [])) : [],
  );
}

/**
 * The date a record stands for: when an audit was completed or a review held (`date`); for records
 * kept as logs, the newest date in them (a result of the objectives, a nonconformity raised or
 * closed, a competence evidenced, a measurement taken). Undefined when it holds no valid date.
 */
export function recordDate(doc: SourceDocument, kind: RecordKind): DatedAt | undefined {
  const data = doc.data ?? {};
  let dates: DatedAt[];
  switch (kind) {
    case 'internal-audit':
    case 'management-review':
      dates = typeof data['date'] === 'string' && isIsoDate(data['date']) ? [{ date: data['date'], pointer: '/date' }] : [];
      break;
    case 'objective': {
      const objectives = Array.isArray(data['objectives']) ? data['objectives'] : [];
      dates = objectives.flatMap((objective, index) => (isRecord(objective) ? datesIn(objective, 'results', ['date']).map((d) => ({ ...d, pointer: `/objectives/${index}${d.pointer}` })) : []));
      break;
    }
    case 'nonconformity':
      dates = datesIn(data, 'entries', ['raised', 'closed']);
      break;
    case 'competence':
      dates = datesIn(data, 'entries', ['date']);
      break;
    case 'monitoring':
      dates = datesIn(data, 'measurements', ['date']);
      break;
  }
  return dates.reduce<DatedAt | undefined>((newest, d) => (newest === undefined || d.date > newest.date ? d : newest), undefined);
}

/** A nonconformity of a log that is not closed: its id, due date and owner, and where it is. */
export interface OpenNonconformity {
  id: string;
  due: string;
  owner: string | undefined;
  pointer: string;
}

/** The entries of a nonconformity log without `closed`, with a valid due date. */
export function openNonconformities(doc: SourceDocument): OpenNonconformity[] {
  const entries = doc.data?.['entries'];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry, index) => {
    if (!isRecord(entry) || entry['closed'] !== undefined) return [];
    const due = entry['due'];
    if (typeof due !== 'string' || !isIsoDate(due)) return [];
    const id = typeof entry['id'] === 'string' ? entry['id'] : `entries[${index}]`;
    return [{ id, due, owner: typeof entry['owner'] === 'string' ? entry['owner'] : undefined, pointer: `/entries/${index}` }];
  });
}

/** The open entries of a nonconformity log whose due date has passed at `asOf` (due before that day). */
export function overdueNonconformities(doc: SourceDocument, asOf: string): OpenNonconformity[] {
  return openNonconformities(doc).filter((entry) => entry.due < asOf);
}
