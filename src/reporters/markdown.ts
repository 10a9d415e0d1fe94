import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChangedDocument, PendingApproval } from '../engine/review-summary.js';
import { escapeControls } from '../text/controls.js';
import { byFile, plural, summarize, type Reporter } from './report.js';

/** More findings than this are counted, not listed: a job summary holds 1 MiB, a pull-request comment 65,536 characters. */
export const MARKDOWN_FINDINGS_SHOWN = 200;

/**
 * Text from documents as Markdown that shows it as written: controls escaped, every ASCII punctuation
 * character that Markdown could act on backslash-escaped, `<` and `&` as entities (no HTML, no
 * link, no emphasis, no table cell break), one line.
 */
export function markdownText(text: string): string {
  return escapeControls(text)
    .replace(/[\\`*_{}[\]()#+\-.!|~>"'@:]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A link target (already a URL or an encoded path): the characters that would end it in Markdown, percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const dash = '—';

/** The pull-request summary: a one-line verdict, the documents changed, the approvals still needed, the findings by document. */
export const markdown: Reporter = ({ tool, result, review, quiet }) => {
  const summary = summarize(result);
  const links = review?.fileLinks ?? {};
  const where = (file: string) => links[file] ?? file;
  const passed = review?.gate.passed ?? summary.errors === 0;
  const lines: string[] = [];

  const counts = quiet ? plural(summary.errors, 'error') : `${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')}`;
  const tooMany = review?.gate.maxWarnings !== null && review?.gate.maxWarnings !== undefined && summary.errors === 0 && !passed ? ` (more than --max-warnings ${review.gate.maxWarnings})` : '';
  const verdict = [
    `${counts}${tooMany} in ${plural(summary.documents, 'document')}`,
    ...(review?.changes ? [`${plural(review.changes.length, 'document')} changed since ${markdownText(review.base ?? '')}`] : []),
    ...(review ? [review.approvals.length === 0 ? 'no approval pending' : `${plural(review.approvals.length, 'approval')} still needed`] : []),
  ].join('; ');
  lines.push(`**${passed ? '✅ isms: passed' : '❌ isms: failed'}**: ${verdict}.`, '');

  if (review?.changes) {
    lines.push(`#### Documents changed since \`${escapeControls(review.base ?? '').replace(/`/g, "'")}\``, '');
    if (review.changes.length === 0) lines.push('No controlled document changed.', '');
    else lines.push('| Document | Title | Version | Status |', '|---|---|---|---|', ...review.changes.map((change) => changeRow(change, where)), '');
  }

  if (review && review.approvals.length > 0) {
    lines.push(
      '#### Approvals still needed',
      '',
      '| Document | Version | Why | Approved by (role: members) |',
      '|---|---|---|---|',
      ...review.approvals.map((pending) => approvalRow(pending, where)),
      '',
    );
  }

  lines.push('#### Findings', '');
  if (result.diagnostics.length === 0) {
    lines.push(quiet ? 'No errors.' : 'No problems.', '');
  } else {
    let shown = 0;
    for (const [file, diagnostics] of byFile(result.diagnostics)) {
      if (shown >= MARKDOWN_FINDINGS_SHOWN) break;
      const id = diagnostics.find((d) => d.document)?.document;
      lines.push(`**[${markdownText(file)}](${linkTarget(where(file))})**${id ? ` (${markdownText(id)})` : ''}`, '');
      for (const d of diagnostics) {
        if (shown >= MARKDOWN_FINDINGS_SHOWN) break;
        lines.push(findingLine(d, where(file)));
        shown++;
      }
      lines.push('');
    }
    const rest = result.diagnostics.length - shown;
    if (rest > 0) lines.push(`… and ${plural(rest, 'more finding')}: run \`isms validate\` for all of them.`, '');
  }
  lines.push(`<sub>${markdownText(tool.name)} ${markdownText(tool.version)}</sub>`, '');
  return lines.join('\n');
};

function documentCell(entry: { id: string | null; file: string; change?: ChangedDocument['change'] }, where: (file: string) => string): string {
  const name = markdownText(entry.id ?? entry.file);
  return entry.change === 'removed' ? name : `[${name}](${linkTarget(where(entry.file))})`;
}

function changeRow(change: ChangedDocument, where: (file: string) => string): string {
  const version =
    change.change === 'added'
      ? `new: ${markdownText(change.after?.version ?? dash)}`
      : change.change === 'removed'
        ? 'removed, or no longer checked'
        : transition(change.before?.version, change.after?.version);
  const status = change.change === 'added' ? markdownText(change.after?.status ?? dash) : change.change === 'removed' ? dash : transition(change.before?.status, change.after?.status);
  return `| ${documentCell(change, where)} | ${markdownText(change.title ?? dash)} | ${version} | ${status} |`;
}

/** `1.0 → 1.1`, or the value alone when it did not change. */
function transition(before: string | null | undefined, after: string | null | undefined): string {
  const [from, to] = [markdownText(before ?? dash), markdownText(after ?? dash)];
  return from === to ? to : `${from} → ${to}`;
}

function approvalRow(pending: PendingApproval, where: (file: string) => string): string {
  const why = pending.reason.kind === 'in-review' ? 'in review' : `approval not valid: ${markdownText(pending.reason.problem)}`;
  const roles =
    pending.roles.length === 0
      ? 'no role approves this type (isms.config.yaml, approvers)'
      : pending.roles
          .map((role) => `${markdownText(role.id)}${role.title ? ` (${markdownText(role.title)})` : ''}: ${role.members.length > 0 ? role.members.map(markdownText).join(', ') : 'no members'}`)
          .join('; ');
  return `| ${documentCell(pending, where)} | ${markdownText(pending.version ?? dash)} | ${why} | ${roles} |`;
}

function findingLine(d: Diagnostic, link: string): string {
  const mark = d.severity === 'error' ? '❌ error' : '⚠️ warning';
  return `- ${mark} [line ${d.line}, column ${d.column}](${linkTarget(`${link}#L${d.line}`)}): ${markdownText(d.message)} (\`${d.rule}\`)`;
}
