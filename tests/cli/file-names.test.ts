import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFileName } from '../../src/text/decode.js';
import { fixture, runBin } from '../helpers/cli.js';
import { TestRepo, WRITER } from '../helpers/git-repo.js';

/** A path under `dir` whose name holds bytes that are not UTF-8. */
const bytePath = (dir: string, ...parts: Array<string | number[]>) =>
  Buffer.concat([Buffer.from(dir), ...parts.map((part) => Buffer.concat([Buffer.from(path.sep), typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)]))]);

const NAME_FINDING = 'the path of the file is not valid UTF-8 (its other bytes are shown as \\xNN): rename it, so that git history, links and the site can name it';

interface Finding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The clean fixture with its policy under a name that is not UTF-8 ("pol" 0xFF "icy.md", status misspelt) and a copy in a folder "sub" 0xFE. */
function plant(dir: string): void {
  cpSync(fixture('clean'), dir, { recursive: true });
  const policy = readFileSync(path.join(dir, 'policies', 'policy.md'), 'utf8').replace('status: approved', 'status: aproved');
  rmSync(path.join(dir, 'policies', 'policy.md'));
  writeFileSync(bytePath(dir, 'policies', [0x70, 0x6f, 0x6c, 0xff, 0x69, 0x63, 0x79, 0x2e, 0x6d, 0x64]), policy);
  mkdirSync(bytePath(dir, [0x73, 0x75, 0x62, 0xfe]));
  writeFileSync(bytePath(dir, [0x73, 0x75, 0x62, 0xfe], 'copy.md'), policy.replace('DOC-A5', 'DOC-A6'));
}

describe('files whose names are not UTF-8', () => {
  let dir: string;
  const repo = new TestRepo();
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'isms-names-'));
    plant(dir);
    plant(path.join(repo.dir, 'docs'));
    repo.commit('Documents', WRITER, '2026-01-05');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    repo.remove();
  });

  const findingsIn = (cwd: string, args: string[]) => {
    const run = runBin(['validate', '--format', 'json', '--as-of', '2026-06-01', ...args], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    return (JSON.parse(run.stdout) as { diagnostics: Finding[] }).diagnostics.map((d) => `${d.file} ${d.rule} ${d.line}:${d.column} ${d.message}`);
  };

  it('are named with their bytes escaped, read and checked', () => {
    const findings = findingsIn(dir, ['--no-git']);
    for (const file of ['policies/pol\\xfficy.md', 'sub\\xfe/copy.md']) {
      expect(findings).toContain(`${file} parse-error 1:1 ${NAME_FINDING}`);
      expect(findings).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/\\/g, '\\\\')} schema 7:9 "status" must be one of`)));
    }
    expect(findings.join('\n')).not.toMatch(/cannot read|\uFFFD/);
  });

  it('fail validation with git too, which cannot name them', () => {
    const findings = findingsIn(path.join(repo.dir, 'docs'), []);
    expect(findings).toContain(`policies/pol\\xfficy.md parse-error 1:1 ${NAME_FINDING}`);
    expect(findings).toContain(`sub\\xfe/copy.md parse-error 1:1 ${NAME_FINDING}`);
  });

  it('are never written under their escaped name', () => {
    const run = runBin(['version', 'DOC-A5', '--details', 'Next'], dir);
    expect(run.stderr).toBe('isms: policies/pol\\xfficy.md: the path is not valid UTF-8; rename it first\n');
    expect(run.code).toBe(2);
    expect(readdirSync(path.join(dir, 'policies'))).toHaveLength(1);
    expect(existsSync(path.join(dir, 'policies', 'pol\\xfficy.md'))).toBe(false);
  });
});

describe('decodeFileName', () => {
  it.each([
    [[0x61, 0x2e, 0x6d, 0x64], 'a.md'],
    [[0x61, 0xff, 0x62], 'a\\xffb'],
    [[0x63, 0x61, 0x66, 0xc3, 0xa9], 'café'],
    [[0x63, 0x61, 0x66, 0xe9], 'caf\\xe9'],
    [[0x61, 0xc3], 'a\\xc3'],
    [[0xc0, 0x80], '\\xc0\\x80'],
    [[0xed, 0xa0, 0x80], '\\xed\\xa0\\x80'],
    [[0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f], '\u{1F600}\\xf0\\x9f'],
  ])('names %j %j', (bytes, name) => {
    expect(decodeFileName(Uint8Array.from(bytes))).toBe(name);
  });
});
