import type { Config, RecordKind, Standard } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { closest } from '../text/suggest.js';
import { catalogOf, type MandatoryClause } from './catalog.js';

/** A clause that requires documented information, and the documents that say they provide it (`covers`). */
export interface ClauseCoverage {
  clause: MandatoryClause;
  /** Documents that are not retired and name the clause in `covers`, in the order given. */
  live: SourceDocument[];
  /** Retired documents that name it: they no longer cover it. */
  retired: SourceDocument[];
}

/**
 * Which documents cover each clause of the configured standard that requires documented
 * information: the ones whose metadata names it in `covers`. Records count like any other document
 * (whether they are recent enough is record-due's question). No I/O.
 */
export function clauseCoverage(documents: readonly SourceDocument[], config: Config): ClauseCoverage[] {
  const readable = documents.filter((doc) => doc.data !== undefined && doc.parseProblems.length === 0);
  return catalogOf(config.standard).mandatoryClauses.map((clause) => {
    const covering = readable.filter((doc) => doc.meta.covers?.includes(clause.id));
    return { clause, live: covering.filter((doc) => doc.meta.status !== 'retired'), retired: covering.filter((doc) => doc.meta.status === 'retired') };
  });
}

const otherEdition = (standard: Standard): Standard => (standard === 'iso27001-2013' ? 'iso27001-2022' : 'iso27001-2013');

/**
 * The clause a `covers` entry names, among those of the edition that require documented information;
 * or why it names none, with the clause it may mean: the other edition's number for the same
 * documented information (2013's `9.3` is 2022's `9.3.3`), or the nearest id (`9.9`: 9.1).
 */
export function coveredClause(standard: Standard, id: string): { ok: true; clause: MandatoryClause } | { ok: false; message: string } {
  const catalog = catalogOf(standard);
  const clause = catalog.mandatoryClauses.find((c) => c.id === id);
  if (clause) return { ok: true, clause };
  const other = catalogOf(otherEdition(standard));
  const renumbered = other.mandatoryClauses.find((c) => c.id === id && !catalog.mandatoryClauses.some((own) => own.id === id));
  const counterpart = renumbered && catalog.mandatoryClauses.find((c) => c.documented === renumbered.documented);
  const problem = `covers names ${id}, which is no clause of ${catalog.name} that requires documented information`;
  if (renumbered && counterpart) return { ok: false, message: `${problem}: ${other.name} numbers ${counterpart.documented} ${id}, ${catalog.name} ${counterpart.id}` };
  const suggestion = closest(
    id,
    catalog.mandatoryClauses.map((c) => c.id),
  );
  return { ok: false, message: suggestion ? `${problem}; did you mean ${suggestion}?` : `${problem} (${catalog.mandatoryClauses.map((c) => c.id).join(', ')})` };
}

/** The clauses whose documented information a kind of record provides (a competence record: 7.2). */
export function clausesOfRecord(standard: Standard, kind: RecordKind): MandatoryClause[] {
  return catalogOf(standard).mandatoryClauses.filter((clause) => clause.record === kind);
}
