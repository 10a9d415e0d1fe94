import { escapeControls } from '../text/controls.js';
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
        `file=${escapeProperty(escapeControls(d.file))}`,
        `line=${d.line}`,
        `endLine=${d.endLine}`,
        `col=${d.column}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`isms ${d.rule}`)}`,
      ].join(',');
      // Line breaks are the toolkit's to encode (%0A); other controls would act on the log viewer.
      return `::${command} ${properties}::${escapeData(escapeControls(d.message, { keepLineBreaks: true }))}\n`;
    })
    .join('');
