import { createDiagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import type { Workspace } from '../documents/workspace.js';
import type { GitEvidence } from '../git/evidence.js';
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

/** The documents a run reports on, and what it found. */
export interface CheckResult {
  documents: Array<{ file: string; id: string | null }>;
  diagnostics: Diagnostic[];
}

/** Runs every enabled rule over a loaded workspace. No I/O: the workspace is already read. */
export function check(workspace: Workspace, options: CheckOptions): CheckResult {
  const include = options.include ?? (() => true);
  const reported: Diagnostic[] = [];
  for (const rule of options.rules) {
    const severity = severityOf(rule, workspace.config.rules, options.severity);
    if (!severity) continue;
    const context: RuleContext = {
      documents: workspace.documents,
      config: workspace.config,
      configFile: workspace.configFile,
      entries: workspace.entries,
      asOf: options.asOf,
      ...(options.git ? { git: options.git } : {}),
      reportFile(file, at, message) {
        reported.push(createDiagnostic({ rule: rule.id, severity, file, at, document: null, message }));
      },
      report(document, at, message) {
        if (!include(document)) return;
        reported.push(createDiagnostic({ rule: rule.id, severity, file: document.file, at, document: document.meta.id ?? null, message }));
      },
    };
    rule.check(context);
  }
  return {
    documents: workspace.documents.filter(include).map((doc) => ({ file: doc.file, id: doc.meta.id ?? null })),
    diagnostics: sortDiagnostics(dedupeDiagnostics(reported)),
  };
}
