import { ruleAnchor, ruleCatalogue, type RuleInfo } from '../rules/catalogue.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';

const FORMATS = ['table', 'json', 'md'] as const;

const severityWord = (setting: string) => (setting === 'warn' ? 'warn' : 'error');

/** The rule catalogue as Markdown: the README's rule table is exactly this text; each rule's row is where its documentation URL leads. */
export function rulesMarkdown(rules: ReadonlyArray<Pick<RuleInfo, 'id' | 'description' | 'defaultSeverity'>>): string {
  const rows = rules.map((rule) => `| <a name="${ruleAnchor(rule.id)}"></a>\`${rule.id}\` | ${rule.description} | ${severityWord(rule.defaultSeverity)} |`);
  return ['| id | checks | default |', '|---|---|---|', ...rows].join('\n') + '\n';
}

export async function rulesCommand(options: { format: string }, io: CliIo): Promise<ExitCode> {
  const format = options.format;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(messages.badFormat(format, FORMATS));
  const RULES = await ruleCatalogue();
  if (format === 'md') {
    io.stdout.write(rulesMarkdown(RULES));
  } else if (format === 'json') {
    const rules = RULES.map((rule) => ({ id: rule.id, description: rule.description.replace(/`/g, ''), default: severityWord(rule.defaultSeverity), url: rule.url }));
    io.stdout.write(JSON.stringify({ rules }, null, 2) + '\n');
  } else {
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    io.stdout.write(RULES.map((rule) => `${rule.id.padEnd(width)}  ${severityWord(rule.defaultSeverity).padEnd(5)}  ${rule.description.replace(/`/g, '')}`).join('\n') + '\n');
  }
  return EXIT.ok;
}
