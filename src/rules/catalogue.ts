import { existsSync, readFileSync } from 'node:fs';
import type { Rule } from './rule.js';

/** What the catalogue says of a rule: all but its check, and where it is documented (when the package says where it lives). */
export type RuleInfo = Pick<Rule, 'id' | 'description' | 'defaultSeverity'> & {
  /** The anchor of its row in the README's rule table (`rule-<id>`). */
  anchor: string;
  url?: string;
};

/**
 * The project's home page (package.json `homepage`), whose README documents every rule: its rule table
 * (`isms rules --format md`) gives each rule an anchor, `rule-<id>`. Undefined while the package names
 * none: then no output links to a page that may not exist.
 */
export const RULES_DOCUMENTED_AT: string | undefined = homepage();

function homepage(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { homepage?: unknown };
    return typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage) ? pkg.homepage.replace(/#.*$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** The anchor of a rule's row in the README's rule table. */
export function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

/** Where a rule is documented: its row of the README's rule table (SARIF helpUri, `isms rules`); undefined without a home page. */
export function ruleDocsUrl(id: string, home: string | undefined = RULES_DOCUMENTED_AT): string | undefined {
  return home === undefined ? undefined : `${home}#${ruleAnchor(id)}`;
}

/** What the catalogue says of a rule of the registry. */
export function ruleInfo({ id, description, defaultSeverity }: Pick<Rule, 'id' | 'description' | 'defaultSeverity'>): RuleInfo {
  const url = ruleDocsUrl(id);
  return { id, description, defaultSeverity, anchor: ruleAnchor(id), ...(url === undefined ? {} : { url }) };
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
