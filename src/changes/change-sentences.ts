import type { Change, ChangeEvent, ChangeReport, ConfigurationChange } from './changes.js';

const shown = (value: string | boolean | string[] | null, none = 'none') =>
  value === null ? none : Array.isArray(value) ? value.join(', ') || none : typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
const arrow = <T extends string | boolean | string[]>(c: Change<T>, none = 'none') => `${shown(c.from, none)} -> ${shown(c.to, none)}`;
const differs = <T>(c: Change<T>) => JSON.stringify(c.from) !== JSON.stringify(c.to);

/** What an event says, in one sentence of plain text (the commit and its author are said apart). */
export function eventSentence(event: ChangeEvent): string {
  switch (event.kind) {
    case 'added':
      return `added${event.version ? `, version ${event.version}` : ''}${event.status ? ` (${event.status})` : ''}${event.commit.imported ? ', imported with the baseline' : ''}`;
    case 'removed':
      return `deleted (${event.path})`;
    case 'version':
      return `version ${event.version} recorded (${event.date}, ${event.author}): ${event.details}`;
    case 'content':
      return 'content changed';
    case 'status':
      return event.status.to === 'retired' ? `retired (was ${shown(event.status.from)})` : `status ${arrow(event.status)}`;
    case 'approval': {
      const verdict = event.valid ? (event.commit.imported ? 'imported with the baseline' : 'proven') : `NOT VALID: ${event.problem ?? 'not proven'}`;
      return `approved${event.version ? ` version ${event.version}` : ''} by ${event.name ?? '(no name)'} (${event.roleTitle ?? 'no role'}), dated ${event.date ?? '(no date)'}: ${verdict}`;
    }
    case 'review':
      return `reviewed, dated ${event.date ?? '(no date)'}`;
    case 'acceptance':
      return `risk ${event.risk} accepted by ${event.byTitle ?? '(no role)'}, dated ${event.date ?? '(no date)'}${event.expires ? `, until ${event.expires}` : ''}`;
    case 'risk-added':
      return `risk ${event.risk} added`;
    case 'risk-removed':
      return `risk ${event.risk} removed`;
    case 'risk-rerated':
      return `risk ${event.risk} re-rated: ${[differs(event.inherent) ? `inherent ${arrow(event.inherent)}` : '', differs(event.residual) ? `residual ${arrow(event.residual)}` : ''].filter(Boolean).join('; ')}`;
    case 'risk-treated':
      return `risk ${event.risk} treatment changed: ${[differs(event.treatment) ? `treatment ${arrow(event.treatment)}` : '', differs(event.controls) ? `controls ${arrow(event.controls)}` : ''].filter(Boolean).join('; ')}`;
    case 'control': {
      const parts = [
        differs(event.applicable) ? `applicable ${arrow(event.applicable, 'undecided')}` : '',
        differs(event.implementation) ? `implementation ${arrow(event.implementation)}` : '',
        differs(event.owner) ? `owner ${arrow(event.owner)}` : '',
        event.justification ? 'justification changed' : '',
      ];
      return `control ${event.control} ${event.title}: ${parts.filter(Boolean).join('; ')}`;
    }
  }
}

/** Who and which commit: `2026-12-01 f847841 M. Woolard`. */
export function commitWords(commit: ChangeEvent['commit']): string {
  return `${commit.date} ${commit.hash.slice(0, 7)} ${commit.author}`;
}

/** A configuration change in one sentence: what changed, and whether a configuration approver made it. */
export function configurationSentence(change: ConfigurationChange): string {
  return `${change.files.join(' and ')}: ${change.changes.join('; ')}: ${change.valid ? 'by a configuration approver' : `NOT VALID: ${change.problem ?? 'not proven'}`}`;
}

/** The report's heading line: the two points and how many commits lie between. */
export function rangeSentence(report: ChangeReport): string {
  const from = report.from ? `${report.from.commit.slice(0, 7)} (${report.from.date})` : 'the first commit';
  return `From ${from} to ${report.to.commit.slice(0, 7)} (${report.to.date}): ${report.commits} ${report.commits === 1 ? 'commit' : 'commits'}.`;
}
