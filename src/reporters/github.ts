import type { Reporter } from './report.js';

/** Escaping of @actions/core `command.ts`: message data. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of @actions/core `command.ts`: property values (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one annotation per finding. */
export const github: Reporter = ({ result }) =>
  result.diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `endLine=${d.endLine}`,
        `col=${d.column}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`isms ${d.rule}`)}`,
      ].join(',');
      return `::${command} ${properties}::${escapeData(d.message)}\n`;
    })
    .join('');
