import type { RecordKind } from '../config/config.js';
import { addMonths } from '../text/dates.js';
import { fillIn } from './prompts.js';

/**
 * The fields a new record of each kind starts with: what its schema requires, each value a
 * `[fill in]` prompt (the placeholder rule refuses them once the record is in review or approved),
 * dates set to `date` and lists that may be empty left empty.
 */
export function recordTemplate(kind: RecordKind, options: { date: string; owner: string }): Record<string, unknown> {
  const { date, owner } = options;
  switch (kind) {
    case 'internal-audit':
      return {
        date,
        scope: fillIn('what the audit covers: clauses, controls, processes, locations'),
        auditors: [fillIn('who audits (never their own work)')],
        reported_to: fillIn('to whom the results are reported'),
        findings: [],
      };
    case 'management-review':
      return {
        date,
        attendees: [fillIn('who attended: top management, the CISO')],
        inputs: {
          previous_actions: fillIn('a) the status of actions from previous management reviews'),
          changes_in_issues: fillIn('b) changes in external and internal issues, climate change included'),
          changes_in_interested_parties: fillIn('c) changes in the needs and expectations of interested parties'),
          performance: fillIn('d) nonconformities and corrective actions, monitoring and measurement results, audit results, the objectives'),
          interested_parties_feedback: fillIn('e) feedback from interested parties'),
          risk_assessment: fillIn('f) results of the risk assessment and status of the risk treatment plan'),
          improvement: fillIn('g) opportunities for continual improvement'),
        },
        decisions: [{ decision: fillIn('decisions on continual improvement and on changes to the ISMS'), owner }],
      };
    case 'nonconformity':
      return { entries: [] };
    case 'objective':
      return {
        objectives: [
          {
            id: 'O-1',
            objective: fillIn('what the organisation wants to achieve, consistent with the policy'),
            measure: fillIn('how progress is measured'),
            target: fillIn('the value that means the objective is met'),
            owner,
            due: addMonths(date, 12),
            resources: fillIn('what resources it needs'),
            evaluation: fillIn('how and when the results are evaluated'),
            results: [],
          },
        ],
      };
    case 'competence':
      return {
        entries: [{ person: fillIn('who'), role: owner, competence: fillIn('the competence the role needs'), evidence: fillIn('education, training or experience that shows it'), date }],
      };
    case 'monitoring':
      return {
        measurements: [
          {
            what: fillIn('what is monitored or measured'),
            method: fillIn('how'),
            date,
            by: fillIn('who'),
            result: fillIn('the result'),
            evaluation: fillIn('what the result means'),
          },
        ],
      };
  }
}
