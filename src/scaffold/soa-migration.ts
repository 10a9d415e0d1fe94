import { Document, isMap, isSeq } from 'yaml';
import { catalogOf, mapping2013To2022 } from '../catalog/catalog.js';
import { resolveControlId } from '../catalog/control-id.js';
import { parseVersion } from '../text/version.js';
import { isRecord } from '../text/is-record.js';

export interface MigrationResult {
  text: string;
  /** 2022 controls decided from exactly one 2013 control. */
  carried: number;
  /** 2022 controls decided from several 2013 controls. */
  merged: number;
  /** 2022 controls whose 2013 sources disagree on applicability. */
  conflicts: string[];
  /** 2022 controls left for someone to decide: the new ones, and those whose sources the 2013 SoA lacked. */
  undecided: string[];
  /** Entries of the 2013 SoA that are not 2013 controls (skipped). */
  skipped: string[];
}

const IMPLEMENTATION_ORDER = ['not-implemented', 'planned', 'partial', 'implemented'];

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const unique = (values: string[]) => [...new Set(values)];

/**
 * Turns a 2013 Statement of Applicability into a 2022 draft through the ISO/IEC 27002:2022 Annex B
 * correspondence. Decisions are carried over, never invented: the 11 new controls (and any whose 2013
 * sources were missing) have no `applicable`, so the result fails validation until someone decides.
 */
export function migrateSoa(data: Record<string, unknown>, options: { date: string; author: string }): MigrationResult {
  const sources = new Map<string, Record<string, unknown>>();
  const skipped: string[] = [];
  for (const item of Array.isArray(data['controls']) ? data['controls'] : []) {
    if (!isRecord(item) || typeof item['control'] !== 'string') continue;
    const resolved = resolveControlId(item['control'], 'iso27001-2013');
    if (resolved.ok) sources.set(resolved.id, item);
    else skipped.push(item['control']);
  }
  const mapping = mapping2013To2022();
  const result: MigrationResult = { text: '', carried: 0, merged: 0, conflicts: [], undecided: [], skipped };
  const notes = new Map<number, string>();

  const controls = catalogOf('iso27001-2022').controls.map((control, index) => {
    const from = (mapping.from2013.get(control.id) ?? []).filter((id) => sources.has(id));
    if (from.length === 0) {
      result.undecided.push(control.id);
      const isNew = mapping.newIn2022.includes(control.id);
      notes.set(
        index,
        isNew
          ? ` NEW in ISO/IEC 27001:2022: decide whether ${control.id} applies, and why.`
          : ` The 2013 SoA had none of ${(mapping.from2013.get(control.id) ?? []).map((id) => `A.${id}`).join(', ')}: decide ${control.id}.`,
      );
      return { control: control.id, title: control.title };
    }
    const entries = from.map((id) => ({ id, entry: sources.get(id)! }));
    const applicableSources = entries.filter(({ entry }) => entry['applicable'] === true);
    const excludedSources = entries.filter(({ entry }) => entry['applicable'] === false);
    const applicable = applicableSources.length > 0;
    const justifications = entries.flatMap(({ id, entry }) =>
      typeof entry['justification'] === 'string' && entry['justification'].trim() !== '' ? [{ id, text: entry['justification'].trim() }] : [],
    );
    let justification = justifications.length === 1 && entries.length === 1 ? justifications[0]!.text : justifications.map(({ id, text }) => `A.${id}: ${text}`).join('\n');
    if (applicableSources.length > 0 && excludedSources.length > 0) {
      result.conflicts.push(control.id);
      const note = `Conflict from the 2013 SoA: ${applicableSources.map(({ id }) => `A.${id}`).join(', ')} applicable, ${excludedSources.map(({ id }) => `A.${id}`).join(', ')} excluded; ${control.id} is taken as applicable: confirm.`;
      justification = justification ? `${justification}\n${note}` : note;
      notes.set(index, ` Conflict: review this merged decision.`);
    }
    if (entries.length > 1) result.merged++;
    else result.carried++;
    const entry: Record<string, unknown> = { control: control.id, title: control.title, applicable };
    if (applicable) {
      const reasons = unique(applicableSources.flatMap(({ entry: e }) => strings(e['reasons'])));
      if (reasons.length > 0) entry['reasons'] = reasons;
    }
    if (justification) entry['justification'] = justification;
    if (applicable) {
      const implementations = applicableSources.map(({ entry: e }) => e['implementation']).filter((v): v is string => typeof v === 'string' && IMPLEMENTATION_ORDER.includes(v));
      if (implementations.length > 0) entry['implementation'] = implementations.sort((a, b) => IMPLEMENTATION_ORDER.indexOf(a) - IMPLEMENTATION_ORDER.indexOf(b))[0];
      const owner = applicableSources.map(({ entry: e }) => e['owner']).find((v) => typeof v === 'string');
      if (owner) entry['owner'] = owner;
    }
    for (const key of ['documents', 'risks', 'evidence']) {
      const values = unique(entries.flatMap(({ entry: e }) => strings(e[key])));
      if (values.length > 0) entry[key] = values;
    }
    return entry;
  });

  const previous = typeof data['version'] === 'string' ? parseVersion(data['version']) : undefined;
  const version = previous ? `${previous.major}.${previous.minor + 1}` : '0.1';
  const versions: unknown[] = Array.isArray(data['versions']) ? [...(data['versions'] as unknown[])] : [];
  versions.push({
    version,
    date: options.date,
    author: options.author,
    details: `Migrated to ISO/IEC 27001:2022 Annex A: ${result.carried} controls carried over, ${result.merged} merged, ${result.undecided.length} to decide`,
  });
  const metadata: Record<string, unknown> = {};
  for (const key of ['id', 'title', 'type', 'owner', 'classification', 'distribution']) if (data[key] !== undefined) metadata[key] = data[key];
  const output = { ...metadata, type: 'soa', standard: 'iso27001-2022', status: 'draft', version, versions, controls };

  const doc = new Document(output);
  doc.commentBefore = ` Migrated from ISO/IEC 27001:2013 by isms soa migrate on ${options.date}. Decide the controls marked below, then review every merged justification.`;
  const list = doc.get('controls', true);
  if (isSeq(list)) {
    for (const [index, note] of notes) {
      const node = list.items[index];
      if (isMap(node)) node.commentBefore = note;
    }
  }
  result.text = doc.toString({ lineWidth: 0 });
  return result;
}
