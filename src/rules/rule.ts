import type { Config, RuleSetting } from '../config/config.js';
import type { Range, Severity } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import type { GitEvidence } from '../git/evidence.js';

export interface RuleContext {
  readonly documents: readonly SourceDocument[];
  readonly config: Config;
  /** The configuration file as output shows it. */
  readonly configFile: string;
  /** Every file and folder ("name/") under the documents root, POSIX, relative to it. */
  readonly entries: ReadonlySet<string>;
  /** "Today" for every date rule, YYYY-MM-DD (`--as-of`). */
  readonly asOf: string;
  /** Git evidence; undefined with --no-git (the git-* rules then say nothing). */
  readonly git?: GitEvidence;
  /** The severity a rule reports at in this run (undefined: it is off). */
  severityOf(rule: Rule): Severity | undefined;
  report(document: SourceDocument, at: Range, message: string): void;
  /** A finding on a file that is not a document (the configuration, for repository-wide problems). */
  reportFile(file: string, at: Range, message: string): void;
}

/** A rule: an id, what it checks, and a check that only reports (the engine adds rule id, severity, document). */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Exclude<RuleSetting, 'off'>;
  check(context: RuleContext): void;
}

/** Documents whose metadata could be read: rules about metadata look only at these. */
export function readable(context: RuleContext): SourceDocument[] {
  return context.documents.filter((doc) => doc.data !== undefined && doc.parseProblems.length === 0);
}
