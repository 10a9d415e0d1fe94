import { catalogOf, type Catalog, type Control } from '../catalog/catalog.js';
import { resolveControlId } from '../catalog/control-id.js';
import type { Config, Standard } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { isRecord } from '../text/is-record.js';
import { standardOf } from './soa-summary.js';

/** One control of the SoA's edition and what the SoA says of it. */
export interface SoaControl {
  control: Control;
  /** The SoA has an entry for it (the first one, when it has several). */
  listed: boolean;
  /** true or false as the SoA decides; undefined: not decided (not listed, or not a yes or no). */
  applicable: boolean | undefined;
  reasons: string[];
  justification: string;
  /** implemented, partial, planned, not-implemented; '' when not given. */
  implementation: string;
  /** The owner role id; '' when not given. */
  owner: string;
  documents: string[];
  risks: string[];
  evidence: string[];
}

/** A Statement of Applicability as read: its edition, and every control of that edition in catalogue order. */
export interface SoaReading {
  standard: Standard;
  catalog: Catalog;
  controls: SoaControl[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * What a SoA says of every control of its edition, in catalogue order: the first entry naming a
 * control (in any accepted spelling) is its decision; a control without one is undecided. Entries
 * that name no control of the edition are left out (soa-coverage reports them). Pure.
 */
export function readSoa(doc: SourceDocument, config: Config): SoaReading {
  const standard = standardOf(doc, config);
  const catalog = catalogOf(standard);
  const entries = new Map<string, Record<string, unknown>>();
  const list = Array.isArray(doc.data?.['controls']) ? (doc.data['controls'] as unknown[]) : [];
  for (const item of list) {
    if (!isRecord(item) || typeof item['control'] !== 'string') continue;
    const resolved = resolveControlId(item['control'], standard);
    if (resolved.ok && !entries.has(resolved.id)) entries.set(resolved.id, item);
  }
  const controls = catalog.controls.map((control): SoaControl => {
    const item = entries.get(control.id);
    const applicable = typeof item?.['applicable'] === 'boolean' ? item['applicable'] : undefined;
    return {
      control,
      listed: item !== undefined,
      applicable,
      reasons: texts(item?.['reasons']),
      justification: text(item?.['justification']),
      implementation: text(item?.['implementation']),
      owner: text(item?.['owner']),
      documents: texts(item?.['documents']),
      risks: texts(item?.['risks']),
      evidence: texts(item?.['evidence']),
    };
  });
  return { standard, catalog, controls };
}
