import type { Config } from '../config/config.js';
import { addMonths, isIsoDate } from '../text/dates.js';
import type { Metadata } from './document.js';

export interface ReviewSchedule {
  /** The date counted from: the last review, else the approval of an approved document. */
  last: string;
  fromReview: boolean;
  intervalMonths: number;
  due: string;
}

/** When a document is next due for review; undefined when retired or when nothing dates it. */
export function reviewSchedule(meta: Metadata, config: Config): ReviewSchedule | undefined {
  if (meta.status === 'retired') return undefined;
  const fromReview = meta.review?.last !== undefined;
  const last = meta.review?.last ?? (meta.status === 'approved' ? meta.approval?.date : undefined);
  if (!last || !isIsoDate(last)) return undefined;
  const intervalMonths = meta.review?.intervalMonths ?? config.reviewIntervalMonths;
  return { last, fromReview, intervalMonths, due: addMonths(last, intervalMonths) };
}
