import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/documents/front-matter.js';
import { readSimpleYaml } from '../../src/source/simple-yaml.js';
import { childPointer } from '../../src/source/source-map.js';
import { parseYamlSource, parseYamlSourceWithLibrary } from '../../src/source/yaml-source.js';
import { normaliseText } from '../../src/text/decode.js';
import { seededRandom } from '../helpers/random.js';

/** Every pointer the loader records for a value: the root, each map value and each list item. */
function pointersOf(value: unknown, pointer = ''): string[] {
  const children = Array.isArray(value)
    ? value.map((item, index) => pointersOf(item, childPointer(pointer, index)))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([key, item]) => pointersOf(item, childPointer(pointer, key)))
      : [];
  return [pointer, ...children.flat()];
}

/**
 * Reads `text` both ways. Where the simple reader answers, its value and every position must be the
 * yaml library's, and the library must have found nothing to report; returns whether it answered.
 */
function expectSameAsLibrary(text: string): boolean {
  const simple = readSimpleYaml(text);
  if (!simple) return false;
  const library = parseYamlSourceWithLibrary(text);
  expect(library.problems, text).toEqual([]);
  expect(simple.value, text).toStrictEqual(library.value);
  // Revision facts read with yaml's parse(): the same value again.
  expect(simple.value, text).toStrictEqual(parse(text, { schema: 'core', merge: false, uniqueKeys: false, maxAliasCount: 0, prettyErrors: false }));
  const fast = parseYamlSource(text);
  for (const pointer of pointersOf(library.value)) expect(fast.map.get(pointer), `${pointer} in ${JSON.stringify(text)}`).toStrictEqual(library.map.get(pointer));
  return true;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file) && !file.includes('node_modules'))
    .map((file) => path.join(dir, file));
}

// Values, keys and flow collections the simple reader reads, and ones it must leave to the library.
const SCALARS = [
  'a',
  'Risk 1',
  'x y',
  '27001:2013',
  'http://example.com/a',
  'a#b',
  'a #b',
  '1',
  '-1',
  '+1',
  '-0',
  '007',
  '0o17',
  '0x1F',
  '1.5',
  '.5',
  '5.',
  '1.50',
  '1e3',
  '1E-2',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'null',
  'Null',
  '~',
  'yes',
  'no',
  'on',
  '2024-01-01',
  '1_000',
  '0b101',
  '12345678901234567890',
  '?x',
  ':x',
  '-x',
  'a:b',
  '[x]',
  '{x}',
  'x]',
  'x}',
  'a,b',
  'a, b',
  'é',
  '\u00a0x',
  'x\u00a0',
  '日本',
  '😀',
  'a  b',
  '<<',
  '=',
  '"a"',
  '"a:b"',
  '""',
  '"a\'b"',
  '"a # b"',
  "'a'",
  "'it''s'",
  "''",
  "'a\"b'",
];
const ODD_SCALARS = [
  '1e999',
  '.inf',
  '-.Inf',
  '.nan',
  '-',
  '- x',
  '? x',
  'a:',
  'a: b',
  '@x',
  '`x',
  '!x',
  '!!str x',
  '&a x',
  '*a',
  '%x',
  '|',
  '>',
  'a\tb',
  'x\u200b',
  '"a\\nb"',
  "'x",
  '"x',
  '"a" b',
  "'a'# c",
];
const KEYS = ['id', 'a b', 'x-y', 'k1', '"q"', "'s'", '"a b"', 'é', 'x ', "'it''s'", '"1"', 'a.b', 'k_1', '<<'];
const ODD_KEYS = ['1', 'true', 'null', '~', '__proto__', 'constructor', 'a:b', 'a#b', '? x', '-k', 'k[0]', '"k": 1', '[k]', '"a\\tb"'];
const FLOWS = [
  '[a, b]',
  '[]',
  '{}',
  '{ a: 1, b: [x, y] }',
  '{"a":1}',
  '{"a": "b"}',
  '[a,b]',
  '[ a , b ]',
  '[[1, 2], {c: d}]',
  '{ a : 1 }',
  '{ a: 27001:2013 }',
  '[ "x" , \'y\' ]',
  '[-1, -2]',
  '{ a: http://x }',
  '{ "k": [1, {x: y}] }',
];
const ODD_FLOWS = ['{a: }', '[a,]', '[a: b]', '{ a: b: c }', '[a #c]', '[x]y', '[x]# c', '{a: [}', '{ a: 1, a: 2 }', '{ 1: a }', '{ ? a }', '[- 1]', '{ a: .inf }', '[a:b]', '[a, [b,'];

/** A random YAML document from constructs inside and outside the simple subset. */
function randomDocument(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Some documents stay almost entirely in the subset, others stray from it often.
  const oddness = next() < 0.5 ? 0.01 : 0.1;
  const either = <T>(plain: readonly T[], odd: readonly T[]): T => pick(next() < oddness ? odd : plain);
  const lines: string[] = [];
  const comment = () => (next() < 0.15 ? `${' '.repeat(1 + Math.floor(next() * 2))}${pick(['# c', '#note', '# #', '#', '# a: b'])}` : '');
  const gap = () => ' '.repeat(next() < 0.8 ? 1 : 2 + Math.floor(next() * 2));
  const inline = (depth: number) => (next() < 0.2 && depth < 4 ? either(FLOWS, ODD_FLOWS) : either(SCALARS, ODD_SCALARS));
  const extras = (indent: number) => {
    if (next() < 0.12) lines.push(`${' '.repeat(Math.max(0, indent + Math.floor(next() * 5) - 2))}# between`);
    if (next() < 0.08) lines.push(next() < 0.5 ? '' : '   ');
  };
  const block = (indent: number, depth: number, kind: 'map' | 'seq') => {
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      extras(indent);
      const pad = ' '.repeat(indent);
      const deeper = depth < 4 && next() < 0.3;
      if (kind === 'map') {
        const key = next() < 0.03 && lines.length > 0 ? 'id' : either(KEYS, ODD_KEYS);
        if (deeper) {
          lines.push(`${pad}${key}:${comment()}`);
          const seq = next() < 0.5;
          block(indent + (seq && next() < 0.4 ? 0 : 1 + Math.floor(next() * 3)), depth + 1, seq ? 'seq' : 'map');
        } else {
          lines.push(`${pad}${key}:${next() < 0.08 ? '' : `${gap()}${inline(depth)}`}${comment()}${next() < 0.05 ? '  ' : ''}`);
        }
      } else if (deeper && next() < 0.5) {
        // A map in a list item: the first key after "- ", the others aligned with it.
        const indentGap = 1 + Math.floor(next() * 2);
        const keys = [...KEYS].sort(() => next() - 0.5);
        lines.push(`${pad}-${' '.repeat(indentGap)}${keys[0]}: ${inline(depth)}${comment()}`);
        for (let k = 1 + Math.floor(next() * 3); k < 4; k++) lines.push(`${pad}${' '.repeat(1 + indentGap)}${keys[k]}: ${inline(depth)}${comment()}`);
      } else if (deeper) {
        lines.push(`${pad}-${comment()}`);
        block(indent + 1 + Math.floor(next() * 3), depth + 1, next() < 0.5 ? 'seq' : 'map');
      } else {
        lines.push(`${pad}-${next() < 0.08 ? '' : `${gap()}${inline(depth)}`}${comment()}`);
      }
    }
    extras(indent);
  };
  if (next() < 0.1) lines.push(pick(['# leading', '', '---', '%YAML 1.2', '  # indented', '']));
  block(0, 0, 'map');
  if (next() < 0.05) lines.push(pick(['x', '- y', '  z', '\tq: 1', 'r: &a 1', 's: *a', 't: !!str 1', 'u: |', '  block', 'v: >-', '  folded', 'w: "a', '  b"', '...']));
  return lines.join('\n') + (next() < 0.7 ? '\n' : '');
}

describe('the simple YAML reader', () => {
  it('reads every YAML file and front matter of the project as the yaml library does', () => {
    const yamlFiles = [...filesUnder('isms-docs', /\.ya?ml$/), ...filesUnder('tests/fixtures', /\.ya?ml$/), ...filesUnder('data/catalog', /\.ya?ml$/)];
    const markdownFiles = [...filesUnder('isms-docs', /\.md$/), ...filesUnder('tests/fixtures', /\.md$/)];
    const texts = [
      ...yamlFiles.map((file) => normaliseText(readFileSync(file, 'utf8'))),
      ...markdownFiles.flatMap((file) => {
        const split = splitFrontMatter(normaliseText(readFileSync(file, 'utf8')));
        return split.kind === 'yaml' ? [split.yamlText.trimEnd()] : [];
      }),
    ];
    const read = texts.filter((text) => expectSameAsLibrary(text));
    // The bundled documents are plain YAML: the fast path reads all of them.
    expect(texts.length).toBeGreaterThan(15);
    for (const file of filesUnder('isms-docs', /\.ya?ml$/)) expect(readSimpleYaml(normaliseText(readFileSync(file, 'utf8'))), file).toBeDefined();
    expect(read.length).toBeGreaterThan(texts.length / 2);
  });

  it('reads a register of flow-style risks and a block-style one as the yaml library does', () => {
    const flow = ['id: DOC-RR', 'versions:', '  - { version: "0.1", date: 2020-01-01, author: M. Woolard, details: First draft }', 'risks:'];
    const block = ['id: DOC-RR', 'risks:'];
    for (let i = 1; i <= 200; i++) {
      flow.push(
        `  - { id: R-${i}, title: "Risk ${i}: data", owner: ciso, cia: [confidentiality], likelihood: ${i % 5}, impact: ${(i * 7) % 5}, controls: ["5.1", "8.${i % 30}"], residual: { likelihood: 1, impact: 2 }, acceptance: { by: ciso, date: 2026-03-01 } }`,
      );
      block.push(
        `  - id: R-${i}`,
        `    title: 'Risk ''${i}'' #1' # why`,
        '    cia: [integrity, availability]',
        `    likelihood: ${i % 5}`,
        '    residual:',
        '      likelihood: 1',
        '      impact: 0x2',
        '    acceptance:',
        '    # accepted below',
        `      by: ciso`,
      );
    }
    expect(expectSameAsLibrary(flow.join('\n') + '\n')).toBe(true);
    expect(expectSameAsLibrary(block.join('\n'))).toBe(true);
  });

  it('answers as the yaml library does on generated documents, or leaves them to it', () => {
    const next = seededRandom(20261201);
    let read = 0;
    let left = 0;
    for (let i = 0; i < 6000; i++) {
      if (expectSameAsLibrary(randomDocument(next))) read++;
      else left++;
    }
    // Both branches are exercised: plenty of documents read, plenty left to the library.
    expect(read).toBeGreaterThan(1500);
    expect(left).toBeGreaterThan(1500);
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a plain scalar over two lines', 'a: one\n  two\n'],
    ['an escape in double quotes', 'a: "x\\ty"\n'],
    ['a tab', 'a:\t1\n'],
    ['a non-finite number', 'a: .inf\n'],
    ['a YAML directive', '%YAML 1.1\n---\na: yes\n'],
    ['a number as a key', '1: a\n'],
    ['a zero-width space', 'a: x\u200by\n'],
    ['a list at the top', '- a\n'],
    ['an empty document', '# nothing\n'],
  ])('leaves %s to the yaml library', (_name, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
    expect(parseYamlSource(text)).toStrictEqual(parseYamlSourceWithLibrary(text));
  });
});
