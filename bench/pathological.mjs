// Small documents that once hung, crashed or exhausted memory (issue 15): one document each, in a
// folder of its own (no git), for `npm run bench` to time as a worst case.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG = `organization: Bench Org
roles:
  ciso: { title: CISO, members: [{ name: M. Woolard, email: ciso@bench.example }] }
approvers:
  "*": [ciso]
`;

const markdown = (body) => `---
id: DOC-P1
title: Pathological
type: procedure
owner: ciso
classification: internal
status: draft
version: "0.1"
---

# Pathological

${body}

## Version history

| Version | Date | Author(s) | Details |
|---|---|---|---|
| 0.1 | 2026-01-05 | M. Woolard | First draft |
`;

/** Nine levels of aliases, each nine of the one before: 9^10 strings if anyone expanded them. */
function aliasBomb() {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill('*' + String.fromCharCode(96 + i))
        .join(',')}]`,
    );
  return lines.join('\n') + '\n';
}

/** A plan whose distribution list has `items` entries (the schema allows 200). */
function longList(items) {
  const list = Array.from({ length: items }, () => '  - { to: x, audience: y }').join('\n');
  return `id: DOC-PLAN\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\nversions: [{ version: "0.1", date: 2026-01-01, author: A, details: B }]\ndistribution:\n${list}\n`;
}

/** `unit` repeated to fill a document of 1 MiB, the file cap. */
const mebibyteOf = (unit) => unit.repeat(Math.floor((1024 * 1024 - Buffer.byteLength(markdown(''))) / Buffer.byteLength(unit)));

export const PATHOLOGICAL = [
  { name: '100,000-character word', args: ['build', '--pdf', '--out', '_bench-site'], file: 'doc.md', text: markdown('x'.repeat(100_000)) },
  { name: '40,000-character code line', args: ['build', '--pdf', '--out', '_bench-site'], file: 'doc.md', text: markdown('```\n' + 'y'.repeat(40_000) + '\n```') },
  { name: '0.9 MB paragraph of short words', args: ['build', '--pdf', '--out', '_bench-site'], file: 'doc.md', text: markdown('ab '.repeat(300_000)) },
  { name: '1,500 nested quotes', args: ['build', '--out', '_bench-site'], file: 'doc.md', text: markdown('>'.repeat(1500) + ' deep') },
  { name: '3,000 nested list items', args: ['build', '--out', '_bench-site'], file: 'doc.md', text: markdown('- '.repeat(3000) + 'deep') },
  { name: "1 MiB of `*a` (once quadratic in the site's parser)", args: ['build', '--html', '--out', '_bench-site'], file: 'doc.md', text: markdown(mebibyteOf('*a')) },
  { name: '1 MiB of `*a`, as PDFs', args: ['build', '--pdf', '--out', '_bench-site'], file: 'doc.md', text: markdown(mebibyteOf('*a')) },
  { name: 'YAML nested 5,000 deep', args: ['validate', '--no-git'], file: 'record.yaml', text: 'id: DOC-R1\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n' },
  // Inputs of tests that once asserted a time (tests/documents/): here they are timed instead.
  { name: 'billion-laughs alias bomb', args: ['validate', '--no-git'], file: 'bomb.yaml', text: aliasBomb() },
  { name: '20,000-item distribution list', args: ['validate', '--no-git'], file: 'plan.yaml', text: longList(20_000) },
  { name: '5,000 nested quotes with tabs', args: ['build', '--html', '--out', '_bench-site'], file: 'doc.md', text: markdown('> \t'.repeat(5000) + 'deep') },
  { name: 'quotes nested 8,000 deep in a footnote', args: ['build', '--html', '--out', '_bench-site'], file: 'doc.md', text: markdown(`Noted.[^1]\n\n[^1]: ${'>'.repeat(8000)} deep`) },
];

/** Writes the case into `dir`. */
export function writeCase(dir, testCase) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'isms.config.yaml'), CONFIG);
  writeFileSync(path.join(dir, testCase.file), testCase.text);
}
