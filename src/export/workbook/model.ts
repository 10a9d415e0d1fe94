/**
 * The few cell styles an export needs, by name: `top` (aligned to the top), `wrap` (top, wrapped),
 * `date` (top, shown yyyy-mm-dd), `header` (bold, top), `bold`; `plain` is the workbook's default.
 */
export type CellStyle = 'plain' | 'top' | 'wrap' | 'date' | 'header' | 'bold';

/**
 * A cell: text (always a string cell, never a formula), a number, a date (a calendar day, given at
 * midnight UTC) or nothing (a styled empty cell).
 */
export interface Cell {
  value: string | number | Date | null;
  style: CellStyle;
}

/** One row: its cells from column A (null leaves a column without a cell), and a fixed height in points. */
export interface Row {
  cells: Array<Cell | null>;
  height?: number;
}

/** One sheet. Rows and columns are 1-based where numbered; a null row is left empty. */
export interface Sheet {
  name: string;
  /** Each column's width, in characters. */
  widths: number[];
  rows: Array<Row | null>;
  /** Rows and columns kept in view while scrolling (the header row, the first column). */
  frozen?: { rows: number; columns: number };
  /** An auto-filter over every row and column of the sheet. */
  autoFilter?: boolean;
  /** Cells merged across columns of one row. */
  merges?: Array<{ row: number; firstColumn: number; lastColumn: number }>;
}

/** A workbook: its sheets, in order, and the document properties a spreadsheet shows. */
export interface Workbook {
  sheets: Sheet[];
  title: string;
  creator: string;
  company: string;
  /** Creation and modification time of the workbook, and the time of every file in its zip. */
  time: Date;
}
