import { configKeyAt, RECORD_KINDS, type RecordKind } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import type { DocumentEvidence, GitEvidence } from '../git/evidence.js';
import { shortHash } from '../git/log-parser.js';
import { APPROVAL_PROBLEM_RULES, judgeApproval, judgeRetirement } from '../git/model.js';
import { approvedOpenNonconformities, type HeldOpen } from '../records/approved-nonconformities.js';
import {
  isClosed,
  lastDayApproved,
  nonconformityEntries,
  openNonconformities,
  RECORD_WORDS,
  recordDate,
  recordDates,
  recordsOfKind,
  type DatedAt,
  type NonconformityEntry,
  type OpenNonconformity,
} from '../records/records.js';
import { addMonths, daysBetween, isIsoDate } from '../text/dates.js';
import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import { shownFromRoot } from './git-evidence-helpers.js';
import { readable, type RuleContext, type Rule } from './rule.js';

/**
 * Where the schedule of records starts when no record of a kind is approved: the baseline commit's
 * date (the day the organisation adopted isms), so that a fresh repository is not overdue. Without
 * git, the oldest date of any version history.
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
const nameOf = (doc: SourceDocument) => doc.meta.id ?? doc.file;

/** Git evidence that can prove something; undefined with --no-git, or when the history cannot be read (git-history says why). */
function provenBy(context: RuleContext): GitEvidence | undefined {
  return context.git?.status.kind === 'ok' ? context.git : undefined;
}

/**
 * Why an approved record does not count as done, when it does not: with git, an approval the chain of
 * trust does not find valid (judgeApproval; the rule that says why is named). Without git, the claim is all there is.
 */
function notValid(context: RuleContext, git: GitEvidence | undefined, doc: SourceDocument): string | undefined {
  if (!git) return undefined;
  const evidence = git.document(doc);
  const judged = evidence ? judgeApproval(git, evidence, doc, context.config, context.asOf) : undefined;
  if (judged?.valid) return undefined;
  const kind = judged?.problems[0]?.kind;
  return `${nameOf(doc)} claims approval but it is not valid (see ${kind ? APPROVAL_PROBLEM_RULES[kind] : 'git-approval'})`;
}

/**
 * The last day a record's dates may fall on: today, and for an approved record the day of its approval
 * when earlier: an approval covers only what had happened by then (a review held, a result measured, a
 * nonconformity closed), never a date still to come. New entries after an approval are new content,
 * which needs a new version and its own approval (git-approval-stale says so otherwise).
 */
function lastDayOf(doc: SourceDocument, asOf: string): { day: string; words: string } {
  const day = lastDayApproved(doc.meta.status === 'approved' ? doc.meta.approval?.date : undefined, asOf);
  return { day, words: day === asOf ? `today (${asOf})` : `its approval (${day})` };
}

/**
 * Dates of records that had not happened by their last day (lastDayOf): they count for nothing. Drafts
 * are left alone (one may hold a planned date), and retired records.
 */
function reportDatesToCome(context: RuleContext, kind: RecordKind): void {
  for (const doc of recordsOfKind(context.documents, kind)) {
    if (doc.meta.status === 'draft' || doc.meta.status === 'retired') continue;
    const last = lastDayOf(doc, context.asOf);
    for (const { date, pointer, what } of recordDates(doc, kind)) {
      if (date <= last.day) continue;
      const why = date > context.asOf ? `today (${context.asOf})` : last.words;
      const tail = date > context.asOf ? 'this date counts for nothing until then' : 'an approval covers only what had happened by then, so this date counts for nothing';
      context.report(doc, doc.map.valueAt(pointer), `${nameOf(doc)} records ${what} on ${date}, after ${why}: a record is dated when what it records happened, and ${tail}`);
    }
  }
}

/** Dates of a nonconformity that contradict each other, and ids used twice. */
function reportInconsistentEntries(context: RuleContext, doc: SourceDocument, entries: readonly NonconformityEntry[]): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const { id, raised, due, closed, pointer } = entry;
    const first = seen.get(id);
    if (entry.named && first !== undefined) {
      context.report(doc, doc.map.valueAt(`${pointer}/id`), `nonconformity ${id} is listed twice (entries ${first + 1} and ${index + 1}): give each nonconformity its own id`);
    } else if (entry.named) seen.set(id, index);
    if (typeof raised !== 'string' || !isIsoDate(raised)) return;
    if (typeof closed === 'string' && isIsoDate(closed) && closed < raised)
      context.report(doc, doc.map.valueAt(`${pointer}/closed`), `nonconformity ${id} is closed ${closed}, before it was raised (${raised})`);
    if (typeof due === 'string' && isIsoDate(due) && due < raised) context.report(doc, doc.map.valueAt(`${pointer}/due`), `nonconformity ${id} is due ${due}, before it was raised (${raised})`);
  });
}

/** Whether a document is retired: with git, only by a committed retirement that the chain of trust accepts (judgeRetirement). */
function retired(git: GitEvidence | undefined, evidence: DocumentEvidence | undefined, doc: SourceDocument): boolean {
  if (doc.meta.status !== 'retired') return false;
  if (!git || !evidence) return true;
  return evidence.head?.status === 'retired' && validlyRetired(git, evidence);
}

/** Whether what git holds of a document, as it last stands, is a valid retirement. */
function validlyRetired(git: GitEvidence, evidence: DocumentEvidence): boolean {
  const { type } = evidence.working;
  return type !== undefined && judgeRetirement(git, evidence, type)?.valid === true;
}

/**
 * What the working text did to a nonconformity that a validly approved revision holds open, in words
 * ("its closure in DOC-NC 1.1"), and where: closed it, moved its due date, changed it otherwise, or removed it.
 */
function unapprovedChange(doc: SourceDocument, entry: NonconformityEntry | undefined, asOf: string): { words: string; pointer: string } {
  const where = `${nameOf(doc)}${doc.meta.version ? ` ${doc.meta.version}` : ''}`;
  if (!entry) return { words: `its removal in ${where}`, pointer: '/entries' };
  if (isClosed(entry.closed, asOf)) return { words: `its closure in ${where}`, pointer: `${entry.pointer}/closed` };
  if (typeof entry.due === 'string' && isIsoDate(entry.due)) return { words: `its new due date ${entry.due} in ${where}`, pointer: `${entry.pointer}/due` };
  return { words: `its change in ${where}`, pointer: entry.pointer };
}

/**
 * Open nonconformities past due: the working text's own open entries, and (with git) those the newest
 * validly approved revision of the log holds open, whatever the working text says; the earliest due
 * date of an id counts. A log counts as retired only when its retirement is valid.
 */
function reportOverdueNonconformities(context: RuleContext): void {
  const { asOf, config } = context;
  const git = provenBy(context);
  for (const doc of readable(context)) {
    const isLog = doc.meta.type === 'record' && doc.meta.record === 'nonconformity';
    const evidence = git?.document(doc);
    const held = git && evidence ? approvedOpenNonconformities(git, evidence, config, asOf) : undefined;
    if (!isLog && !held) continue;
    if (retired(git, evidence, doc)) continue;
    const entries = isLog ? nonconformityEntries(doc) : [];
    reportInconsistentEntries(context, doc, entries);
    const named = new Map<string, NonconformityEntry>();
    for (const entry of entries) if (entry.named && !named.has(entry.id)) named.set(entry.id, entry);
    const working = new Map<string, OpenNonconformity>();
    // A closure counts once it happened, and in an approved log only if it had happened by the approval.
    for (const entry of isLog ? openNonconformities(doc, lastDayOf(doc, asOf).day) : []) if (!working.has(entry.id) || entry.due < working.get(entry.id)!.due) working.set(entry.id, entry);
    const approved = new Map<string, HeldOpen>();
    for (const entry of held?.open ?? []) if (!approved.has(entry.id) || entry.due < approved.get(entry.id)!.due) approved.set(entry.id, entry);
    for (const id of new Set([...working.keys(), ...approved.keys()])) {
      const own = working.get(id);
      const kept = approved.get(id);
      if (own && (!kept || own.due <= kept.due)) {
        if (own.due >= asOf) continue;
        context.report(
          doc,
          doc.map.valueAt(`${own.pointer}/due`),
          `nonconformity ${id} is open ${daysBetween(own.due, asOf)} days past its due date ${own.due}${own.owner ? ` (owner: ${own.owner})` : ''}: close it (closed, with its correction, cause and corrective action) or agree a new due date`,
        );
      } else if (kept && kept.due < asOf) {
        const change = unapprovedChange(doc, named.get(id), asOf);
        context.report(doc, doc.map.valueAt(change.pointer), `nonconformity ${id} is open ${daysBetween(kept.due, asOf)} days past its due date ${kept.due}: ${change.words} is not approved`);
      }
    }
  }
}

/**
 * Nonconformities that a validly approved version of a log deleted since holds open, past due: the
 * deletion closes nothing (a log is retired, with a valid retirement, once its entries are closed).
 */
function reportDeletedLogs(context: RuleContext, git: GitEvidence): void {
  const { asOf, config } = context;
  for (const { commit, path, evidence } of git.removed) {
    if (!evidence || validlyRetired(git, evidence)) continue;
    const held = approvedOpenNonconformities(git, evidence, config, asOf);
    const name = evidence.working.id ?? path;
    for (const entry of held?.open ?? []) {
      if (entry.due >= asOf) continue;
      context.reportFile(
        shownFromRoot(context, path),
        START_OF_FILE,
        `nonconformity ${entry.id} is open ${daysBetween(entry.due, asOf)} days past its due date ${entry.due}: its removal with ${name}, deleted in ${shortHash(commit)}, is not approved (restore the log, and close the nonconformity in a version the approving role approves)`,
      );
    }
  }
}

export const recordDue: Rule = {
  id: 'record-due',
  description:
    'with `records:` in the configuration: a record kind missing or late by its interval (`every_months` after the newest validly approved record, or after the baseline commit while there is none); a record dated in the future, or an approved one after its approval (a closure approved in advance); an open nonconformity past its due date (with git, also one a validly approved version of the log holds open), dates of a nonconformity that contradict each other, an id used twice',
  defaultSeverity: 'error',
  check(context) {
    const { config, asOf } = context;
    if (!config.records) return;
    const git = provenBy(context);
    const start = startOf(context);
    for (const kind of RECORD_KINDS) {
      reportDatesToCome(context, kind);
      const interval = config.records[kind]?.everyMonths;
      if (interval === undefined) continue;
      const live = recordsOfKind(context.documents, kind).filter((doc) => doc.meta.status !== 'retired');
      // Drafts, records awaiting approval and approvals the chain of trust does not accept do not count as done.
      let newest: { doc: SourceDocument; at: DatedAt } | undefined;
      const pending: string[] = [];
      for (const doc of live) {
        const why = doc.meta.status === 'approved' ? notValid(context, git, doc) : `${nameOf(doc)} is ${doc.meta.status ?? 'without status'}`;
        if (why) {
          pending.push(why);
          continue;
        }
        const last = lastDayOf(doc, asOf);
        const at = recordDate(doc, kind, last.day);
        const dates = recordDates(doc, kind);
        if (!at && dates.length > 0) pending.push(`${nameOf(doc)} is dated after ${dates.some((d) => d.date <= asOf) ? 'its approval' : 'today'}`);
        if (at && (!newest || at.date > newest.at.date)) newest = { doc, at };
      }
      // The newest approved record starts the next interval, however old; only without one does the baseline.
      const basis = newest ? newest.at.date : start?.date;
      if (basis === undefined) continue; // nothing dates the ISMS yet
      const due = addMonths(basis, interval);
      if (due >= asOf) continue;
      const waiting = pending.length > 0 ? ` (not counted: ${pending.join('; ')})` : '';
      const words = RECORD_WORDS[kind];
      const since = newest ? `the newest approved one, ${nameOf(newest.doc)} of ${newest.at.date}` : start!.words;
      const schedule = `${interval} months after ${since} (records.${kind}: ${months(interval)})${waiting}`;
      const late = `overdue by ${daysBetween(due, asOf)} days`;
      if (newest) context.report(newest.doc, newest.doc.map.valueAt(newest.at.pointer), `the next ${words} is ${late}: it was due ${due}, ${schedule}`);
      else context.reportFile(context.configFile, configKeyAt(config, `/records/${kind}`), `no approved ${words} record, and one is ${late}: it was due ${due}, ${schedule}`);
    }
    reportOverdueNonconformities(context);
    if (git) reportDeletedLogs(context, git);
  },
};
