import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/text/controls.js';
import { fixture, runCli } from '../helpers/cli.js';

/** A key that, printed raw, erases the line above and writes a fake all-clear in green, then hides the rest. */
const FAKE_ALL_CLEAR = '\\e[1A\\e[2K\\e[32m5 documents checked, no problems\\e[8m';
/** Every control a terminal or a log viewer acts on, and an unpaired surrogate, as YAML double-quoted escapes. */
const OTHER_CONTROLS = '\\r\\t\\x7f\\x9b2K\\u202e\\u2066\\u2028\\ud800';

/** Anything that acts on a terminal; `\n` only where output has several lines. */
// eslint-disable-next-line no-control-regex -- matching control characters is what it is for
const ACTING = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/;

describe('text from documents in human-readable output', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'isms-escapes-'));
    cpSync(fixture('clean'), dir, { recursive: true });
    const policy = path.join(dir, 'policies', 'policy.md');
    writeFileSync(
      policy,
      readFileSync(policy, 'utf8').replace('owner: ciso', `owner: ciso\n"${FAKE_ALL_CLEAR}": x\n"${OTHER_CONTROLS}": y`).replace('title: Information Security Policy', 'title: "\\e[2JPolicy"'),
    );
    // A file name is text from the repository too.
    renameSync(policy, path.join(dir, 'policies', 'pol\u001b[2Kicy\nnext.md'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['stylish', 'github'])('is escaped by the %s reporter, so that it cannot erase or fake findings', async (format) => {
    const run = await runCli(['validate', '--no-git', '--format', format], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(ACTING);
    expect(run.stdout).toContain('unknown key "\\x1b[1A\\x1b[2K\\x1b[32m5 documents checked, no problems\\x1b[8m"');
    expect(run.stdout).toContain('unknown key "\\x0d\\x09\\x7f\\x9b2K\\u202e\\u2066\\u2028\\ud800"');
    expect(run.stdout).toContain(format === 'github' ? 'file=policies/pol\\x1b[2Kicy\\x0anext.md,' : 'policies/pol\\x1b[2Kicy\\x0anext.md\n');
  });

  it('keeps JSON and SARIF exact: they escape by their own rules', async () => {
    const json = JSON.parse((await runCli(['validate', '--no-git', '--format', 'json'], dir)).stdout) as { diagnostics: Array<{ file: string; message: string }> };
    expect(json.diagnostics.map((d) => d.message)).toContain('unknown key "\u001b[1A\u001b[2K\u001b[32m5 documents checked, no problems\u001b[8m"');
    expect(json.diagnostics.map((d) => d.file)).toContain('policies/pol\u001b[2Kicy\nnext.md');
    const sarif = JSON.parse((await runCli(['validate', '--no-git', '--format', 'sarif'], dir)).stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]?.results.map((r) => r.message.text)).toContain('unknown key "\u001b[1A\u001b[2K\u001b[32m5 documents checked, no problems\u001b[8m"');
  });

  it('keeps JUnit XML well-formed, with the controls shown rather than dropped', async () => {
    const xml = (await runCli(['validate', '--no-git', '--format', 'junit'], dir)).stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(ACTING);
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).testsuites.testsuite;
    const failure = suite.testcase.find((c: { file: string }) => c.file === 'policies/pol\\x1b[2Kicy\\x0anext.md').failure['#text'] as string;
    expect(failure).toContain('unknown key "\\x1b[1A\\x1b[2K\\x1b[32m5 documents checked, no problems\\x1b[8m"');
    expect(failure).toContain('unknown key "\\x0d\\x09\\x7f\\x9b2K\\u202e\\u2066\\u2028\\ud800"');
  });

  it('is escaped in the table of isms status', async () => {
    const run = await runCli(['status', '--no-git'], dir);
    expect(run.stdout).not.toMatch(ACTING);
    expect(run.stdout).toContain('\\x1b[2JPolicy');
  });

  it('is escaped in errors on stderr', async () => {
    const config = path.join(dir, 'isms.config.yaml');
    const saved = readFileSync(config, 'utf8');
    writeFileSync(config, `${saved}"${FAKE_ALL_CLEAR}": 1\n`);
    try {
      const run = await runCli(['validate', '--no-git'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(ACTING);
      expect(run.stderr).toContain('\\x1b[1A\\x1b[2K\\x1b[32m5 documents checked');
    } finally {
      writeFileSync(config, saved);
    }
  });

  it('is escaped when the command line is quoted back in an error', async () => {
    const run = await runCli(['validate', '--no-git', '--\u001b[2Kx'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(ACTING);
    expect(run.stderr).toContain('--\\x1b[2Kx');
  });
});

describe('escapeControls', () => {
  it.each([
    ['\u001b[31mred', '\\x1b[31mred'],
    ['a\r\n\tb', 'a\\x0d\\x0a\\x09b'],
    ['\u007f \u0085 \u009b', '\\x7f \\x85 \\x9b'],
    ['\u061c\u200e\u200f\u202a\u202e\u2066\u2069', '\\u061c\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069'],
    ['\u2028\u2029\ufffe', '\\u2028\\u2029\\ufffe'],
    ['\ud800 \udc00 \ud83d\ude00', '\\ud800 \\udc00 \ud83d\ude00'],
    ['Zoë – 7.5 café', 'Zoë – 7.5 café'],
  ])('shows %j as %j', (text, shown) => {
    expect(escapeControls(text)).toBe(shown);
  });

  it('keeps line breaks when asked, and only them', () => {
    expect(escapeControls('a\nb\rc', { keepLineBreaks: true })).toBe('a\nb\\x0dc');
  });
});
