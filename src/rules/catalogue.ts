import { existsSync, readFileSync } from 'node:fs';
import type { Rule } from './rule.js';

/** What the catalogue says of a rule: all but its check, and where it is documented. */
export type RuleInfo = Pick<Rule, 'id' | 'description' | 'defaultSeverity'> & { url: string };

/**
 * The project's home page, whose README documents every rule: its rule table (`isms rules --format
 * md`) gives each rule an anchor, `rule-<id>`.
 */
export const RULES_DOCUMENTED_AT = 'https://github.com/wacky-widget/isms';

/** The anchor of a rule's row in the README's rule table. */
export function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

/** Where a rule is documented: its row of the README's rule table (SARIF helpUri, `isms rules`). */
export function ruleDocsUrl(id: string): string {
  return `${RULES_DOCUMENTED_AT}#${ruleAnchor(id)}`;
}

/** What the catalogue says of a rule of the registry. */
export function ruleInfo({ id, description, defaultSeverity }: Pick<Rule, 'id' | 'description' | 'defaultSeverity'>): RuleInfo {
  return { id, description, defaultSeverity, url: ruleDocsUrl(id) };
}

/** Written by the build from the registry (scripts/build-rule-catalogue.mjs). */
const BUILT = new URL('./catalogue.json', import.meta.url);

/**
 * The rules as `isms rules` lists them: the catalogue the build wrote from the registry, so that
 * listing them loads no rule (nor the parsers and the schemas the rules use); without a build (the
 * sources, run by the tests), the registry itself.
 */
export async function ruleCatalogue(): Promise<readonly RuleInfo[]> {
  const rules = existsSync(BUILT) ? (JSON.parse(readFileSync(BUILT, 'utf8')) as Array<Parameters<typeof ruleInfo>[0]>) : (await import('./index.js')).RULES;
  return rules.map(ruleInfo);
}
