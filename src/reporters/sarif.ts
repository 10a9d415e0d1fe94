import type { Reporter } from './report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative POSIX path as a URI reference (spaces, `%`, `#` and non-ASCII encoded). */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
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
