import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckResult } from '../engine/check.js';
import type { ReviewSummary } from '../engine/review-summary.js';
import type { RuleInfo } from '../rules/catalogue.js';

/** What every reporter receives: the results, the tool and the rule registry. Reporters only format. */
export interface Report {
  tool: { name: string; version: string };
  result: CheckResult;
  rules: readonly RuleInfo[];
  /** ANSI colour (stylish only): the CLI decides (--color, --no-color, FORCE_COLOR, NO_COLOR, a terminal). */
  color: boolean;
  /** --quiet: warnings were left out of `result`, so "no problems" would say too much. */
  quiet?: boolean;
  /** The pull-request summary's own data (markdown only), computed by the CLI. */
  review?: ReviewSummary;
}

export type Reporter = (report: Report) => string;

export interface Summary {
  documents: number;
  errors: number;
  warnings: number;
}

export function summarize(result: CheckResult): Summary {
  return {
    documents: result.documents.length,
    errors: count(result.diagnostics, 'error'),
    warnings: count(result.diagnostics, 'warning'),
  };
}

function count(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.severity === severity).length;
}

/** Diagnostics grouped by file, in order of first appearance (linear: a document may have thousands). */
export function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
