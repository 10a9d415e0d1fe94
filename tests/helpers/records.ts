/** YAML records for the tests, one line per fact so that findings can be found by line. */

export interface RecordHead {
  id: string;
  status?: string;
  /** The date of the version history row (without git, the ISMS's start for record-due). */
  versionDate?: string;
  /** The version (default 0.1 for a draft, else 1.0); a version above 1.0 has a row of 1.0 before its own. */
  version?: string;
  /** The approval's date when approved (default: the version's date). */
  approvalDate?: string;
}

function head(kind: string, { id, status = 'approved', versionDate = '2025-01-10', version = status === 'draft' ? '0.1' : '1.0', approvalDate = versionDate }: RecordHead): string {
  const approval = status === 'approved' ? `approval: { by: ciso, name: M. Woolard, date: ${approvalDate} }\n` : '';
  const earlier = version !== '1.0' && version !== '0.1' ? `  - { version: "1.0", date: ${versionDate}, author: M. Woolard, details: Recorded }\n` : '';
  return `id: ${id}
title: ${kind} ${id}
type: record
record: ${kind}
owner: ciso
classification: internal
status: ${status}
version: "${version}"
${approval}versions:
${earlier}  - { version: "${version}", date: ${versionDate}, author: M. Woolard, details: Recorded }
`;
}

/** Lines of the head of an approved record (the body starts on the next line). */
export const APPROVED_HEAD_LINES = 11;

/** A record of one event is approved once it happened: by default on the later of its version's date and its own. */
const approvedAfter = (options: RecordHead & { date: string }): RecordHead => {
  const versionDate = options.versionDate ?? '2025-01-10';
  return { ...options, approvalDate: options.approvalDate ?? (options.date > versionDate ? options.date : versionDate) };
};

export function managementReview(options: RecordHead & { date: string }): string {
  return `${head('management-review', approvedAfter(options))}date: ${options.date}
attendees: [R. Adeyemi, M. Woolard]
inputs:
  previous_actions: The two actions of the last review are done.
  changes_in_issues: A new office opened in Lisbon.
  changes_in_interested_parties: Clients now ask for ISO/IEC 27001 certification.
  performance: One minor nonconformity, closed; objectives on track.
  interested_parties_feedback: No complaints.
  risk_assessment: Reassessed in March; treatment plan on schedule.
  improvement: Automate access reviews.
decisions:
  - { decision: Automate access reviews, owner: ciso, due: 2026-12-01 }
`;
}

export function internalAudit(options: RecordHead & { date: string; findings?: string[] }): string {
  const findings = options.findings ?? ['  - { id: F-1, kind: observation, description: Access reviews are manual }'];
  return `${head('internal-audit', approvedAfter(options))}date: ${options.date}
scope: Clauses 4 to 10 and Annex A 5.15 to 5.18
auditors: [J. Auditor]
findings:${findings.length === 0 ? ' []' : `\n${findings.join('\n')}`}
`;
}

/** A log is approved once what it records happened: by default on the later of its version's date and its newest date. */
const approvedWith = (options: RecordHead, lines: readonly string[]): RecordHead => {
  const dates = lines.flatMap((line) => [...line.matchAll(/\b(?:raised|closed|date): (\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1]!));
  return approvedAfter({ ...options, date: dates.reduce((newest, d) => (d > newest ? d : newest), '0000-00-00') });
};

export function nonconformityLog(options: RecordHead & { entries: string[] }): string {
  return `${head('nonconformity', approvedWith(options, options.entries))}entries:${options.entries.length === 0 ? ' []' : `\n${options.entries.join('\n')}`}
`;
}

export function objectives(options: RecordHead & { results?: string[] }): string {
  const results = options.results ?? [];
  return `${head('objective', approvedWith(options, results))}objectives:
  - id: O-1
    objective: Patch critical vulnerabilities quickly
    measure: Days from a critical advisory to the patch in production
    target: 14 days at most for 95% of advisories
    owner: ciso
    due: 2026-12-31
    results:${results.length === 0 ? ' []' : `\n${results.map((r) => `      - ${r}`).join('\n')}`}
`;
}
