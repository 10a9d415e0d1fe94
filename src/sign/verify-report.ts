import { escapeControls } from '../text/controls.js';
import { unchecked, type PdfReport, type VerifyReport } from './verify.js';

/** Everything echoed from a file (names, subjects, reasons, ids) goes through here: none may act on the terminal. */
const safe = (text: string) => escapeControls(text);

function pdfLines(pdf: PdfReport): string[] {
  const lines = [pdf.verified ? `verified  ${safe(pdf.file)}: ${safe(pdf.sentence)}` : `NOT VERIFIED  ${safe(pdf.file)}`];
  for (const problem of pdf.problems) lines.push(`    - ${safe(problem)}`);
  for (const doc of pdf.contents ?? []) {
    const git = doc.git ? (doc.git.ok ? (doc.git.proof ?? 'as git has it') : `NOT as git has it: ${doc.git.problem ?? ''}`) : unchecked(doc);
    lines.push(`    ${safe(doc.id)} ${safe(doc.version)}: ${safe(git)}`);
  }
  for (const note of pdf.notes) lines.push(`    note: ${safe(note)}`);
  return lines;
}

/** The human report of `isms verify`: a line per file, the reasons under it, and a verdict. */
export function verifyTable(report: VerifyReport): string {
  const lines: string[] = [];
  const { manifest } = report;
  if (manifest) {
    const signer = manifest.signature?.certificate
      ? `signed by ${manifest.signature.certificate.subject}${manifest.signature.signingTime ? `, at ${manifest.signature.signingTime}` : ''}`
      : 'not signed';
    const ok = manifest.problems.length === 0;
    lines.push(`${ok ? 'verified' : 'NOT VERIFIED'}  ${manifest.file}: ${safe(signer)}; ${manifest.listed} files listed${ok ? ', each present and unchanged, nothing else' : ''}`);
    for (const problem of manifest.problems) lines.push(`    - ${safe(problem)}`);
  }
  for (const pdf of report.pdfs) lines.push(...pdfLines(pdf));
  const claims = report.pdfs.reduce((n, pdf) => n + (pdf.document ? 1 : 0) + (pdf.contents?.length ?? 0), 0);
  if (!report.git.checked) lines.push(`git: not checked (${safe(report.git.reason ?? 'no documents repository')})`);
  else
    lines.push(
      claims > 0
        ? `git: ${claims} ${claims === 1 ? 'document' : 'documents'} checked against the history of the documents repository`
        : 'git: no PDF says which document it is, so nothing was checked against git',
    );
  const verified = report.pdfs.filter((p) => p.verified).length;
  const what = report.kind === 'folder' ? `${verified} of ${report.pdfs.length} PDFs verified; the build in ${safe(report.target)} is` : `${safe(report.target)} is`;
  lines.push(`${what} ${report.verified ? 'verified' : 'NOT verified'}${report.ca ? '' : ' (no --ca: signers not checked)'}`);
  return `${lines.join('\n')}\n`;
}

/** The machine report: one JSON object (README, isms verify). */
export function verifyJson(report: VerifyReport, toolVersion: string): string {
  return `${JSON.stringify({ tool: { name: 'isms', version: toolVersion }, ...report }, null, 2)}\n`;
}
