import type { Metadata } from './document.js';
import { isRecord } from '../text/is-record.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The strings of a list (other items dropped: the schema reports them); undefined when it is not a list. */
function texts(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** A typed view of a document's metadata: a key of the wrong type is absent (the schema rule reports it). */
export function readMetadata(data: Record<string, unknown> | undefined): Metadata {
  if (!data) return {};
  const meta: Metadata = {};
  const assign = <K extends keyof Metadata>(key: K, value: Metadata[K] | undefined) => {
    if (value !== undefined) meta[key] = value;
  };
  for (const key of ['id', 'title', 'type', 'owner', 'classification', 'status', 'version', 'standard', 'record'] as const) {
    assign(key, text(data[key]));
  }
  assign('covers', texts(data['covers']));
  assign('dependsOn', texts(data['depends_on']));
  const approval = data['approval'];
  if (isRecord(approval)) {
    assign('approval', { by: text(approval['by']), name: text(approval['name']), date: text(approval['date']) });
  }
  const review = data['review'];
  if (isRecord(review)) {
    const interval = review['interval_months'];
    assign('review', { last: text(review['last']), intervalMonths: typeof interval === 'number' && Number.isInteger(interval) && interval > 0 ? interval : undefined });
  }
  return meta;
}
