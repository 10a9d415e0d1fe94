import type { Node } from 'yaml';
import { INVISIBLE_CONTROL } from '../text/decode.js';
import { LineIndex } from '../text/line-index.js';
import type { Problem } from './problem.js';
import { readSimpleYaml } from './simple-yaml.js';
import { yamlLibrary } from './yaml-library.js';
import { childPointer, SourceMap } from './source-map.js';

export interface YamlSource {
  value: unknown;
  map: SourceMap;
  problems: Problem[];
}

const MAX_DEPTH = 64;
const tooDeepMessage = `nesting deeper than ${MAX_DEPTH} levels`;
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses YAML 1.2 (core schema) into plain data and a source map, with the safety defaults of
 * SAFETY.md: no aliases, no custom or unresolved tags, duplicate keys reported in one linear pass,
 * `__proto__`/`constructor` keys refused, bounded depth, non-finite numbers kept as their text.
 * Positions are those of `text`, which may be a whole file with parts blanked out. Plain documents
 * are read by the simple reader (simple-yaml.ts), everything else by the yaml library: the results
 * are the same.
 */
export function parseYamlSource(text: string): YamlSource {
  const lines = new LineIndex(text);
  const map = new SourceMap(lines.range(0, 0), { text, lines });
  const simple = readSimpleYaml(text, (pointer, value, key) => map.setOffsets(pointer, value, key));
  return simple ? { value: simple.value, map, problems: [] } : parseYamlSourceWithLibrary(text);
}

/** `parseYamlSource` through the yaml library, for any YAML (the reference the simple reader is tested against). */
export function parseYamlSourceWithLibrary(text: string): YamlSource {
  const { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } = yamlLibrary();
  const lines = new LineIndex(text);
  const fallback = lines.range(0, 0);
  const map = new SourceMap(fallback, { text, lines });
  const problems: Problem[] = [];
  let doc;
  try {
    doc = parseDocument(text, {
      version: '1.2',
      schema: 'core',
      merge: false,
      uniqueKeys: false,
      customTags: [],
      prettyErrors: false,
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/call stack/i.test(message)) return { value: undefined, map, problems: [{ message: tooDeepMessage, at: deepestAt(text, lines) ?? fallback }] };
    return { value: undefined, map, problems: [{ message: `YAML could not be parsed: ${message}`, at: fallback }] };
  }

  // Unresolved tags are reported by the conversion below, at the value, once.
  let exhausted = false;
  for (const issue of [...doc.errors, ...doc.warnings.filter((w) => !w.message.startsWith('Unresolved tag'))]) {
    const [start, end] = issue.pos;
    // yaml builds nodes recursively and reports an exhausted stack as the error where it happened: once
    // or more, at places that depend on how deep the caller's own stack already was. The nesting is
    // reported once, where it passes the limit, so the same file always gives the same finding.
    if (issue.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(issue.message)) {
      if (exhausted) continue;
      exhausted = true;
      problems.push({ message: tooDeepMessage, at: deepestAt(text, lines) ?? lines.range(start, end) });
    } else if (issue.code === 'MULTIPLE_DOCS')
      problems.push({ message: 'a second YAML document starts here: a controlled document is one YAML document, so remove the "---" line or split the file', at: lines.range(start, start + 3) });
    else problems.push({ message: yamlMessage(issue.message), at: lines.range(start, end) });
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    problems.push({
      message: `%YAML ${doc.directives.yaml.version} directive: only YAML 1.2 is read (so "yes" and "no" are text, not booleans); remove the directive`,
      at: fallback,
    });
  }
  if (doc.errors.length > 0) return { value: undefined, map, problems };

  // A block collection's range runs through its trailing line breaks; a value ends at its last character.
  const endOf = (start: number, end: number) => {
    let last = end;
    for (let c = text.charCodeAt(last - 1); last > start && (c === 32 || c === 10 || c === 9 || c === 13); c = text.charCodeAt(last - 1)) last--;
    return last;
  };
  const rangeOf = (node: { range?: [number, number, number] | null }) => {
    const r = node.range;
    return r ? lines.range(r[0], endOf(r[0], r[1])) : fallback;
  };
  const rawOf = (node: { range?: [number, number, number] | null }) => {
    const r = node.range;
    return r ? text.slice(r[0], endOf(r[0], r[1])) : '';
  };
  const offsetsOf = (node: { range?: [number, number, number] | null }): [number, number] | undefined => {
    const r = node.range;
    return r ? [r[0], endOf(r[0], r[1])] : undefined;
  };

  const convert = (node: unknown, path: string, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (depth > MAX_DEPTH) {
      problems.push({ message: tooDeepMessage, at: rangeOf(node) });
      return null;
    }
    if (isAlias(node)) {
      problems.push({ message: `YAML alias *${node.source} is not allowed in a controlled document; write the value out`, at: rangeOf(node) });
      return null;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && !CORE_TAGS.has(tag)) {
      const name = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push({ message: `unsupported YAML tag ${name}: controlled documents use plain values`, at: rangeOf(node) });
      return isScalar(node) ? String(node.value) : null;
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' && !Number.isFinite(value)) return rawOf(node);
      if (typeof value === 'bigint') return rawOf(node);
      if (typeof value === 'string' && INVISIBLE_CONTROL.test(value)) {
        problems.push({ message: 'value contains an invisible or bidirectional control character', at: rangeOf(node) });
      } else if (typeof value === 'string' && value.includes('\u0000')) {
        // A file holding a NUL is refused when it is read; a quoted "\0" writes one all the same.
        problems.push({ message: 'value contains a NUL character (a "\\0" escape)', at: rangeOf(node) });
      }
      return value;
    }
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemPath = childPointer(path, index);
        const offsets = item && typeof item === 'object' && 'range' in item ? offsetsOf(item as Node) : undefined;
        if (offsets) map.setOffsets(itemPath, offsets);
        return convert(item, itemPath, depth + 1);
      });
    }
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          problems.push({ message: 'only plain text keys are allowed', at: keyNode && typeof keyNode === 'object' ? rangeOf(keyNode) : rangeOf(node) });
          continue;
        }
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar key: null and collections were refused above
        const key = String(keyNode.value);
        const keyOffsets = offsetsOf(keyNode) ?? [0, 0];
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ message: `key "${key}" is not allowed`, at: rangeOf(keyNode) });
          continue;
        }
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push({ message: `duplicate key "${key}" (first at line ${lines.position(first).line})`, at: rangeOf(keyNode) });
          continue;
        }
        seen.set(key, keyOffsets[0]);
        const valuePath = childPointer(path, key);
        const valueNode = pair.value as Node | null;
        // A key without a value ("key:") points at the end of the key.
        map.setOffsets(valuePath, (valueNode && offsetsOf(valueNode)) ?? [keyOffsets[1], keyOffsets[1]], keyOffsets);
        result[key] = convert(valueNode, valuePath, depth + 1);
      }
      return result;
    }
    return null;
  };

  const contents = doc.contents;
  const rootOffsets = contents ? offsetsOf(contents) : undefined;
  if (rootOffsets) map.setOffsets('', rootOffsets);
  const value = convert(contents, '', 0);
  return { value, map, problems };
}

interface CstToken {
  offset: number;
  value?: CstToken;
  items?: Array<{ value?: CstToken | null }>;
}

/** Where the nesting passes MAX_DEPTH, when that can be worked out with the stack that is left. */
function deepestAt(text: string, lines: LineIndex) {
  try {
    const deep = tooDeepAt(text);
    return deep === undefined ? undefined : lines.range(deep, deep + 1);
  } catch {
    return undefined;
  }
}

/**
 * Where the first node nested deeper than MAX_DEPTH starts, from yaml's syntax tree, which it makes
 * without recursion; walked with a stack of our own, and no deeper than the limit.
 */
function tooDeepAt(text: string): number | undefined {
  let first: number | undefined;
  for (const document of new (yamlLibrary().Parser)().parse(text) as Iterable<CstToken>) {
    const stack: Array<[CstToken, number]> = document.value ? [[document.value, 0]] : [];
    while (stack.length > 0) {
      const [token, depth] = stack.pop()!;
      if (depth > MAX_DEPTH) {
        first = Math.min(first ?? token.offset, token.offset);
        continue;
      }
      // Keys are not counted: a key that is a collection is refused on its own.
      for (const item of token.items ?? []) if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return first;
}

/** The parser's message without its position suffix and code frame (we carry positions separately). */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
