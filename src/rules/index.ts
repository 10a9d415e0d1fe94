import { approvalMissing } from './approval-missing.js';
import { brokenReference } from './broken-reference.js';
import { classificationLeak } from './classification-leak.js';
import { duplicateId } from './duplicate-id.js';
import { gitApproval } from './git-approval.js';
import { gitApprovalStale } from './git-approval-stale.js';
import { gitConfigChange } from './git-config-change.js';
import { gitHistory } from './git-history.js';
import { gitHistoryRewrite } from './git-history-rewrite.js';
import { gitReview } from './git-review.js';
import { gitRiskAcceptance } from './git-risk-acceptance.js';
import { gitUncommitted } from './git-uncommitted.js';
import { gitVersionBump } from './git-version-bump.js';
import { gitVersionDate } from './git-version-date.js';
import { internalError } from './internal-error.js';
import { mandatoryDocuments } from './mandatory-documents.js';
import { parseError } from './parse-error.js';
import { placeholder } from './placeholder.js';
import { recordCovers } from './record-covers.js';
import { recordDue } from './record-due.js';
import { requiredSections } from './required-sections.js';
import { reviewOverdue } from './review-overdue.js';
import { riskAcceptance } from './risk-acceptance.js';
import { riskControl } from './risk-control.js';
import { riskReviewLimit } from './risk-review-limit.js';
import { riskReviewOverdue } from './risk-review-overdue.js';
import { riskScale } from './risk-scale.js';
import { riskTreatment } from './risk-treatment.js';
import type { Rule } from './rule.js';
import { schema } from './schema.js';
import { soaCoverage } from './soa-coverage.js';
import { soaImplementation } from './soa-implementation.js';
import { soaJustification } from './soa-justification.js';
import { soaReference } from './soa-reference.js';
import { suspectDependency } from './suspect-dependency.js';
import { unknownRole } from './unknown-role.js';
import { versionMismatch } from './version-mismatch.js';
import { versionOrder } from './version-order.js';
import { versionTable } from './version-table.js';

/** Every rule, in the order of DESIGN section 3 (rules added since it was written last). Docs, SARIF and config validation derive from this list. */
export const RULES: readonly Rule[] = [
  parseError,
  schema,
  duplicateId,
  unknownRole,
  versionTable,
  versionOrder,
  versionMismatch,
  approvalMissing,
  reviewOverdue,
  requiredSections,
  brokenReference,
  classificationLeak,
  soaCoverage,
  soaJustification,
  soaImplementation,
  soaReference,
  riskScale,
  riskTreatment,
  riskControl,
  riskAcceptance,
  riskReviewOverdue,
  gitHistory,
  gitVersionBump,
  gitHistoryRewrite,
  gitVersionDate,
  gitApproval,
  gitApprovalStale,
  gitUncommitted,
  mandatoryDocuments,
  recordDue,
  placeholder,
  suspectDependency,
  internalError,
  gitConfigChange,
  gitReview,
  gitRiskAcceptance,
  recordCovers,
  riskReviewLimit,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
