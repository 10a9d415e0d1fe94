import { createDiagnostic, START_OF_FILE, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
import { failureText, internalError } from '../rules/internal-error.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { dedupeDiagnostics, sortDiagnostics } from './pipeline.js';
import { severityOf } from './severity.js';

export interface CheckOptions {
  /** "Today" for date rules, YYYY-MM-DD. */
  asOf: string;
  rules: readonly Rule[];
  /** Which documents to report on (all by default); every document is still read, for references and ids. */
  include?: (doc: SourceDocument) => boolean;
  git?: GitEvidence;
  /** The severity of these rules when they are on, whatever the configuration says (`build --release`: git-uncommitted is an error). */
  severity?: Readonly<Record<string, Severity>>;
}

/** A rule that threw, with what it threw (the CLI prints the stack with ISMS_DEBUG=1). */
export interface RuleFailure {
  rule: string;
  error: unknown;
}

/** The documents a run reports on, and what it found. */
export interface CheckResult {
  documents: Array<{ file: string; id: string | null }>;
  diagnostics: Diagnostic[];
  /** Rules that threw; each is also an `internal-error` diagnostic. */
  failures: RuleFailure[];
}

/**
 * Runs every enabled rule over a loaded workspace. No I/O: the workspace is already read. A rule that
 * throws is one `internal-error` finding naming it, and the other rules still run (DESIGN section 3).
 */
export function check(workspace: Workspace, options: CheckOptions): CheckResult {
  const include = options.include ?? (() => true);
  const reported: Diagnostic[] = [];
  const failures: RuleFailure[] = [];
  const contextFor = (rule: Rule, documents: readonly SourceDocument[], report: (diagnostic: Diagnostic) => void): RuleContext | undefined => {
    const severity = severityOf(rule, workspace.config.rules, options.severity);
    if (!severity) return undefined;
    return {
      documents,
      config: workspace.config,
      configFile: workspace.configFile,
      entries: workspace.entries,
      asOf: options.asOf,
      ...(options.git ? { git: options.git } : {}),
      severityOf: (other) => severityOf(other, workspace.config.rules, options.severity),
      reportFile(file, at, message) {
        report(createDiagnostic({ rule: rule.id, severity, file, at, document: null, message }));
      },
      report(document, at, message) {
        if (!include(document)) return;
        report(createDiagnostic({ rule: rule.id, severity, file: document.file, at, document: document.meta.id ?? null, message }));
      },
    };
  };
  for (const rule of options.rules) {
    const context = contextFor(rule, workspace.documents, (d) => reported.push(d));
    if (!context) continue;
    try {
      rule.check(context);
    } catch (error) {
      failures.push({ rule: rule.id, error });
      const failed = documentFailing(rule, workspace.documents, (documents) => contextFor(rule, documents, () => undefined));
      const severity = severityOf(internalError, workspace.config.rules, options.severity);
      if (severity) {
        const message = `rule ${rule.id} failed${failed ? ' on this document' : ''}: ${failureText(error)}; its findings are incomplete, the other rules still ran`;
        reported.push(
          failed
            ? createDiagnostic({ rule: internalError.id, severity, file: failed.file, at: START_OF_FILE, document: failed.meta.id ?? null, message })
            : createDiagnostic({ rule: internalError.id, severity, file: workspace.configFile, at: START_OF_FILE, document: null, message }),
        );
      }
    }
  }
  return {
    documents: workspace.documents.filter(include).map((doc) => ({ file: doc.file, id: doc.meta.id ?? null })),
    diagnostics: sortDiagnostics(dedupeDiagnostics(reported)),
    failures,
  };
}

/** The first document that makes the rule fail on its own, if one does (a rule may fail on documents together). */
function documentFailing(rule: Rule, documents: readonly SourceDocument[], contextOf: (documents: readonly SourceDocument[]) => RuleContext | undefined): SourceDocument | undefined {
  return documents.find((doc) => {
    const context = contextOf([doc]);
    if (!context) return false;
    try {
      rule.check(context);
      return false;
    } catch {
      return true;
    }
  });
}
