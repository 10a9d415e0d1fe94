import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeControls } from '../text/controls.js';
import { byFile, plural, type Reporter } from './report.js';

/** Text as XML character data: controls XML 1.0 forbids (and those it only tolerates) shown as escapes, then entities. */
function xml(text: string): string {
  return escapeControls(text, { keepLineBreaks: true }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One finding a line, whatever its message holds. */
const describe = (d: Diagnostic) => `${escapeControls(d.file)}:${d.line}:${d.column} ${d.severity} ${escapeControls(d.message)} (${d.rule})`;
const attribute = (text: string) => xml(escapeControls(text));

/** JUnit XML: one testcase per document; errors fail it, warnings are printed with it. */
export const junit: Reporter = ({ result }) => {
  const groups = byFile(result.diagnostics);
  const failed = [...groups.values()].filter((diagnostics) => diagnostics.some((d) => d.severity === 'error')).length;
  // Findings on files that are not documents (the configuration, for repository-wide problems) get a case too.
  const documentFiles = new Set(result.documents.map((doc) => doc.file));
  const others = [...groups.keys()].filter((file) => !documentFiles.has(file)).map((file) => ({ file, id: null }));
  const documents = [...result.documents, ...others];
  const cases = documents.map((doc) => {
    const diagnostics = groups.get(doc.file) ?? [];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    const name = attribute(doc.id ? `${doc.id} (${doc.file})` : doc.file);
    const parts = [`    <testcase classname="isms.validate" name="${name}" file="${attribute(doc.file)}">`];
    if (errors.length > 0) {
      parts.push(`      <failure type="error" message="${xml(plural(errors.length, 'error'))}">${xml(errors.map(describe).join('\n'))}</failure>`);
    }
    if (warnings.length > 0) parts.push(`      <system-out>${xml(warnings.map(describe).join('\n'))}</system-out>`);
    parts.push('    </testcase>');
    return parts.join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="isms" tests="${documents.length}" failures="${failed}" errors="0">`,
    `  <testsuite name="isms validate" tests="${documents.length}" failures="${failed}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
