import { versionTable } from '../../src/rules/version-table.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

const table = (...rows: string[]) => `## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n${rows.join('\n')}\n`;
const yamlDoc = (versions: string) => `id: DOC-P\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\n${versions}`;

ruleTester(versionTable, {
  valid: [
    { name: 'accepts a well-formed version history table', files: { 'policy.md': markdown() } },
    {
      name: 'accepts the other heading names and column names',
      files: { 'policy.md': markdown({ history: '## Document History\n\n| Version | Date | Author | Description |\n|---|---|---|---|\n| 1.0 | 2026-01-10 | M. Woolard | First |\n' }) },
    },
    { name: 'accepts versions in a YAML document', files: { 'plan.yaml': yamlDoc('versions:\n  - { version: "0.1", date: 2026-01-10, author: M. Woolard, details: First draft }\n') } },
  ],
  invalid: [
    {
      name: 'reports a document without a version history',
      files: { 'policy.md': markdown({ history: '' }) },
      errors: [{ message: 'no version history: add a "Version history" heading with a table Version | Date | Author(s) | Details', line: 1 }],
    },
    {
      name: 'reports a history heading without a table',
      files: { 'policy.md': markdown({ history: '## Version history\n\nNone yet.\n' }) },
      errors: [{ message: '"Version history" has no table: add Version | Date | Author(s) | Details', line: 16 }],
    },
    {
      name: 'reports a table without a date column',
      files: { 'policy.md': markdown({ history: '## Version history\n\n| Version | When | Author(s) | Details |\n|---|---|---|---|\n| 1.0 | x | y | z |\n' }) },
      errors: [{ message: 'version history table has no "date" column (expected Version | Date | Author(s) | Details)', line: 18 }],
    },
    {
      name: 'reports a US date and proposes the ISO form where it is unambiguous',
      files: { 'policy.md': markdown({ history: table('| 0.1 | 11/28/18 | M. Woolard | First draft |') }) },
      errors: [{ message: 'version 0.1 is dated "11/28/18", not an ISO date: write 2018-11-28', line: 20, column: 9 }],
    },
    {
      name: 'gives both readings of an ambiguous date',
      files: { 'policy.md': markdown({ history: table('| 0.2 | 12/07/18 | M. Woolard | Second draft |') }) },
      errors: [{ message: 'version 0.2 is dated "12/07/18", not an ISO date: write 2018-12-07 (month first) or 2018-07-12 (day first)', line: 20 }],
    },
    {
      name: 'reports a malformed version and an empty author',
      files: { 'policy.md': markdown({ history: table('| v1 | 2026-01-10 |  | First |') }) },
      errors: [
        { message: 'version "v1" must be MAJOR.MINOR, like 1.0', line: 20, column: 3 },
        { message: 'version v1 has no author', line: 20 },
      ],
    },
    {
      name: 'reports a YAML versions entry with an unquoted version and a missing date',
      files: { 'plan.yaml': yamlDoc('versions:\n  - { version: 0.10, author: M. Woolard, details: First draft }\n') },
      errors: [
        { message: 'version 0.10 has no date', line: 9, column: 5 },
        { message: 'versions[0].version must be text: quote it ("0.10")', line: 9, column: 16 },
      ],
    },
    {
      name: 'reports a YAML document without versions',
      files: { 'plan.yaml': yamlDoc('') },
      errors: [{ message: 'no version history: add "versions" with items {version, date, author, details}', line: 1 }],
    },
  ],
});
