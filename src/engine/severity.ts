import type { RuleSetting } from '../config/config.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Rule } from '../rules/rule.js';

/**
 * The one place a rule's configured setting becomes an output severity (undefined: the rule is off).
 * `raised` gives the severity of rules that are on, whatever their setting (`build --release` makes
 * git-uncommitted an error); a rule the configuration turns off stays off.
 */
export function severityOf(rule: Rule, settings: Readonly<Record<string, RuleSetting>>, raised: Readonly<Record<string, Severity>> = {}): Severity | undefined {
  const setting = settings[rule.id] ?? rule.defaultSeverity;
  if (setting === 'off') return undefined;
  if (Object.hasOwn(raised, rule.id)) return raised[rule.id];
  return setting === 'warn' ? 'warning' : 'error';
}
