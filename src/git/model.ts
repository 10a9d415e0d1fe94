import type { DocumentEvidence, Revision } from './evidence.js';
import { sameApproval, sameRow, type HistoryRow, type RevisionFacts } from './revision-facts.js';

/** The first commit that contains the document: rows and approval there are imported and trusted. */
export function baselineOf(evidence: DocumentEvidence): Revision | undefined {
  return evidence.revisions[0];
}

/** The oldest revision whose history has a row of this version (undefined: not committed yet). */
export function revisionAddingRow(evidence: DocumentEvidence, version: string): Revision | undefined {
  return evidence.revisions.find((revision) => revision.facts.rows.some((row) => row.version === version));
}

/** The oldest revision that is approved with exactly this approval (undefined: not committed yet). */
export function approvalRevision(evidence: DocumentEvidence, approval: RevisionFacts['approval']): Revision | undefined {
  return evidence.revisions.find((revision) => revision.facts.status === 'approved' && sameApproval(revision.facts.approval, approval));
}

/** The first revision after `index` whose content differs from `fingerprint`. */
export function firstContentChangeAfter(evidence: DocumentEvidence, index: number, fingerprint: string): Revision | undefined {
  return evidence.revisions.slice(index + 1).find((revision) => revision.facts.fingerprint !== fingerprint);
}

/**
 * The revisions that brought the content being approved: the baseline when nothing was approved
 * before, and every revision since the previous approved content whose content differs from its
 * predecessor.
 */
export function contentAuthorsBefore(evidence: DocumentEvidence, approvalIndex: number): Revision[] {
  const revisions = evidence.revisions.slice(0, approvalIndex + 1);
  let since = 0;
  for (let i = approvalIndex - 1; i >= 0; i--) {
    const facts = revisions[i]!.facts;
    if (facts.status === 'approved' && facts.approval && revisions.slice(i + 1).some((r) => r.facts.fingerprint !== facts.fingerprint)) {
      since = i + 1;
      break;
    }
  }
  return revisions.filter((revision, i) => i >= since && (i === 0 || revision.facts.fingerprint !== revisions[i - 1]!.facts.fingerprint));
}

/**
 * Committed rows that the working tree no longer has as they were first committed: for each, the row,
 * what became of it, and the first revision that changed it (undefined: the working tree did).
 */
export function rewrittenRows(evidence: DocumentEvidence): Array<{ row: HistoryRow; now: HistoryRow | undefined; changedIn: Revision | undefined }> {
  const firstForm = new Map<string, { row: HistoryRow; index: number }>();
  evidence.revisions.forEach((revision, index) => {
    for (const row of revision.facts.rows) if (!firstForm.has(row.version)) firstForm.set(row.version, { row, index });
  });
  const result: Array<{ row: HistoryRow; now: HistoryRow | undefined; changedIn: Revision | undefined }> = [];
  for (const { row, index } of firstForm.values()) {
    const now = evidence.working.rows.find((r) => r.version === row.version);
    if (now && sameRow(now, row)) continue;
    const changedIn = evidence.revisions.slice(index + 1).find((revision) => {
      const later = revision.facts.rows.find((r) => r.version === row.version);
      return !later || !sameRow(later, row);
    });
    result.push({ row, now, changedIn });
  }
  return result;
}
