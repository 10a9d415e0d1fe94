/**
 * Ways of writing a version history on which readers of it have disagreed. Each body has one real
 * history heading (`heading`, its first line, the last line of the body that reads so) with a table,
 * and `content`: text that is content wherever it stands, so that changing it must count as a change.
 */
export interface HistoryVariant {
  name: string;
  heading: string;
  body: (table: string, content: string) => string;
}

export const CONTENT = 'Employees must not share passwords.';
export const EDITED = 'Employees may share passwords with their manager.';

/** The history table with these rows. */
export const historyTable = (rows: readonly string[]) => ['| Version | Date | Author(s) | Details |', '|---|---|---|---|', ...rows].join('\n');

const FENCE = '```';

export const HISTORY_VARIANTS: HistoryVariant[] = [
  {
    name: 'a history heading indented by one space, with text after the table',
    heading: ' ## Version history',
    body: (table, content) => `# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\n ## Version history\n\n${table}\n\n${content}\n`,
  },
  {
    name: 'a history heading with closing hashes, with text after the table',
    heading: '## Version history ##',
    body: (table, content) => `# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\n## Version history ##\n\n${table}\n\n${content}\n`,
  },
  {
    name: 'text after the history table',
    heading: '## Version history',
    body: (table, content) => `# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\n## Version history\n\n${table}\n\n${content}\n`,
  },
  {
    name: 'an HTML comment holding a history heading right after the title',
    heading: '## Version history',
    body: (table, content) => `# Information Security Policy\n<!--\n # Version history\n-->\n\n## Policy statement\n\n${content}\n\n## Version history\n\n${table}\n`,
  },
  {
    name: 'a fenced block holding a history heading',
    heading: '## Version history',
    body: (table, content) =>
      `# Information Security Policy\n\n## Policy statement\n\nA history is written like this:\n\n${FENCE}\n${FENCE}markdown\n## Version history\n${FENCE}\n\n${content}\n\n## Version history\n\n${table}\n`,
  },
  {
    name: 'a ~~~ fenced block holding a history heading',
    heading: '## Version history',
    body: (table, content) =>
      `# Information Security Policy\n\n## Policy statement\n\nA history is written like this:\n\n~~~\n~~~yaml\n## Version history\n~~~\n\n${content}\n\n## Version history\n\n${table}\n`,
  },
  {
    name: 'an indented code block holding a history heading, with text after the table',
    heading: '## Version history',
    body: (table, content) =>
      `# Information Security Policy\n\n## Policy statement\n\nA history is written like this:\n\n    ## Version history\n    | Version | Date |\n\n## Version history\n\n${table}\n\n${content}\n`,
  },
  {
    name: 'a setext history heading, with text after the table',
    heading: 'Version history',
    body: (table, content) => `# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\nVersion history\n---------------\n\n${table}\n\n${content}\n`,
  },
  {
    name: 'a list item holding a history heading',
    heading: '## Version history',
    body: (table, content) => `# Information Security Policy\n\n## Policy statement\n\n- Passwords:\n\n  ## Version history\n\n  ${content}\n\n## Version history\n\n${table}\n`,
  },
  {
    name: 'a history heading with emphasis, with text after the table',
    heading: '## *Version history*',
    body: (table, content) => `# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\n## *Version history*\n\n${table}\n\n${content}\n`,
  },
  {
    name: 'a history heading that is a reference link, with text after the table',
    heading: '## [Version history][history]',
    body: (table, content) =>
      `# Information Security Policy\n\n## Policy statement\n\nWe protect information.\n\n## [Version history][history]\n\n${table}\n\n${content}\n\n[history]: https://example.com/history\n`,
  },
];
