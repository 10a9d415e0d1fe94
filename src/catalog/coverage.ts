import type { Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
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
