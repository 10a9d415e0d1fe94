import { escapeControls } from '../text/controls.js';
import type { ClauseStatus, StatusReport } from './status.js';

/** Columns padded to their widest cell; what documents say is shown, never acted on by the terminal. */
function table(header: string[], cellsOf: string[][]): string {
  const rows = cellsOf.map((cells) => cells.map((cell) => escapeControls(cell)));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function proofCell(proof: StatusReport['documents'][number]['approvalProof']): string {
  if (!proof) return '';
  if (proof.proof === 'uncommitted') return 'not committed';
  if (!proof.valid) return `NOT VALID ${proof.commit ?? ''}`.trim();
  if (proof.proof === 'baseline') return `imported ${proof.commit ?? ''}`.trim();
  return `${proof.commit ?? ''} ${proof.signed ? 'signed' : 'unsigned'}`.trim();
}

function reviewCell(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft < 0) return `${-daysLeft} days overdue`;
  return `${daysLeft} days left`;
}

/** `isms status` for people: the document register, then the SoA and risk summaries. */
export function statusTable(report: StatusReport): string {
  const at = report.at ? `, at commit ${report.at.commit.slice(0, 7)} of ${report.at.date} (read from git, not the working tree)` : '';
  const out: string[] = [escapeControls(`${report.organization} ISMS, as of ${report.asOf}${at}`), ''];
  out.push(
    table(
      ['ID', 'Title', 'Type', 'Owner', 'Version', 'Status', 'Approved by', 'Approved on', 'Proof', 'Next review', 'Due'],
      report.documents.map((d) => [
        d.id ?? '(unreadable)',
        d.title ?? d.file,
        d.type ?? '',
        d.owner ?? '',
        d.version ?? '',
        d.status ?? '',
        d.approvedBy ? `${d.approvedBy.name} (${d.approvedBy.role})` : '',
        d.approvedOn ?? '',
        proofCell(d.approvalProof),
        d.nextReview ?? '',
        reviewCell(d.daysLeft),
      ]),
    ),
  );
  const { coverage } = report;
  if (coverage.asked) {
    const covered = coverage.clauses.filter((c) => c.documents.length > 0).length;
    const byApproved = coverage.clauses.filter((c) => c.approved.length > 0).length;
    out.push('', `Mandatory documented information (${coverage.edition}): ${covered} of ${coverage.clauses.length} clauses covered, ${byApproved} by validly approved documents`);
    const coveredBy = (c: ClauseStatus) => [...c.approved, ...c.notApproved.map((n) => `${n.document} (${n.why})`)].join(', ') || 'NOT COVERED';
    out.push(
      table(
        ['Clause', 'Documented information', 'Covered by'],
        coverage.clauses.map((c) => [c.clause, c.documented, coveredBy(c)]),
      ),
    );
  }
  for (const soa of report.soa) {
    const others = soa.otherSources.applicable + soa.otherSources.excluded > 0 ? `; from other sources: ${soa.otherSources.applicable} applicable, ${soa.otherSources.excluded} excluded` : '';
    out.push(
      '',
      `Statement of Applicability ${escapeControls(soa.document ?? '')} (${soa.standard}): ${soa.applicable} applicable, ${soa.excluded} excluded, ${soa.catalogue - soa.decided} undecided of ${soa.catalogue}${others}`,
    );
    out.push(
      table(
        ['Theme', 'Applicable', 'Excluded', 'Implemented', 'Partial', 'Planned', 'Not implemented'],
        soa.byGroup.map((g) => [
          g.title,
          String(g.applicable),
          String(g.excluded),
          String(g.implementation.implemented),
          String(g.implementation.partial),
          String(g.implementation.planned),
          String(g.implementation['not-implemented']),
        ]),
      ),
    );
  }
  for (const risk of report.risks) {
    out.push(
      '',
      `Risks ${escapeControls(risk.document ?? '')}: ${risk.total} (modify ${risk.treatments.modify}, retain ${risk.treatments.retain}, share ${risk.treatments.share}, avoid ${risk.treatments.avoid})`,
    );
    out.push(
      table(
        ['Level', 'Inherent', 'Residual'],
        risk.levels.map((level) => [level, String(risk.inherent[level] ?? 0), String(risk.residual[level] ?? 0)]),
      ),
    );
    if (risk.expiring.length > 0) {
      out.push('', 'Acceptances expiring within 90 days:');
      out.push(
        table(
          ['Risk', 'Accepted by', 'Expires', ''],
          risk.expiring.map((e) => [e.risk, e.by, e.expires, e.daysLeft < 0 ? `expired ${-e.daysLeft} days ago` : `${e.daysLeft} days left`]),
        ),
      );
    }
  }
  const { errors, warnings } = report.validation;
  out.push('', errors + warnings === 0 ? 'Validation: no problems.' : `Validation: ${errors} errors, ${warnings} warnings (run isms validate for details).`);
  return out.join('\n') + '\n';
}
