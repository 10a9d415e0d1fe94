import { ruleAnchor, type RuleInfo } from '../rules/catalogue.js';
import type { Reporter } from './report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative POSIX path as a URI reference (spaces, `%`, `#` and non-ASCII encoded). */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * A rule's help, which code scanning shows beside each alert: what it reports, its default severity,
 * and where it is documented (the link when the package names its home page, else `isms rules`).
 */
function helpOf(rule: RuleInfo): { text: string; markdown: string } {
  const severity = rule.defaultSeverity === 'warn' ? 'warning' : 'error';
  const where = rule.url ? `Documented at ${rule.url}.` : `\`isms rules\` lists every rule; the isms README documents each in its rule table (${ruleAnchor(rule.id)}).`;
  return {
    text: `isms rule ${rule.id} (${severity} by default): ${rule.description.replace(/`/g, '')}. Set its severity under rules: in isms.config.yaml. ${where.replace(/`/g, '')}`,
    markdown: `**isms rule \`${rule.id}\`** (${severity} by default): ${rule.description}. Set its severity under \`rules:\` in \`isms.config.yaml\`. ${rule.url ? `[Documentation](${rule.url})` : where}`,
  };
}

/** SARIF 2.1.0, one run; `tool.driver.rules` is the rule registry, results point at it by index. */
export const sarif: Reporter = ({ tool, result, rules }) => {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description.replace(/`/g, '') },
              help: helpOf(rule),
              helpUri: rule.url,
              defaultConfiguration: { level: rule.defaultSeverity === 'warn' ? 'warning' : 'error' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.diagnostics.map((d) => ({
          ruleId: d.rule,
          ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(d.file) },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
          ...(d.document ? { properties: { document: d.document } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
