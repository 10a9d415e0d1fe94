import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import type { HistoryRow } from '../documents/version-history.js';
import { LineIndex } from '../text/line-index.js';
import { parseVersion } from '../text/version.js';
import { applyEdits, tableCell, yamlScalar, type TextEdit } from './text-edits.js';

export type Planned = { ok: true; text: string } | { ok: false; message: string };

interface Editor {
  lines: LineIndex;
  text: string;
  replace(at: Range, text: string): TextEdit;
  /** An insertion just after the end of a line. */
  afterLine(line: number, text: string): TextEdit;
}

function editor(doc: SourceDocument & { text: string }): Editor {
  const lines = new LineIndex(doc.text);
  const lineEnd = (line: number) => {
    const next = doc.text.indexOf('\n', lines.offset(line, 1));
    return next === -1 ? doc.text.length : next;
  };
  return {
    lines,
    text: doc.text,
    replace: (at, text) => ({ start: lines.offset(at.line, at.column), end: lines.offset(at.endLine, at.endColumn), text }),
    afterLine: (line, text) => ({ start: lineEnd(line), end: lineEnd(line), text: `\n${text}` }),
  };
}

function usable(doc: SourceDocument): doc is SourceDocument & { text: string; data: Record<string, unknown> } {
  return doc.text !== undefined && doc.data !== undefined && doc.parseProblems.length === 0;
}

/** The next version after the newest row (or `version`): minor + 1, or the next major. */
export function nextVersion(doc: SourceDocument, major: boolean): string | undefined {
  const newest = doc.history?.rows.at(-1)?.version ?? doc.meta.version;
  const parsed = newest ? parseVersion(newest) : undefined;
  if (!parsed) return undefined;
  return major ? `${parsed.major + 1}.0` : `${parsed.major}.${parsed.minor + 1}`;
}

/**
 * Adds a version-history row, sets `version`, and sets `status` to draft (0.x) or in-review: the new
 * version is not approved yet. Only those three places change; comments and formatting stay.
 */
export function planNewVersion(doc: SourceDocument, input: HistoryRow): Planned {
  if (!usable(doc)) return { ok: false, message: `${doc.file} cannot be read; run isms validate` };
  if (doc.meta.status === 'retired') return { ok: false, message: `${doc.file} is retired` };
  const history = doc.history;
  if (!history?.found || history.problems.length > 0) return { ok: false, message: `${doc.file} has no well-formed version history to add to; run isms validate` };
  const versionEntry = doc.map.get('/version');
  const statusEntry = doc.map.get('/status');
  if (!versionEntry || !statusEntry) return { ok: false, message: `${doc.file} has no version or status to update` };
  const edit = editor(doc);
  const status = input.version.startsWith('0.') ? 'draft' : 'in-review';
  const edits: TextEdit[] = [edit.replace(versionEntry.value, `"${input.version}"`)];
  if (doc.meta.status !== status) edits.push(edit.replace(statusEntry.value, status));

  if (doc.format === 'markdown') {
    const table = history.table;
    if (!table) return { ok: false, message: `${doc.file} has no version history table` };
    const cells = table.columns.map((field) =>
      field === 'version' ? input.version : field === 'date' ? input.date : field === 'author' ? tableCell(input.author) : field === 'details' ? tableCell(input.details) : '',
    );
    edits.push(edit.afterLine(table.at.endLine, `| ${cells.join(' | ')} |`));
  } else {
    const count = Array.isArray(doc.data['versions']) ? doc.data['versions'].length : 0;
    const last = doc.map.get(`/versions/${count - 1}`);
    if (count === 0 || !last) return { ok: false, message: `${doc.file}: "versions" is empty; write its first row by hand` };
    if (doc.map.get('/versions')?.raw.startsWith('[')) return { ok: false, message: `${doc.file}: "versions" is a [flow] list; write it as a block list (one "- " item per line) to add rows` };
    const lineText = doc.text.split('\n')[last.value.line - 1] ?? '';
    const dash = lineText.indexOf('-');
    const indent = ' '.repeat(Math.max(0, dash));
    const fields = `version: "${input.version}", date: ${input.date}, author: ${yamlScalar(input.author)}, details: ${yamlScalar(input.details)}`;
    const row = last.raw.startsWith('{')
      ? `${indent}- { ${fields} }`
      : [`${indent}- version: "${input.version}"`, `${indent}  date: ${input.date}`, `${indent}  author: ${yamlScalar(input.author)}`, `${indent}  details: ${yamlScalar(input.details)}`].join('\n');
    edits.push(edit.afterLine(last.value.endLine, row));
  }
  return { ok: true, text: applyEdits(doc.text, edits) };
}

/** Sets `status: approved` and writes the approval block, in the style the document already uses. */
export function planApproval(doc: SourceDocument, approval: { by: string; name: string; date: string }): Planned {
  if (!usable(doc)) return { ok: false, message: `${doc.file} cannot be read; run isms validate` };
  const statusEntry = doc.map.get('/status');
  if (!statusEntry) return { ok: false, message: `${doc.file} has no status` };
  const edit = editor(doc);
  const edits: TextEdit[] = [];
  if (doc.meta.status !== 'approved') edits.push(edit.replace(statusEntry.value, 'approved'));
  const values = { by: approval.by, name: yamlScalar(approval.name), date: approval.date };
  const existing = doc.map.get('/approval');
  if (existing?.key) {
    const indent = ' '.repeat(existing.key.column - 1);
    const block = existing.raw.startsWith('{')
      ? `approval: { by: ${values.by}, name: ${values.name}, date: ${values.date} }`
      : `approval:\n${indent}  by: ${values.by}\n${indent}  name: ${values.name}\n${indent}  date: ${values.date}`;
    edits.push(edit.replace({ ...existing.key, endLine: existing.value.endLine, endColumn: existing.value.endColumn }, block));
  } else {
    edits.push(edit.afterLine(statusEntry.value.endLine, `approval:\n  by: ${values.by}\n  name: ${values.name}\n  date: ${values.date}`));
  }
  return { ok: true, text: applyEdits(doc.text, edits) };
}

/** Sets `review.last` to the date: the value when there is one, else a new `review` block after `status`. */
export function planReview(doc: SourceDocument, date: string): Planned {
  if (!usable(doc)) return { ok: false, message: `${doc.file} cannot be read; run isms validate` };
  const edit = editor(doc);
  const last = doc.map.get('/review/last');
  if (last) return { ok: true, text: applyEdits(doc.text, [edit.replace(last.value, date)]) };
  if (doc.map.get('/review')) return { ok: false, message: `${doc.file}: "review" has no "last" to update; add "last: ${date}" to it by hand` };
  const statusEntry = doc.map.get('/status');
  if (!statusEntry) return { ok: false, message: `${doc.file} has no status` };
  const anchor = doc.map.get('/approval') ?? statusEntry;
  return { ok: true, text: applyEdits(doc.text, [edit.afterLine(anchor.value.endLine, `review:\n  last: ${date}`)]) };
}

/** Writes a risk's acceptance (replacing the one it has), in the style the risk already uses. */
export function planAcceptance(doc: SourceDocument, riskPointer: string, acceptance: { by: string; date: string; expires: string }): Planned {
  if (!usable(doc)) return { ok: false, message: `${doc.file} cannot be read; run isms validate` };
  const edit = editor(doc);
  const flow = `{ by: ${acceptance.by}, date: ${acceptance.date}, expires: ${acceptance.expires} }`;
  const existing = doc.map.get(`${riskPointer}/acceptance`);
  if (existing?.key) {
    if (existing.raw.startsWith('{')) return { ok: true, text: applyEdits(doc.text, [edit.replace(existing.value, flow)]) };
    const indent = ' '.repeat(existing.key.column - 1);
    const block = `acceptance:\n${indent}  by: ${acceptance.by}\n${indent}  date: ${acceptance.date}\n${indent}  expires: ${acceptance.expires}`;
    return { ok: true, text: applyEdits(doc.text, [edit.replace({ ...existing.key, endLine: existing.value.endLine, endColumn: existing.value.endColumn }, block)]) };
  }
  const risk = doc.map.get(riskPointer);
  const id = doc.map.get(`${riskPointer}/id`);
  if (!risk || !id?.key || risk.raw.startsWith('{')) return { ok: false, message: `risk at ${riskPointer} is a one-line {flow} map without an acceptance: add "acceptance: ${flow}" by hand` };
  const indent = ' '.repeat(id.key.column - 1);
  return { ok: true, text: applyEdits(doc.text, [edit.afterLine(risk.value.endLine, `${indent}acceptance: ${flow}`)]) };
}
