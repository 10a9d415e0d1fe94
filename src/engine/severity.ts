import type { RuleSetting } from '../config/config.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Rule } from '../rules/rule.js';

/** The one place a rule's configured setting becomes an output severity (undefined: the rule is off). */
export function severityOf(rule: Rule, settings: Readonly<Record<string, RuleSetting>>): Severity | undefined {
  const setting = settings[rule.id] ?? rule.defaultSeverity;
  if (setting === 'off') return undefined;
  return setting === 'warn' ? 'warning' : 'error';
}
