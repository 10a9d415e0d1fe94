import { readFileSync } from 'node:fs';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (offsets into `text`), last first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

/** The byte form a file had on disk (BOM, CRLF), so an edited text can be written back the same way. */
export interface FileForm {
  bom: boolean;
  crlf: boolean;
}

export function fileForm(file: string): FileForm {
  const raw = readFileSync(file, 'utf8');
  return { bom: raw.charCodeAt(0) === 0xfeff, crlf: /\r\n/.test(raw) };
}

/** Edited text (LF, no BOM, as documents are read) back in the file's own form. */
export function inForm(text: string, form: FileForm): string {
  return (form.bom ? '\uFEFF' : '') + (form.crlf ? text.replace(/\n/g, '\r\n') : text);
}

const PLAIN = /^[A-Za-z][\w .,()/'&+-]*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|~)$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, JSON-quoted otherwise. */
export function yamlScalar(value: string): string {
  return PLAIN.test(value) && !RESERVED.test(value) && !/[:#]\s|\s$/.test(value) ? value : JSON.stringify(value);
}

/** A Markdown table cell: pipes escaped, line breaks folded. */
export function tableCell(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}
