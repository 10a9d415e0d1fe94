import type { Rule } from './rule.js';

/**
 * A rule that threw. No rule can catch another's failure, so the engine reports it under this id
 * (one finding per failed rule, at the document that makes it fail) and runs the other rules; this
 * entry gives the finding its place in the registry: a severity in the configuration, a SARIF rule,
 * a line of the rule catalogue.
 */
export const internalError: Rule = {
  id: 'internal-error',
  description: 'a rule failed on this document; the other rules still ran',
  defaultSeverity: 'error',
  check() {
    // Reported by the engine (src/engine/check.ts), which alone sees a rule fail.
  },
};

/** The first line of what a failed rule threw, kept short: it goes into every output format. */
export function failureText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
