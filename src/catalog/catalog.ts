import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RecordKind, Standard } from '../config/config.js';

/** The catalogue data shipped with the package (ids, titles, themes only: see data/catalog/NOTICE.md). */
const DATA_DIR = fileURLToPath(new URL('../../data/catalog/', import.meta.url));

export type Theme = 'organizational' | 'people' | 'physical' | 'technological';

export interface Control {
  /** Without the "A." prefix: "5.1" (2022), "5.1.1" (2013). */
  id: string;
  title: string;
  /** 2022: the theme; 2013: the domain ("A.5"). */
  group: string;
  groupTitle: string;
}

/** A clause (or an item of one) that requires documented information: what `covers` names. */
export interface MandatoryClause {
  /** As the standard numbers it: "6.1.3", "9.2.2"; an item of a clause: "6.1.3 d". */
  id: string;
  /** The clause's short title. */
  title: string;
  /** The documented information it requires, in isms's words ("the Statement of Applicability"). */
  documented: string;
  /** The kind of record (`type: record`) that provides it, when a record does: 9.3.3 a management review. */
  record?: RecordKind;
}

export interface Catalog {
  standard: Standard;
  /** "ISO/IEC 27001:2022". */
  name: string;
  controls: readonly Control[];
  /** The clauses of the edition that require documented information, in the standard's order. */
  mandatoryClauses: readonly MandatoryClause[];
  get(id: string): Control | undefined;
  /** 2013 only: the control objectives ("5.1" -> title). */
  objectives: ReadonlyMap<string, string>;
}

interface Raw2022 {
  id: string;
  title: string;
  theme: Theme;
}
interface Raw2013 {
  id: string;
  title: string;
  domain: string;
  domain_title: string;
  objective: string;
  objective_title: string;
}
interface RawMapping {
  new_in_2022: string[];
  mappings: Array<{ from: string; to: string[] }>;
}

const THEME_TITLES: Record<Theme, string> = {
  organizational: 'Organizational controls',
  people: 'People controls',
  physical: 'Physical controls',
  technological: 'Technological controls',
};

/** The YAML files are the reviewed source; catalog.json is generated from them (npm run data:catalog). */
function readCatalog(): { iso27001_2022: Raw2022[]; iso27001_2013: Raw2013[]; mapping: RawMapping; clauses_2022: MandatoryClause[]; clauses_2013: MandatoryClause[] } {
  return JSON.parse(readFileSync(DATA_DIR + 'catalog.json', 'utf8')) as ReturnType<typeof readCatalog>;
}

function build(standard: Standard, name: string, controls: Control[], objectives: Map<string, string>, mandatoryClauses: MandatoryClause[]): Catalog {
  const byId = new Map(controls.map((control) => [control.id, control]));
  return { standard, name, controls, mandatoryClauses, get: (id) => byId.get(id), objectives };
}

let cache: { '2022': Catalog; '2013': Catalog; mapping: Mapping } | undefined;

export interface Mapping {
  /** 2013 control -> the 2022 control(s) it became. */
  to2022: ReadonlyMap<string, readonly string[]>;
  /** 2022 control -> the 2013 controls that became it. */
  from2013: ReadonlyMap<string, readonly string[]>;
  /** 2022 controls with no 2013 predecessor. */
  newIn2022: readonly string[];
}

function load() {
  if (cache) return cache;
  const { iso27001_2022: raw2022, iso27001_2013: raw2013, mapping: rawMapping, clauses_2022: clauses2022, clauses_2013: clauses2013 } = readCatalog();
  const c2022 = build(
    'iso27001-2022',
    'ISO/IEC 27001:2022',
    raw2022.map((c) => ({ id: c.id, title: c.title, group: c.theme, groupTitle: THEME_TITLES[c.theme] })),
    new Map(),
    clauses2022,
  );
  const c2013 = build(
    'iso27001-2013',
    'ISO/IEC 27001:2013',
    raw2013.map((c) => ({ id: c.id, title: c.title, group: `A.${c.domain}`, groupTitle: c.domain_title })),
    new Map(raw2013.map((c) => [c.objective, c.objective_title])),
    clauses2013,
  );
  const to2022 = new Map(rawMapping.mappings.map((m) => [m.from, m.to]));
  const from2013 = new Map<string, string[]>();
  for (const { from, to } of rawMapping.mappings) for (const target of to) from2013.set(target, [...(from2013.get(target) ?? []), from]);
  cache = { '2022': c2022, '2013': c2013, mapping: { to2022, from2013, newIn2022: rawMapping.new_in_2022 } };
  return cache;
}

export function catalogOf(standard: Standard): Catalog {
  return standard === 'iso27001-2013' ? load()['2013'] : load()['2022'];
}

export function mapping2013To2022(): Mapping {
  return load().mapping;
}
