import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeControls } from '../text/controls.js';
import { byFile, plural, summarize, type Reporter } from './report.js';

const paint = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[39m`;

/** The default: findings grouped by file, aligned, with a closing count (colour only on a terminal). */
export const stylish: Reporter = ({ result, color, quiet }) => {
  const red = color ? paint(31) : (t: string) => t;
  const yellow = color ? paint(33) : (t: string) => t;
  const dim = color ? (t: string) => `\u001b[2m${t}\u001b[22m` : (t: string) => t;
  const underline = color ? (t: string) => `\u001b[4m${t}\u001b[24m` : (t: string) => t;
  const summary = summarize(result);
  if (result.diagnostics.length === 0) {
    return `${plural(summary.documents, 'document')} checked, no ${quiet ? 'errors' : 'problems'}\n`;
  }
  const where = (d: Diagnostic) => `${d.line}:${d.column}`;
  const width = result.diagnostics.reduce((widest, d) => Math.max(widest, where(d).length), 0);
  const lines: string[] = [];
  for (const [file, diagnostics] of byFile(result.diagnostics)) {
    lines.push(underline(escapeControls(file)));
    for (const d of diagnostics) {
      const severity = d.severity === 'error' ? red('error  ') : yellow('warning');
      lines.push(`  ${dim(where(d).padEnd(width))}  ${severity}  ${escapeControls(d.message)}  ${dim(d.rule)}`);
    }
    lines.push('');
  }
  const total = summary.errors + summary.warnings;
  const tally = `✖ ${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(summary.documents, 'document')}`;
  lines.push(summary.errors > 0 ? red(tally) : yellow(tally));
  return lines.join('\n') + '\n';
};
