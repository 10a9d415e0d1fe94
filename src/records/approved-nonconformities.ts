import type { Config } from '../config/config.js';
import type { DocumentEvidence, GitEvidence, Revision } from '../git/evidence.js';
import { newestValidApproval } from '../git/model.js';
import type { NonconformityFacts } from '../git/revision-facts.js';
import { isIsoDate } from '../text/dates.js';
import { isClosed, lastDayApproved } from './records.js';

/** A nonconformity a validly approved log holds open, with the due date it had there. */
export type HeldOpen = NonconformityFacts & { due: string };

/**
 * What git proves of a nonconformity log: the entries its newest validly approved revision
 * (newestValidApproval) holds open at `asOf` (not closed by then, nor by its approval's date, and with a due date). A closure,
 * a new due date or a removal counts only once a valid approval covers it. Undefined when no valid
 * approval of the document was a nonconformity log.
 */
export function approvedOpenNonconformities(git: GitEvidence, evidence: DocumentEvidence, config: Config, asOf: string): { revision: Revision; open: HeldOpen[] } | undefined {
  // Only a document that was ever a log can hold one open: the rest need no judgement.
  if (!evidence.revisions.some((revision) => revision.facts.nonconformities !== undefined)) return undefined;
  const revision = newestValidApproval(git, evidence, config, asOf);
  const entries = revision?.facts.nonconformities;
  if (!revision || !entries) return undefined;
  // The approval covers only the closures that had happened by its date, never one dated after it.
  const lastDay = lastDayApproved(revision.facts.approval?.date, asOf);
  return { revision, open: entries.filter((entry): entry is HeldOpen => !isClosed(entry.closed, lastDay) && entry.due !== undefined && isIsoDate(entry.due)) };
}
