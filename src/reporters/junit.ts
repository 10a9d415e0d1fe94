import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { plural, type Reporter } from './report.js';

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const describe = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`;

/** JUnit XML: one testcase per document; errors fail it, warnings are printed with it. */
export const junit: Reporter = ({ result }) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const failed = [...byFile.keys()].filter((file) => (byFile.get(file) ?? []).some((d) => d.severity === 'error')).length;
  // Findings on files that are not documents (the configuration, for repository-wide problems) get a case too.
  const others = [...byFile.keys()].filter((file) => !result.documents.some((doc) => doc.file === file)).map((file) => ({ file, id: null }));
  const documents = [...result.documents, ...others];
  const cases = documents.map((doc) => {
    const diagnostics = byFile.get(doc.file) ?? [];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    const name = xml(doc.id ? `${doc.id} (${doc.file})` : doc.file);
    const parts = [`    <testcase classname="isms.validate" name="${name}" file="${xml(doc.file)}">`];
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
