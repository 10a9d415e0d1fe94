import { configKeyAt, RECORD_KINDS } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { shortHash } from '../git/log-parser.js';
import { overdueNonconformities, RECORD_WORDS, recordDate, recordsOfKind, type DatedAt } from '../records/records.js';
import { addMonths, daysBetween, isIsoDate } from '../text/dates.js';
import { readable, type RuleContext, type Rule } from './rule.js';

/**
 * Where the schedule of records starts: the baseline commit's date (the day the organisation adopted
 * isms), so that a fresh repository is not overdue. Without git, the oldest date of any version history.
 */
function startOf(context: RuleContext): { date: string; words: string } | undefined {
  const baseline = context.git?.baseline?.commit;
  const day = baseline?.authorDate.slice(0, 10);
  if (baseline && day && isIsoDate(day)) return { date: day, words: `the baseline commit ${shortHash(baseline)} of ${day}` };
  let oldest: { date: string; doc: SourceDocument } | undefined;
  for (const doc of readable(context)) {
    for (const row of doc.history?.rows ?? []) if (isIsoDate(row.date) && (!oldest || row.date < oldest.date)) oldest = { date: row.date, doc };
  }
  return oldest ? { date: oldest.date, words: `the oldest version history row (${oldest.doc.meta.id ?? oldest.doc.file}, ${oldest.date})` } : undefined;
}

const months = (n: number) => (n === 1 ? 'every month' : `every ${n} months`);

export const recordDue: Rule = {
  id: 'record-due',
  description:
    'with `records:` in the configuration: a record kind missing or late by its interval (`every_months` after the later of the newest approved record and the baseline commit); an open nonconformity past its due date',
  defaultSeverity: 'error',
  check(context) {
    const { config, asOf } = context;
    if (!config.records) return;
    const start = startOf(context);
    for (const kind of RECORD_KINDS) {
      const interval = config.records[kind]?.everyMonths;
      if (interval === undefined) continue;
      const live = recordsOfKind(context.documents, kind).filter((doc) => doc.meta.status !== 'retired');
      // Drafts (and records awaiting approval) do not count as done.
      let newest: { doc: SourceDocument; at: DatedAt } | undefined;
      for (const doc of live.filter((d) => d.meta.status === 'approved')) {
        const at = recordDate(doc, kind);
        if (at && (!newest || at.date > newest.at.date)) newest = { doc, at };
      }
      const fromRecord = newest && (!start || newest.at.date >= start.date);
      const basis = fromRecord ? newest!.at.date : start?.date;
      if (basis === undefined) continue; // nothing dates the ISMS yet
      const due = addMonths(basis, interval);
      if (due >= asOf) continue;
      const pending = live.filter((doc) => doc.meta.status !== 'approved').map((doc) => `${doc.meta.id ?? doc.file} is ${doc.meta.status ?? 'without status'}`);
      const waiting = pending.length > 0 ? ` (${pending.join('; ')}: only approved records count)` : '';
      const words = RECORD_WORDS[kind];
      const since = fromRecord ? `the newest approved one, ${newest!.doc.meta.id ?? newest!.doc.file} of ${newest!.at.date}` : start!.words;
      const schedule = `${interval} months after ${since} (records.${kind}: ${months(interval)})${waiting}`;
      const late = `overdue by ${daysBetween(due, asOf)} days`;
      if (newest) context.report(newest.doc, newest.doc.map.valueAt(newest.at.pointer), `the next ${words} is ${late}: it was due ${due}, ${schedule}`);
      else context.reportFile(context.configFile, configKeyAt(config, `/records/${kind}`), `no approved ${words} record, and one is ${late}: it was due ${due}, ${schedule}`);
    }
    for (const doc of recordsOfKind(context.documents, 'nonconformity')) {
      if (doc.meta.status === 'retired') continue;
      for (const entry of overdueNonconformities(doc, asOf)) {
        context.report(
          doc,
          doc.map.valueAt(`${entry.pointer}/due`),
          `nonconformity ${entry.id} is open ${daysBetween(entry.due, asOf)} days past its due date ${entry.due}${entry.owner ? ` (owner: ${entry.owner})` : ''}: close it (closed, with its correction, cause and corrective action) or agree a new due date`,
        );
      }
    }
  },
};
