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
