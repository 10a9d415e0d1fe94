// The version-history readers (section finder, git's revision facts, the site's body) on lines made
// to make regular expressions backtrack, at 64 KiB and at 1 MiB: linear reading takes about 16 times
// as long for 16 times the text. The inputs of tests/documents/history-section.test.ts, which checks
// what they give; here they are timed.
import { findHistorySection } from '../dist/documents/history-section.js';
import { revisionFacts } from '../dist/git/revision-facts.js';
import { bodyOf } from '../dist/render/site/render-site.js';

const table = '| Version | Date | Author(s) | Details |\n|---|---|---|---|\n';
const lines = (size) => [
  '## x' + ' '.repeat(size) + 'y',
  '## Version history' + ' '.repeat(size) + '#',
  '## Version history\n\n' + table + '| ' + ' '.repeat(size) + 'x',
  '## Version history\n\n' + table + '|'.repeat(size),
  '## Version history\n\n' + table + '|\t'.repeat(size / 2),
  '```' + ' '.repeat(size) + 'x\n## Version history',
  '<!--' + '-'.repeat(size),
  ' '.repeat(size) + '#',
  'Version history' + ' '.repeat(size) + '\n' + '-'.repeat(size),
];

/** Milliseconds to read every input of `size` characters with each reader, the slowest input's too. */
export function timeHistoryReaders(size) {
  let total = 0;
  let slowest = { ms: 0, input: '' };
  for (const text of lines(size)) {
    const started = process.hrtime.bigint();
    findHistorySection(text.split('\n'));
    revisionFacts(text, 'markdown');
    bodyOf(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    total += ms;
    if (ms > slowest.ms) slowest = { ms, input: JSON.stringify(text.slice(0, 24)) };
  }
  return { total, slowest };
}
