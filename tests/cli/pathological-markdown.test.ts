import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/text/decode.js';
import { runBin } from '../helpers/cli.js';
import { policyWithBody, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

/**
 * Hang guards, not performance figures (those stay in the benchmark): each run below takes a few
 * seconds; before these fixes some took minutes. A run that exceeds the guard is killed and fails.
 */
const GUARD_MS = 90_000;

const HISTORY = `## Version history

| Version | Date | Author(s) | Details |
|---|---|---|---|
| 0.1 | 2026-01-05 | P. Writer | First draft |
`;

/** A draft policy whose body `fill` makes as large as the room left under the 1 MiB cap. */
function policyOf(fill: (room: number) => string): string {
  const room = MAX_FILE_BYTES - Buffer.byteLength(policyWithBody(`# Policy\n\n\n\n${HISTORY}`)) - 64;
  return policyWithBody(`# Policy\n\n${fill(room)}\n\n${HISTORY}`);
}

const repeated = (unit: string) => (room: number) => unit.repeat(Math.floor(room / Buffer.byteLength(unit)));

/** The documents of a fixed-seed run: pathological units of Markdown, mixed. */
function generated(seed: number, count: number): string[] {
  const units = [
    'DOC-A\n',
    '> DOC-A\n',
    '[a](b.md) DOC-A ',
    '## x' + ' '.repeat(60_000) + 'y\n\n',
    '| a | b |\n|---|---|\n',
    '|',
    '[',
    '](',
    '*a',
    '_a',
    '`a',
    '<',
    '<!--',
    '\\',
    '&#',
    '![a](b ',
    '[a]: b\n',
    '- DOC-A\n',
    ' #',
    '\t',
    'DOC-a-a-a_ ',
  ];
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const mix = Array.from({ length: 1 + Math.floor(next() * 3) }, () => units[Math.floor(next() * units.length)]!).join('');
    return policyOf(repeated(mix));
  });
}

describe('isms validate on a hostile document of 1 MiB', () => {
  const repos: TestRepo[] = [];
  afterAll(() => repos.forEach((repo) => repo.remove()));

  /** A repository whose policy went through two commits, so that git reads more than one revision of it. */
  const committed = (text: string) => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', text.replace('# Policy', '# Policy\n\nA first draft.')).commit('Draft', WRITER, '2026-01-05');
    repo.write('policy.md', text).commit('Edit', WRITER, '2026-01-06');
    return repo;
  };

  it(
    'finishes on lines of headings padded with spaces, committed in history',
    () => {
      const repo = committed(policyOf(repeated('## x' + ' '.repeat(60_000) + 'y\n\n')));
      const run = runBin(['validate', '--format', 'json', '--as-of', '2026-06-01'], repo.dir, { timeout: GUARD_MS });
      expect(run.timedOut).toBe(false);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).summary.documents).toBe(1);
      // One heading a single line of 1 MiB.
      const one = committed(policyOf((room) => '## x' + ' '.repeat(room - 5) + 'y'));
      const single = runBin(['validate', '--format', 'json', '--as-of', '2026-06-01'], one.dir, { timeout: GUARD_MS });
      expect(single.timedOut).toBe(false);
      expect(single.stderr).toBe('');
    },
    2 * GUARD_MS + 30_000,
  );

  it.each([
    ['document mentions, one a line of a paragraph', 'DOC-A\n', ['stylish', 'junit', 'github']],
    ['document mentions between links', '[a](b.md) DOC-A ', []],
    ['document mentions in a quote', '> DOC-A\n', []],
  ])(
    'finishes on %s, with a finding on each',
    (_name, unit, formats) => {
      const repo = committed(policyOf(repeated(unit)));
      const json = runBin(['validate', '--format', 'json', '--as-of', '2026-06-01'], repo.dir, { timeout: GUARD_MS });
      expect(json.timedOut).toBe(false);
      const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: Array<{ rule: string }> };
      expect(diagnostics.filter((d) => d.rule === 'broken-reference').length).toBeGreaterThan(80_000);
      // Every reporter, with one finding a line of the paragraph.
      for (const format of formats) {
        const run = runBin(['validate', '--format', format, '--as-of', '2026-06-01'], repo.dir, { timeout: GUARD_MS });
        expect(run.timedOut, format).toBe(false);
        expect(run.code, `${format}: ${run.stderr}`).toBe(1);
      }
    },
    5 * GUARD_MS,
  );

  it(
    'finishes on every document of a fixed-seed mix of pathological Markdown',
    () => {
      const repo = new TestRepo();
      repos.push(repo);
      repo.write('isms.config.yaml', REPO_CONFIG);
      generated(15, 6).forEach((text, i) => repo.write(`p${i}.md`, text.replace('id: DOC-A5', `id: DOC-G${i}`)));
      repo.commit('Generated', WRITER, '2026-01-05');
      // The default reporter: every finding of six documents, as a person reads them.
      const run = runBin(['validate', '--as-of', '2026-06-01'], repo.dir, { timeout: 2 * GUARD_MS });
      expect(run.timedOut).toBe(false);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/ in 6 documents\n$/);
    },
    3 * GUARD_MS,
  );
});
