import { existsSync, readFileSync } from 'node:fs';
import type { Rule } from './rule.js';

/** What the catalogue says of a rule: all but its check. */
export type RuleInfo = Pick<Rule, 'id' | 'description' | 'defaultSeverity'>;

/** Written by the build from the registry (scripts/build-rule-catalogue.mjs). */
const BUILT = new URL('./catalogue.json', import.meta.url);

/**
 * The rules as `isms rules` lists them: the catalogue the build wrote from the registry, so that
 * listing them loads no rule (nor the parsers and the schemas the rules use); without a build (the
 * sources, run by the tests), the registry itself.
 */
export async function ruleCatalogue(): Promise<readonly RuleInfo[]> {
  if (existsSync(BUILT)) return JSON.parse(readFileSync(BUILT, 'utf8')) as RuleInfo[];
  return (await import('./index.js')).RULES;
}
