import type { RiskMethod } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { isRecord } from '../text/is-record.js';
import type { Rating } from './method.js';
import { summarizeRisks } from './risk-summary.js';

/** One risk of a register as reports, publications and exports show it. */
export interface RiskEntry {
  /** '' when the risk has none (the schema reports it). */
  id: string;
  title: string;
  /** The owner role id. */
  owner: string;
  cia: string[];
  /** Rated by the method; undefined when off its scales, or without a method. */
  inherent?: Rating;
  /** The rating after treatment (a `retain` risk keeps its inherent one); none for an avoided risk. */
  residual?: Rating;
  treatment: string;
  controls: string[];
  /** The acceptance as written, each field '' when missing. */
  acceptance?: { by: string; date: string; expires: string };
  nextReview: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** One risk as reports, publications and exports show it: its entry as written, with its ratings. */
export function riskEntryOf({ entry: risk, inherent, residual }: { entry: Record<string, unknown>; inherent?: Rating; residual?: Rating }): RiskEntry {
  const acceptance = isRecord(risk['acceptance']) ? risk['acceptance'] : undefined;
  return {
    id: text(risk['id']),
    title: text(risk['title']),
    owner: text(risk['owner']),
    cia: texts(risk['cia']),
    ...(inherent ? { inherent } : {}),
    ...(residual ? { residual } : {}),
    treatment: text(risk['treatment']),
    controls: texts(risk['controls']),
    ...(acceptance ? { acceptance: { by: text(acceptance['by']), date: text(acceptance['date']), expires: text(acceptance['expires']) } } : {}),
    nextReview: text(risk['next_review']),
  };
}

/**
 * Every risk (each map of `risks`) of a register, in its order, rated by `method` as the status report
 * and the publication rate it (summarizeRisks: an avoided risk has no residual). Pure.
 */
export function readRisks(doc: SourceDocument, method: RiskMethod | undefined): RiskEntry[] {
  const list = Array.isArray(doc.data?.['risks']) ? (doc.data['risks'] as unknown[]) : [];
  const rated = method ? summarizeRisks(doc, method).risks : list.filter(isRecord).map((entry) => ({ entry }));
  return rated.map(riskEntryOf);
}
