import type { Catalog, Control } from '../catalog/catalog.js';
import type { Config, Standard } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { decisionDetails, summarizeSoa, type DecisionDetails, type SoaDecision } from './soa-summary.js';

/** One control of the SoA's edition and what the SoA says of it. */
export interface SoaControl extends DecisionDetails {
  control: Control;
  /** The SoA has an entry for it (the first one, when it has several). */
  listed: boolean;
  /** true or false as the SoA decides; undefined: not decided (not listed, or not a yes or no). */
  applicable: boolean | undefined;
}

/** A control from another source than Annex A (an entry with `source`) and what the SoA says of it. */
export interface OtherSourceControl extends DecisionDetails {
  /** The id the entry gives it, trimmed. */
  id: string;
  source: string;
  /** The entry's `title`; '' when it has none. */
  title: string;
  applicable: boolean | undefined;
}

/** A Statement of Applicability as read: its edition, every control of that edition in catalogue order, and the controls from other sources in the SoA's order. */
export interface SoaReading {
  standard: Standard;
  catalog: Catalog;
  controls: SoaControl[];
  otherSources: OtherSourceControl[];
}

/**
 * What a SoA says of every control of its edition, in catalogue order, from the one reading of its
 * decisions (summarizeSoa): a control without an entry is undecided; entries that name no control of
 * the edition are left out (soa-coverage reports them); controls from other sources come apart. Pure.
 */
export function readSoa(doc: SourceDocument, config: Config): SoaReading {
  const summary = summarizeSoa(doc, config);
  const decisions = new Map<string, SoaDecision>();
  for (const group of summary.groups) for (const decision of group.decisions) decisions.set(decision.control.id, decision);
  const controls = summary.catalog.controls.map((control): SoaControl => {
    const decision = decisions.get(control.id);
    return { control, listed: decision !== undefined, applicable: decision?.applicable, ...decisionDetails(decision?.entry) };
  });
  const otherSources = summary.otherSources.decisions.map(({ id, source, entry, applicable }): OtherSourceControl => ({
    id,
    source,
    title: typeof entry['title'] === 'string' ? entry['title'] : '',
    applicable,
    ...decisionDetails(entry),
  }));
  return { standard: summary.standard, catalog: summary.catalog, controls, otherSources };
}
