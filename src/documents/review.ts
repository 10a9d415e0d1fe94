import type { Config } from '../config/config.js';
import { addMonths, isIsoDate } from '../text/dates.js';
import type { Metadata } from './document.js';

export interface ReviewSchedule {
  /** The date counted from: the later of the last review and the approval of an approved document (approving a version reviews it). */
  last: string;
  fromReview: boolean;
  intervalMonths: number;
  due: string;
}

/**
 * When a document is next due for review; undefined when retired or when nothing dates it. A record is
 * evidence of what was done, not a rule to keep up to date: it has no review unless it asks for one
 * with `review:` (when the next record is due is record-due's question).
 */
export function reviewSchedule(meta: Metadata, config: Config): ReviewSchedule | undefined {
  if (meta.status === 'retired') return undefined;
  if (meta.type === 'record' && meta.review === undefined) return undefined;
  const reviewed = meta.review?.last !== undefined && isIsoDate(meta.review.last) ? meta.review.last : undefined;
  const approved = meta.status === 'approved' && meta.approval?.date !== undefined && isIsoDate(meta.approval.date) ? meta.approval.date : undefined;
  const last = reviewed !== undefined && (approved === undefined || reviewed >= approved) ? reviewed : approved;
  if (!last) return undefined;
  const fromReview = last === reviewed;
  const intervalMonths = meta.review?.intervalMonths ?? config.reviewIntervalMonths;
  const due = addMonths(last, intervalMonths);
  // An interval past the calendar (the schema caps it) dates nothing.
  return isIsoDate(due) ? { last, fromReview, intervalMonths, due } : undefined;
}
