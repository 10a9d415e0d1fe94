import type { ContentField, ContentValue, RecordView } from '../record-view.js';
import type { PdfContent } from './pdf-content.js';
import { cellTable, pdfTable, tableFits, type TextArea } from './pdf-table.js';

/** The colour of an open nonconformity past its due date, as the site's `.overdue`. */
const OVERDUE_COLOR = '#b23a48';
/** A label and its text are kept on one page when the text is shorter than this (a longer one may run over). */
const KEEP_WITH_LABEL = 600;

const cellText = (value: ContentValue | undefined): number => {
  if (!value) return 0;
  switch (value.kind) {
    case 'text':
    case 'date':
      return value.text.length;
    case 'list':
      return value.items.reduce((n, item) => n + cellText(item), 0);
    case 'fields':
      return value.fields.reduce((n, field) => n + field.label.length + cellText(field.value), 0);
    case 'table':
      return value.rows.reduce((n, row) => n + row.reduce((m, cell) => m + cellText(cell), 0), 0);
  }
};

/** A date never wraps; an overdue one says so, in red. */
function dateText(value: Extract<ContentValue, { kind: 'date' }>): PdfContent {
  if (!value.overdue) return { text: value.text, noWrap: true };
  return { text: [{ text: value.text, noWrap: true }, ` (${value.overdue})`], color: OVERDUE_COLOR, bold: true };
}

/** A value inside a table cell or a list item: text as text, lists as bullet lines, objects as label: value lines, lists of objects as a table. */
function inCell(value: ContentValue | undefined): PdfContent {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return value.word ? { text: value.text, noWrap: true } : { text: value.text };
    case 'date':
      return dateText(value);
    case 'list':
      return { stack: value.items.map((item) => (isInline(item) ? { text: ['• ', inCell(item)] } : { stack: ['•', inCell(item)] })) };
    case 'fields':
      return {
        stack: value.fields.map((field) =>
          isInline(field.value) ? { text: [{ text: `${field.label}: `, bold: true }, inCell(field.value)] } : { stack: [{ text: field.label, bold: true }, inCell(field.value)] },
        ),
      };
    case 'table':
      return cellTable(
        value.columns.map((column) => column.label),
        value.rows.map((row) => row.map(inCell)),
      );
  }
}

const isInline = (value: ContentValue) => value.kind === 'text' || value.kind === 'date';

/** A table of a list of objects: a column per key any item has, in the schema's order. */
function tableOf(value: Extract<ContentValue, { kind: 'table' }>): { header: string[]; rows: PdfContent[][] } {
  return { header: value.columns.map((column) => column.label), rows: value.rows.map((row) => row.map(inCell)) };
}

/** A list's items without bullet columns inside: pdfmake's own list, for a list at the top. */
const bullets = (items: readonly ContentValue[]): PdfContent => ({ ul: items.map((item) => (isInline(item) ? inCell(item) : { stack: [inCell(item)] })), style: 'list' });

function field(field: ContentField, area: TextArea): PdfContent[] {
  const { value, label } = field;
  const heading = { text: label, style: 'h2' };
  switch (value.kind) {
    case 'table': {
      const { header, rows } = tableOf(value);
      return [pdfTable(header, rows, area, label)];
    }
    case 'fields':
      return [
        pdfTable(
          [],
          value.fields.map((f) => [{ text: f.label, style: 'th' }, inCell(f.value)]),
          area,
          label,
        ),
      ];
    default: {
      const body = value.kind === 'list' ? bullets(value.items) : { text: [inCell(value)], style: 'p' };
      return cellText(value) <= KEEP_WITH_LABEL ? [{ stack: [heading, body], unbreakable: true }] : [heading, body];
    }
  }
}

/** The content of a record (or of any YAML document without a view of its own), as the site shows it. */
export function recordBody(view: RecordView, area: TextArea): PdfContent[] {
  return view.fields.flatMap((f) => field(f, area));
}

/** Whether every table of a record reads well across `area` (portrait pages); if not, it is laid out on landscape pages. */
export function recordFits(view: RecordView, area: TextArea): boolean {
  return view.fields.every((f) => {
    if (f.value.kind !== 'table') return true;
    const { header, rows } = tableOf(f.value);
    return tableFits(header, rows, area);
  });
}
