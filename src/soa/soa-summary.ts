import { catalogOf, type Catalog, type Control } from '../catalog/catalog.js';
import { otherSourceOf, resolveControlId } from '../catalog/control-id.js';
import type { Config, Standard } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { isRecord } from '../text/is-record.js';

/** The edition of ISO/IEC 27001 a document follows: its own `standard`, else the configuration's. */
export function standardOf(doc: SourceDocument, config: Config): Standard {
  const standard = doc.meta.standard;
  return standard === 'iso27001-2013' || standard === 'iso27001-2022' ? standard : config.standard;
}

export const IMPLEMENTATIONS = ['implemented', 'partial', 'planned', 'not-implemented'] as const;
type Implementation = (typeof IMPLEMENTATIONS)[number];
export type ImplementationCounts = Record<Implementation | 'unknown', number>;

/** What an SoA entry says of its control beyond the decision, as written; '' or [] where it says nothing. */
export interface DecisionDetails {
  reasons: string[];
  justification: string;
  /** implemented, partial, planned, not-implemented; '' when not given. */
  implementation: string;
  /** The owner role id. */
  owner: string;
  documents: string[];
  risks: string[];
  evidence: string[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The details of an SoA entry, read one way for the status report, the publication and the exports. */
export function decisionDetails(entry: Record<string, unknown> | undefined): DecisionDetails {
  return {
    reasons: texts(entry?.['reasons']),
    justification: text(entry?.['justification']),
    implementation: text(entry?.['implementation']),
    owner: text(entry?.['owner']),
    documents: texts(entry?.['documents']),
    risks: texts(entry?.['risks']),
    evidence: texts(entry?.['evidence']),
  };
}

/** One control of the catalogue as the SoA decides it. */
export interface SoaDecision {
  control: Control;
  /** The SoA's entry for it, as written. */
  entry: Record<string, unknown>;
  /** true: applicable; false: excluded; undefined: not decided. */
  applicable: boolean | undefined;
}

/** A theme (2022) or domain (2013) of the catalogue, with the decisions of its controls in catalogue order. */
export interface SoaGroup {
  group: string;
  title: string;
  applicable: number;
  excluded: number;
  /** Implementation of the applicable controls ("unknown": none of the four words). */
  implementation: ImplementationCounts;
  decisions: SoaDecision[];
}

/** A control from another source than Annex A (an entry with `source`), as the SoA decides it. */
export interface OtherSourceDecision {
  /** The id the entry gives it, trimmed. */
  id: string;
  source: string;
  entry: Record<string, unknown>;
  applicable: boolean | undefined;
}

/** What a Statement of Applicability decides, worked out once for the status report and the publication. */
export interface SoaSummary {
  standard: Standard;
  catalog: Catalog;
  /** Controls decided applicable or excluded. */
  decided: number;
  applicable: number;
  excluded: number;
  implementation: ImplementationCounts;
  /** Every group of the catalogue, in catalogue order. */
  groups: SoaGroup[];
  /** Controls from other sources (entries with `source`), counted apart from Annex A, in the SoA's order. */
  otherSources: { applicable: number; excluded: number; decisions: OtherSourceDecision[] };
}

const emptyCounts = (): ImplementationCounts => ({ implemented: 0, partial: 0, planned: 0, 'not-implemented': 0, unknown: 0 });

/**
 * The decisions of a Statement of Applicability by group of its edition's catalogue. Entries that
 * name no control of the catalogue are left out, and so is a control's second entry (soa-coverage
 * reports both); controls from other sources are kept apart. No I/O.
 */
export function summarizeSoa(doc: SourceDocument, config: Config): SoaSummary {
  const standard = standardOf(doc, config);
  const catalog = catalogOf(standard);
  const groups = new Map<string, SoaGroup>();
  for (const control of catalog.controls) {
    if (!groups.has(control.group)) groups.set(control.group, { group: control.group, title: control.groupTitle, applicable: 0, excluded: 0, implementation: emptyCounts(), decisions: [] });
  }
  const summary: SoaSummary = { standard, catalog, decided: 0, applicable: 0, excluded: 0, implementation: emptyCounts(), groups: [], otherSources: { applicable: 0, excluded: 0, decisions: [] } };
  const seen = new Set<string>();
  const entries = Array.isArray(doc.data?.['controls']) ? (doc.data['controls'] as unknown[]) : [];
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry['control'] !== 'string') continue;
    const source = otherSourceOf(entry);
    if (source !== undefined) {
      const applicable = typeof entry['applicable'] === 'boolean' ? entry['applicable'] : undefined;
      summary.otherSources.decisions.push({ id: entry['control'].trim(), source, entry, applicable });
      if (applicable !== undefined) summary.otherSources[applicable ? 'applicable' : 'excluded']++;
      continue;
    }
    const resolved = resolveControlId(entry['control'], standard);
    if (!resolved.ok || seen.has(resolved.id)) continue;
    seen.add(resolved.id);
    const control = catalog.get(resolved.id)!;
    const group = groups.get(control.group)!;
    const applicable = typeof entry['applicable'] === 'boolean' ? entry['applicable'] : undefined;
    group.decisions.push({ control, entry, applicable });
    if (applicable === undefined) continue;
    summary.decided++;
    if (applicable) {
      const implementation = (IMPLEMENTATIONS as readonly unknown[]).includes(entry['implementation']) ? (entry['implementation'] as Implementation) : 'unknown';
      summary.applicable++;
      group.applicable++;
      summary.implementation[implementation]++;
      group.implementation[implementation]++;
    } else {
      summary.excluded++;
      group.excluded++;
    }
  }
  const order = new Map(catalog.controls.map((control, index) => [control.id, index]));
  for (const group of groups.values()) group.decisions.sort((a, b) => order.get(a.control.id)! - order.get(b.control.id)!);
  summary.groups = [...groups.values()];
  return summary;
}
