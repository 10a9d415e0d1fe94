import { catalogOf } from '../catalog/catalog.js';
import { clauseCoverage } from '../catalog/coverage.js';
import type { Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
import { approvalEvidence, judgeApproval, type ApprovalEvidence, type ApprovalJudgement } from '../git/model.js';
import type { Summary } from '../reporters/report.js';
import { summarizeRisks } from '../risk/risk-summary.js';
import { summarizeSoa, type ImplementationCounts } from '../soa/soa-summary.js';
import { daysBetween, isIsoDate } from '../text/dates.js';
import { reviewSchedule } from '../documents/review.js';
import { isRecord } from '../text/is-record.js';

export interface DocumentStatus {
  id: string | null;
  title: string | null;
  type: string | null;
  owner: string | null;
  version: string | null;
  status: string | null;
  approvedBy: { role: string; name: string } | null;
  approvedOn: string | null;
  /**
   * What proves the approval (with git): `commit`, the commit that made it; `baseline`, imported with
   * the baseline; `uncommitted`, nothing yet. `signed` says whether a signature was required and good.
   * `valid` is the chain of trust's judgement (the one publications obey); `problem` the first reason when it is not.
   */
  approvalProof: { proof: 'commit' | 'baseline' | 'uncommitted'; commit: string | null; signed: boolean; valid: boolean; problem: string | null } | null;
  nextReview: string | null;
  /** Days until the next review; negative when overdue. */
  daysLeft: number | null;
  file: string;
}

export interface SoaStatus {
  document: string | null;
  standard: string;
  catalogue: number;
  decided: number;
  applicable: number;
  excluded: number;
  implementation: ImplementationCounts;
  /** Controls from other sources than Annex A (entries with `source`), counted apart. */
  otherSources: { applicable: number; excluded: number };
  /** By 2022 theme or 2013 domain, in catalogue order. */
  byGroup: Array<{ group: string; title: string; applicable: number; excluded: number } & { implementation: ImplementationCounts }>;
}

export interface RiskStatus {
  document: string | null;
  total: number;
  levels: string[];
  inherent: Record<string, number>;
  residual: Record<string, number>;
  treatments: Record<'modify' | 'retain' | 'avoid' | 'share', number>;
  /** Acceptances that expire within 90 days of the as-of date (or have expired). */
  expiring: Array<{ risk: string; by: string; expires: string; daysLeft: number }>;
}

/** A clause of the standard that requires documented information, and the live documents that cover it. */
export interface ClauseStatus {
  clause: string;
  title: string;
  documented: string;
  /** Every live document that names the clause in `covers`, drafts included. */
  documents: string[];
  /** Those of them whose approval is valid by the chain of trust (none without git: nothing is proven). */
  approved: string[];
  /** The others, each with what it is: "draft", "in-review", "approval not valid". */
  notApproved: Array<{ document: string; why: string }>;
}

/** The commit a report shows, when it shows one (--at): how it was named, its full hash, its committer's day. */
export interface ReportPoint {
  given: string;
  commit: string;
  date: string;
}

export interface StatusReport {
  organization: string;
  asOf: string;
  /** The commit shown (--at), read from git objects; null: the working tree. */
  at: ReportPoint | null;
  validation: Summary;
  documents: DocumentStatus[];
  /** The clauses that require documented information and what covers them (`covers`), in the standard's order. */
  coverage: { edition: string; asked: boolean; clauses: ClauseStatus[] };
  soa: SoaStatus[];
  risks: RiskStatus[];
}

const EXPIRY_WINDOW_DAYS = 90;

/** A document's approval as registers show it: who and when it claims, what proves it, and the chain of trust's judgement. */
export interface ApprovalState {
  approvedBy: { role: string; name: string } | null;
  approvedOn: string | null;
  /** What git holds of it (undefined: no git, or no approval claimed). */
  evidence: ApprovalEvidence | undefined;
  /** The judgement publications obey (undefined: nothing to judge). */
  judged: ApprovalJudgement | undefined;
}

/** The approval a document claims, and how git proves it as of `asOf` (an approval dated after it is not valid): one composition for the status and the exports. */
export function approvalState(doc: SourceDocument, config: Config, git: GitEvidence | undefined, asOf: string): ApprovalState {
  const meta = doc.meta;
  const evidence = git?.document(doc);
  const approved = meta.status === 'approved' && meta.approval?.by && meta.approval.name && meta.approval.date;
  return {
    approvedBy: approved ? { role: meta.approval!.by!, name: meta.approval!.name! } : null,
    approvedOn: approved ? meta.approval!.date! : null,
    evidence: git ? approvalEvidence(git, evidence) : undefined,
    judged: approved && git && evidence ? judgeApproval(git, evidence, doc, config, asOf) : undefined,
  };
}

function documentStatus(doc: SourceDocument, config: Config, asOf: string, git: GitEvidence | undefined): DocumentStatus {
  const meta = doc.meta;
  const { approvedBy, approvedOn, evidence: proof, judged } = approvalState(doc, config, git, asOf);
  const nextReview = reviewSchedule(meta, config)?.due ?? null;
  return {
    id: meta.id ?? null,
    title: meta.title ?? null,
    type: meta.type ?? null,
    owner: meta.owner ?? null,
    version: meta.version ?? null,
    status: meta.status ?? null,
    approvedBy,
    approvedOn,
    approvalProof: proof
      ? {
          proof: proof.proof,
          commit: proof.commit?.hash.slice(0, 7) ?? null,
          signed: proof.signed,
          valid: judged?.valid ?? false,
          problem: judged && !judged.valid ? (judged.problems[0]?.message ?? 'not proven') : proof.proof === 'uncommitted' ? 'not committed' : null,
        }
      : null,
    nextReview,
    daysLeft: nextReview ? daysBetween(asOf, nextReview) : null,
    file: doc.file,
  };
}

/** Counts of a SoA's decisions and implementation, overall and by theme (or 2013 domain). */
export function soaStatus(doc: SourceDocument, config: Config): SoaStatus {
  const soa = summarizeSoa(doc, config);
  return {
    document: doc.meta.id ?? null,
    standard: soa.standard,
    catalogue: soa.catalog.controls.length,
    decided: soa.decided,
    applicable: soa.applicable,
    excluded: soa.excluded,
    implementation: soa.implementation,
    otherSources: { applicable: soa.otherSources.applicable, excluded: soa.otherSources.excluded },
    byGroup: soa.groups.map(({ group, title, applicable, excluded, implementation }) => ({ group, title, applicable, excluded, implementation })),
  };
}

/** Counts of a register's risks by level and treatment, and the acceptances expiring within 90 days of `asOf`. */
export function riskStatus(doc: SourceDocument, config: Config, asOf: string): RiskStatus | undefined {
  const method = config.risk;
  if (!method) return undefined;
  const summary = summarizeRisks(doc, method);
  const expiring: RiskStatus['expiring'] = [];
  for (const { entry } of summary.risks) {
    const acceptance = entry['acceptance'];
    if (isRecord(acceptance) && typeof acceptance['expires'] === 'string' && isIsoDate(acceptance['expires'])) {
      const daysLeft = daysBetween(asOf, acceptance['expires']);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what the register says, as text (the schema reports other types)
      if (daysLeft <= EXPIRY_WINDOW_DAYS) expiring.push({ risk: String(entry['id'] ?? '?'), by: String(acceptance['by'] ?? '?'), expires: acceptance['expires'], daysLeft });
    }
  }
  expiring.sort((a, b) => a.daysLeft - b.daysLeft);
  return {
    document: doc.meta.id ?? null,
    total: summary.risks.length,
    levels: method.levels.map((l) => l.name),
    inherent: summary.inherent,
    residual: summary.residual,
    treatments: summary.treatments,
    expiring,
  };
}

/** The register of documents, the SoA summary and the risk summary, as of a date. No I/O. */
export function buildStatus(workspace: Workspace, asOf: string, validation: Summary, git?: GitEvidence, at?: ReportPoint): StatusReport {
  const { config } = workspace;
  const statusOf = new Map(workspace.documents.map((doc) => [doc, documentStatus(doc, config, asOf, git)]));
  const documents = [...statusOf.values()];
  documents.sort((a, b) => (a.id ?? '\uffff').localeCompare(b.id ?? '\uffff') || a.file.localeCompare(b.file));
  const readable = workspace.documents.filter((d) => d.data !== undefined);
  return {
    organization: config.organization,
    asOf,
    at: at ?? null,
    validation,
    documents,
    coverage: {
      edition: catalogOf(config.standard).name,
      // Asked for by the configuration, or by documents that say what they cover.
      asked: config.mandatoryDocuments || readable.some((d) => (d.meta.covers?.length ?? 0) > 0),
      clauses: clauseCoverage(workspace.documents, config).map(({ clause, live }) => {
        const name = (d: SourceDocument) => d.meta.id ?? d.file;
        const valid = (d: SourceDocument) => statusOf.get(d)?.approvalProof?.valid === true;
        return {
          clause: clause.id,
          title: clause.title,
          documented: clause.documented,
          documents: live.map(name),
          approved: live.filter(valid).map(name),
          notApproved: live
            .filter((d) => !valid(d))
            .map((d) => ({ document: name(d), why: d.meta.status !== 'approved' ? (d.meta.status ?? 'no status') : git ? 'approval not valid' : 'approval not proven without git' })),
        };
      }),
    },
    soa: readable.filter((d) => d.meta.type === 'soa').map((d) => soaStatus(d, config)),
    risks: readable.filter((d) => d.meta.type === 'risk-register').flatMap((d) => riskStatus(d, config, asOf) ?? []),
  };
}
