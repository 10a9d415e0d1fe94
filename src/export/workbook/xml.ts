/**
 * Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF), a carriage return (which an XML
 * parser turns into a line feed), and text that reads as such an escape already (`_x0041_`).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is what it is for
const ESCAPED = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const MARKUP = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for an element or an attribute: markup characters as entities, and what XML cannot carry as
 * SpreadsheetML's `_xHHHH_` escapes (a literal `_x0041_` is written `_x005F_x0041_`), as Excel
 * writes them and spreadsheet readers read them back.
 */
export function xmlText(text: string): string {
  return text.replace(ESCAPED, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`).replace(MARKUP, (c) => ENTITIES[c]!);
}

/** A column's letters: 1 -> A, 26 -> Z, 27 -> AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's reference: (2, 3) -> C2. */
export const cellRef = (row: number, column: number): string => `${columnName(column)}${row}`;

/** The XML declaration every part starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
