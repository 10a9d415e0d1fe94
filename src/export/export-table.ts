/** What `isms export` exports: the SoA, the master list of documented information, the risk register. */
export const EXPORT_KINDS = ['soa', 'register', 'risks'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How a column's values are written: `text` (wrapped in a workbook), `id` (never wrapped), `date`
 * (YYYY-MM-DD; a real date in a workbook), `number`, `list` (joined with ", "), `lines` (one item a line).
 */
export type ColumnKind = 'text' | 'id' | 'date' | 'number' | 'list' | 'lines';

export interface ExportColumn {
  /** The JSON key. */
  key: string;
  /** The header row's text. */
  header: string;
  kind: ColumnKind;
}

/** A cell: text, a number, a list (list and lines columns), or null when there is nothing to say. */
export type CellValue = string | number | string[] | null;

/** Where the exported documents were read: a commit (`--at`), or the working tree at HEAD. */
export interface ExportSource {
  /** The commit read (`--at`), or HEAD when the working tree was read; null outside git. */
  commit: string | null;
  /** Its committer date and time (ISO 8601), null outside git. */
  committed: string | null;
  /** `--at` as given; null when the working tree was read. */
  at: string | null;
  /** Documents of the working tree that differ from HEAD (paths as output shows them); always empty with --at. */
  uncommitted: string[];
}

/** A small table of the summary sheet (counts by theme, by level...). */
export interface SummaryTable {
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

/** One export, whatever its format: the rows, their columns, and the summary an auditor reads first. */
export interface ExportTable {
  kind: ExportKind;
  /** The sheet's name, and the export's title ("Statement of Applicability"). */
  title: string;
  organization: string;
  source: ExportSource;
  columns: ExportColumn[];
  rows: Array<Record<string, CellValue>>;
  /** Label and value pairs that head the summary: the document exported, its approval, the source. */
  facts: Array<[string, string]>;
  summary: SummaryTable[];
}

/** A cell as text: lists joined (", ", or one item a line), numbers as written, nothing as ''. */
export function cellText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(kind === 'lines' ? '\n' : ', ');
  return String(value);
}

/** "b642bd7 of 2026-12-01, as committed (read from git)" or "the working tree at HEAD b642bd7 (...)": how an export names what it shows. */
export function sourceSentence(source: ExportSource): string {
  if (source.commit === null) return 'the working tree (not a git repository: no commit)';
  const commit = `${source.commit.slice(0, 7)} of ${source.committed?.slice(0, 10) ?? '?'}`;
  if (source.at !== null) return `commit ${commit}, read from git (--at ${source.at})`;
  const changed = source.uncommitted.length > 0 ? `, with uncommitted changes to ${source.uncommitted.join(', ')}` : '';
  return `the working tree at HEAD, commit ${commit}${changed}`;
}
