/** A span in a file: 1-based lines and columns; `endColumn` is the column just after the span (as SARIF). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning';

/** One finding, as every reporter receives it and as `--format json` prints it (DESIGN section 2). */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** POSIX path relative to the current working directory. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Document id, or null when the file has none (unreadable, no metadata). */
  document: string | null;
  message: string;
}

/** Where a finding about a whole file points: line 1, column 1 (frozen: it is shared). */
export const START_OF_FILE: Readonly<Range> = Object.freeze({ line: 1, column: 1, endLine: 1, endColumn: 1 });

/** The one place a diagnostic is built, so every reporter sees the same shape and field order. */
export function createDiagnostic(input: { rule: string; severity: Severity; file: string; at: Range; document: string | null; message: string }): Diagnostic {
  const { at } = input;
  return {
    rule: input.rule,
    severity: input.severity,
    file: input.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    document: input.document,
    message: input.message,
  };
}
