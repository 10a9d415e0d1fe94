import type { ExportTable } from './export-table.js';

/**
 * The export as one JSON object: `tool`, `export` (soa, register, risks), `title`, `organization`,
 * `source` (the commit read), `facts`, `columns` (key and header), `rows` (one object per row, keyed
 * by column: lists as arrays, dates as YYYY-MM-DD, numbers as numbers, null for nothing) and `summary`.
 */
export function toJson(table: ExportTable, toolVersion: string): string {
  const { kind, title, organization, source, columns, rows, facts, summary } = table;
  return (
    JSON.stringify(
      {
        tool: { name: 'isms', version: toolVersion },
        export: kind,
        title,
        organization,
        source,
        facts: facts.map(([label, value]) => ({ label, value })),
        columns: columns.map(({ key, header }) => ({ key, header })),
        rows,
        summary,
      },
      null,
      2,
    ) + '\n'
  );
}
