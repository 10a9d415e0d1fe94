import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.js';
import { RULES } from '../../src/rules/index.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { fixture, runCli } from '../helpers/cli.js';
import { markdown, workspaceFrom } from '../helpers/workspace.js';

/** Runs every rule over in-memory documents; returns "rule line:column message" lines. */
function findings(files: Record<string, string | Uint8Array>): string[] {
  return check(workspaceFrom(files), { asOf: '2026-06-01', rules: RULES }).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`);
}

describe('hostile front matter', () => {
  for (const opener of ['---js', '---javascript', '---JS', '---coffee', '---json', '---constructor', '---toString']) {
    it(`refuses ${opener} front matter without reading it`, () => {
      const text = `${opener}\n{ id: (globalThis.__ISMS_SENTINEL__ = require('fs')) }\n---\n# Title\n`;
      const result = findings({ 'a.md': text });
      expect(result).toEqual([`parse-error 1:1 front matter must be YAML and open with a line of exactly "---"; "${opener}" front matter is not read`]);
    });
  }
});

describe('hostile YAML', () => {
  it('refuses a billion-laughs alias bomb', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    const result = findings({ 'bomb.yaml': bomb.join('\n') + '\n' });
    expect(result.every((line) => line.startsWith('parse-error'))).toBe(true);
    expect(result[0]).toContain('alias *a is not allowed');
  });

  it('reports 5,000-deep nesting without crashing', () => {
    const result = findings({ 'deep.yaml': 'id: DOC-D\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n' });
    expect(result.length).toBeGreaterThan(0);
    expect(result[0]).toMatch(/^parse-error \d+:\d+ /);
  });

  it('reports 5,000-deep nesting once, at the same place, however deep the caller already is', () => {
    // The yaml library reports an exhausted stack where it ran out, once or many times, under one code or
    // another, depending on how much stack the caller had left.
    const text = 'id: DOC-D\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const atDepth = (frames: number): string[] => (frames === 0 ? parseYamlSource(text).problems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`) : atDepth(frames - 1));
    const outcomes = new Set<string>();
    for (let frames = 0; frames < 8000; frames += 400) outcomes.add(JSON.stringify(atDepth(frames)));
    expect([...outcomes]).toEqual([JSON.stringify(['2:68 nesting deeper than 64 levels'])]);
  });

  it('refuses a file over 1 MiB before parsing it', () => {
    const result = findings({ 'big.md': `---\nid: DOC-BIG\nnote: "${'x'.repeat(2 * 1024 * 1024)}"\n---\n` });
    expect(result).toEqual([expect.stringMatching(/^parse-error 1:1 file is \d+ bytes; the limit is 1048576 bytes/)]);
  });

  it('refuses front matter over 64 KiB', () => {
    const result = findings({ 'fm.md': `---\nid: DOC-FM\nnote: "${'x'.repeat(70_000)}"\n---\n` });
    expect(result).toEqual(['parse-error 1:1 front matter is 70020 characters; the limit is 65536']);
  });

  it('reports a 20,000-item list once', () => {
    const items = Array.from({ length: 20_000 }, () => '  - { to: x, audience: y }').join('\n');
    const plan = `id: DOC-PLAN\ntitle: Plan\ntype: plan\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\nversions: [{ version: "0.1", date: 2026-01-01, author: A, details: B }]\ndistribution:\n${items}\n`;
    const result = findings({ 'plan.yaml': plan });
    expect(result).toEqual(['schema 10:3 "distribution" has more than 200 items']);
  });

  it('reports bidirectional control characters in a metadata value', () => {
    const result = findings({ 'bidi.md': markdown({ id: 'DOC-\u202EA5' }) });
    expect(result).toContain('parse-error 2:5 value contains an invisible or bidirectional control character');
  });

  it('keeps positions right in a file with a BOM and CRLF line endings', () => {
    const lf = findings({ 'a.md': markdown({ status: 'aproved' }) });
    const crlf = findings({ 'a.md': '\uFEFF' + markdown({ status: 'aproved' }).replace(/\n/g, '\r\n') });
    expect(crlf).toEqual(lf);
    expect(lf[0]).toMatch(/^schema 7:9 /);
  });

  it('keeps __proto__ and constructor keys out of the data, and says where they are', () => {
    const text = 'id: DOC-P\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n';
    expect(findings({ 'p.yaml': text }).filter((line) => line.startsWith('parse-error'))).toEqual([
      'parse-error 2:1 key "__proto__" is not allowed',
      'parse-error 3:1 key "constructor" is not allowed',
    ]);
    // What the reader makes of it (the loader then keeps no data of a file with problems).
    const data = parseYamlSource(text).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data['polluted']).toBeUndefined();
    expect(Object.keys(data)).toEqual(['id']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('the file system', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'isms-fs-'));
    outside = mkdtempSync(path.join(tmpdir(), 'isms-outside-'));
    writeFileSync(path.join(root, 'isms.config.yaml'), 'organization: T\nroles:\n  ciso: { title: CISO, members: [{ name: M. Woolard, email: m@example.com }] }\napprovers:\n  "*": [ciso]\n');
    const doc = (id: string) => markdown({ id, approval: 'approval: { by: ciso, name: M. Woolard, date: 2026-01-10 }' });
    writeFileSync(path.join(root, '--output=x.md'), doc('DOC-OPT'));
    writeFileSync(path.join(root, '-Ofoo.md'), doc('DOC-O'));
    writeFileSync(path.join(root, 'with space.md'), doc('DOC-SPACE'));
    writeFileSync(path.join(root, 'caf\u00e9.md'), doc('DOC-NFC'));
    writeFileSync(path.join(root, 'cafe\u0301s.md'), doc('DOC-NFD'));
    writeFileSync(path.join(outside, 'secret.md'), doc('DOC-SECRET'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'linked.md'));
    mkdirSync(path.join(root, 'drafts'));
    writeFileSync(path.join(root, 'drafts', 'link.md'), doc('DOC-L').replace('The policy.', 'See [other](../with%20space.md) and [secret](../linked.md).'));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads files whose names look like options, with spaces and accents, and refuses a symlink out of the root', async () => {
    const run = await runCli(['validate', '--no-git', '--format', 'json', '--as-of', '2026-06-01'], root);
    const output = JSON.parse(run.stdout) as { summary: { documents: number }; diagnostics: Array<{ file: string; rule: string; message: string }> };
    expect(output.summary.documents).toBe(7);
    const messages = output.diagnostics.map((d) => `${d.file} ${d.rule} ${d.message}`);
    expect(messages).toContain(`linked.md broken-reference this file is a symlink to ${path.join(outside, 'secret.md')}, outside the documents folder; it is not read`);
    expect(messages).toContain('drafts/link.md broken-reference "../linked.md" links to linked.md, which does not exist');
    expect(output.diagnostics.filter((d) => d.file !== 'linked.md' && d.file !== 'drafts/link.md')).toEqual([]);
    expect(run.stdout).not.toContain('DOC-SECRET');
  });

  it('exits 2 with a message when --output cannot be written, leaving nothing behind', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: write into a path whose parent is a file instead
      const run = await runCli(['validate', '--output', path.join(root, 'with space.md', 'report.txt')], fixture('clean'));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^isms: cannot write .*report\.txt: /);
      return;
    }
    const readonly = mkdtempSync(path.join(tmpdir(), 'isms-ro-'));
    chmodSync(readonly, 0o500);
    const run = await runCli(['validate', '--output', path.join(readonly, 'report.txt')], fixture('clean'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: cannot write /);
  });
});
