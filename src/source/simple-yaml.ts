import { INVISIBLE_CONTROL } from '../text/decode.js';
import { childPointer } from './source-map.js';

/**
 * A reader for the plain YAML that controlled documents are written in (block maps and lists of
 * one-line values, one-line flow collections, plain and simply quoted scalars, comments), about
 * twenty times faster than the yaml library on a 2,000-risk register. It is a fast path, never an
 * authority: anything outside that subset (and anything the loader would report: duplicate or
 * prototype keys, tags, anchors, aliases, escapes, multi-line scalars, tabs, control characters,
 * non-finite numbers) makes it return undefined, and the caller reads the text with the yaml library.
 * Where it answers, it answers exactly what the yaml library and `parseYamlSource` answer: the same
 * values (YAML 1.2 core schema) and the same offsets; tests/source/simple-yaml.test.ts compares the
 * two on every YAML file of the project and on generated documents.
 */

/** Receives the offsets of every value, and of its key in a map, as `parseYamlSource` records them. */
export type OffsetSink = (pointer: string, value: [number, number], key?: [number, number]) => void;

/**
 * Thrown inside the reader when the text leaves the subset; `readSimpleYaml` turns it into undefined.
 * One instance, made once: a bail-out costs no stack trace.
 */
const UNSUPPORTED = new Error('outside the simple subset');

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Below the loader's bound (64), so that the loader's depth finding comes from the yaml library. */
const MAX_DEPTH = 48;
/** Longest implicit key the subset reads (the yaml library refuses keys over 1,024 characters). */
const MAX_KEY = 1000;
/** Characters whose handling is left to the yaml library: tabs, returns, C0/C1 controls, BOM, line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is what it is for
const OUTSIDE = /[\t\r\0-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;

// Plain scalars of the YAML 1.2 core schema, tested in the yaml library's order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;

/** First characters of the plain scalars the core schema reads as null, a boolean or a number. */
const RESOLVED_START = /^[-+.~0-9nNtTfF]/;

/** The value of a plain scalar, as the core schema resolves it. */
function plainValue(source: string): unknown {
  if (source !== '' && !RESOLVED_START.test(source)) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  let value: number;
  if (INT_OCT.test(source)) value = parseInt(source.slice(2), 8);
  else if (INT.test(source)) value = parseInt(source, 10);
  else if (INT_HEX.test(source)) value = parseInt(source.slice(2), 16);
  else if (FLOAT_NAN.test(source)) throw UNSUPPORTED;
  else if (FLOAT_EXP.test(source) || FLOAT.test(source)) value = parseFloat(source);
  else return source;
  // The loader keeps a non-finite number as its text, the yaml library as a number: left to them.
  if (!Number.isFinite(value)) throw UNSUPPORTED;
  return value;
}

/** Characters that cannot start a plain scalar here (indicators), besides `-?:` before a space. */
const BAD_START = new Set(['#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** A parsed node: its value, its offsets, and where the collection holding it ends if it is the last. */
interface Node {
  value: unknown;
  start: number;
  end: number;
  /** The end of the node with what yaml counts into the range of a collection ending with it. */
  tail: number;
}

class Reader {
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];
  /** The current content line (-1: none left). */
  private line = 0;
  /** The last content line read. */
  private lastLine = 0;
  /** Comment lines after the entries of collections that ended, not yet counted into one (see `close`). */
  private carried: Array<{ indent: number; end: number }> = [];

  constructor(
    private readonly text: string,
    private readonly sink: OffsetSink | undefined,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.ends.push(i);
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
  }

  document(): Record<string, unknown> {
    this.line = this.contentFrom(0);
    if (this.line === -1 || this.indentOf(this.line) !== 0 || this.isSeqEntry(this.line, 0)) throw UNSUPPORTED;
    const root = this.blockMap(0, this.starts[this.line]!, '', 0);
    if (this.line !== -1) throw UNSUPPORTED;
    this.sink?.('', this.offsets(root));
    return root.value as Record<string, unknown>;
  }

  /** A node's offsets as the loader records them: its end less trailing spaces and line breaks. */
  private offsets(node: Node): [number, number] {
    let end = node.end;
    for (let c = this.text.charCodeAt(end - 1); end > node.start && (c === SPACE || c === 10); c = this.text.charCodeAt(end - 1)) end--;
    return [node.start, end];
  }

  private indentOf(line: number): number {
    const start = this.starts[line]!;
    let i = start;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - start;
  }

  /** The first line at or after `from` with content (not blank, not only a comment); -1 when none. */
  private contentFrom(from: number): number {
    for (let line = from; line < this.starts.length; line++) {
      const start = this.starts[line]!;
      const indent = this.indentOf(line);
      const first = start + indent;
      if (first === this.ends[line] || this.text.charCodeAt(first) === HASH) continue;
      // Directives and document markers are left to the yaml library.
      if (indent === 0 && (this.text.startsWith('---', start) || this.text.startsWith('...', start) || this.text.charCodeAt(start) === 37)) throw UNSUPPORTED;
      return line;
    }
    return -1;
  }

  private isSeqEntry(line: number, indent: number): boolean {
    const at = this.starts[line]! + indent;
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.ends[line] || this.text.charCodeAt(at + 1) === SPACE);
  }

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The end of the comment starting at `at` (the line's end, less trailing spaces). */
  private commentEnd(line: number): number {
    let end = this.ends[line]!;
    while (this.text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /**
   * After the value ending at `at` on the current line: nothing but spaces and a comment may follow.
   * Returns the comment's end, or undefined when there is none.
   */
  private restOfLine(at: number): number | undefined {
    const end = this.ends[this.line]!;
    const next = this.skipSpaces(at);
    if (next === end) return undefined;
    if (this.text.charCodeAt(next) === HASH && next > at) return this.commentEnd(this.line);
    throw UNSUPPORTED;
  }

  /** Moves to the next content line, remembering the one just read. */
  private advance(): void {
    this.lastLine = this.line;
    this.line = this.contentFrom(this.line + 1);
  }

  /** The comment lines between the last content line read and the current one (or the end). */
  private commentsAfterLast(): Array<{ indent: number; end: number }> {
    const comments: Array<{ indent: number; end: number }> = [];
    const stop = this.line === -1 ? this.starts.length : this.line;
    for (let line = this.lastLine + 1; line < stop; line++) {
      const indent = this.indentOf(line);
      if (this.starts[line]! + indent !== this.ends[line]) comments.push({ indent, end: this.commentEnd(line) });
    }
    return comments;
  }

  /**
   * Where a collection ending here ends, as the yaml library counts it: `end` for its own offsets,
   * `tail` for a collection that ends with it. Comment lines after the last entry, indented deeper than
   * the entries, belong to the last value when it is a scalar or a flow collection; the comments that
   * follow are carried outwards, and stay in the first collection that holds one as deep as its entries.
   */
  private close(indent: number, last: Node, lastIsBlock: boolean): { end: number; tail: number } {
    let end = last.tail;
    if (!lastIsBlock) {
      const comments = this.commentsAfterLast();
      let i = 0;
      while (i < comments.length && comments[i]!.indent > indent) end = comments[i++]!.end;
      this.carried = comments.slice(i);
    }
    const carried = this.carried;
    if (carried.length > 0 && indent > 0 && carried.some((comment) => comment.indent >= indent)) {
      this.carried = [];
      return { end, tail: carried[carried.length - 1]!.end };
    }
    return { end, tail: end };
  }

  /** An empty value followed by comment lines: yaml places it after them; left to the library. */
  private refuseCommentsAfterEmpty(line: number, next: number): void {
    const stop = next === -1 ? this.starts.length : next;
    for (let i = line + 1; i < stop; i++) if (this.starts[i]! + this.indentOf(i) !== this.ends[i]) throw UNSUPPORTED;
  }

  private blockNode(indent: number, pointer: string, depth: number): Node {
    if (depth > MAX_DEPTH) throw UNSUPPORTED;
    if (this.isSeqEntry(this.line, indent)) return this.blockSeq(indent, pointer, depth);
    return this.blockMap(indent, this.starts[this.line]! + indent, pointer, depth);
  }

  /** A block map with its keys at column `indent`; the first key at `firstKey`, which may follow a "- ". */
  private blockMap(indent: number, firstKey: number, pointer: string, depth: number): Node {
    const value: Record<string, unknown> = {};
    let at = firstKey;
    let last: { node: Node; block: boolean };
    for (;;) {
      last = this.pair(value, at, indent, pointer, depth);
      if (this.line === -1) break;
      const next = this.indentOf(this.line);
      if (next < indent) break;
      if (next > indent || this.isSeqEntry(this.line, indent)) throw UNSUPPORTED;
      at = this.starts[this.line]! + indent;
    }
    return { value, start: firstKey, ...this.close(indent, last.node, last.block) };
  }

  /** One `key: value` entry of a block map, the key at `at`: its value, and whether that is a block collection. */
  private pair(target: Record<string, unknown>, at: number, indent: number, pointer: string, depth: number): { node: Node; block: boolean } {
    const key = this.key(at);
    if (!key) throw UNSUPPORTED;
    if (FORBIDDEN_KEYS.has(key.name) || Object.hasOwn(target, key.name)) throw UNSUPPORTED;
    const path = this.sink ? childPointer(pointer, key.name) : '';
    const keyOffsets: [number, number] = [key.start, key.end];
    const after = this.skipSpaces(key.colon + 1);
    const line = this.line;
    let node: Node;
    let block = false;
    if (after === this.ends[line] || this.text.charCodeAt(after) === HASH) {
      const next = this.contentFrom(line + 1);
      const nested = next === -1 ? -1 : this.indentOf(next);
      if (next !== -1 && (nested > indent || (nested === indent && this.isSeqEntry(next, indent)))) {
        this.lastLine = line;
        this.line = next;
        node = this.blockNode(nested, path, depth + 1);
        block = true;
      } else {
        this.refuseCommentsAfterEmpty(line, next);
        const comment = after === this.ends[line] ? undefined : this.commentEnd(line);
        node = { value: null, start: after, end: after, tail: comment ?? after };
        this.advance();
      }
    } else {
      node = this.inlineValue(after, path, depth + 1);
      this.advance();
    }
    target[key.name] = node.value;
    this.sink?.(path, this.offsets(node), keyOffsets);
    return { node, block };
  }

  /** A block sequence with its dashes at column `indent`. */
  private blockSeq(indent: number, pointer: string, depth: number): Node {
    const value: unknown[] = [];
    const start = this.starts[this.line]! + indent;
    let last: { node: Node; block: boolean };
    for (;;) {
      const line = this.line;
      const path = this.sink ? `${pointer}/${value.length}` : '';
      const after = this.skipSpaces(this.starts[line]! + indent + 1);
      const lineEnd = this.ends[line]!;
      let node: Node;
      let block = false;
      if (after === lineEnd || this.text.charCodeAt(after) === HASH) {
        const next = this.contentFrom(line + 1);
        const nested = next === -1 ? -1 : this.indentOf(next);
        if (nested > indent) {
          this.lastLine = line;
          this.line = next;
          node = this.blockNode(nested, path, depth + 1);
          block = true;
        } else {
          this.refuseCommentsAfterEmpty(line, next);
          const comment = after === lineEnd ? undefined : this.commentEnd(line);
          node = { value: null, start: after, end: after, tail: comment ?? after };
          this.advance();
        }
      } else if (this.text.charCodeAt(after) === DASH && (after + 1 === lineEnd || this.text.charCodeAt(after + 1) === SPACE)) {
        throw UNSUPPORTED; // "- - x": a list in a list on one line
      } else if (this.key(after)) {
        if (depth + 1 > MAX_DEPTH) throw UNSUPPORTED;
        node = this.blockMap(after - this.starts[line]!, after, path, depth + 1);
        block = true;
      } else {
        node = this.inlineValue(after, path, depth + 1);
        this.advance();
      }
      value.push(node.value);
      this.sink?.(path, this.offsets(node));
      last = { node, block };
      if (this.line === -1) break;
      const next = this.indentOf(this.line);
      if (next < indent) break;
      if (next > indent) throw UNSUPPORTED;
      if (!this.isSeqEntry(this.line, indent)) break;
    }
    return { value, start, ...this.close(indent, last.node, last.block) };
  }

  /**
   * The implicit key at `at`, followed by `:` and a space or the line's end; undefined when the text
   * there is not a key (it may be a value).
   */
  private key(at: number): { name: string; start: number; end: number; colon: number } | undefined {
    const lineEnd = this.ends[this.line]!;
    const first = this.text[at]!;
    // A flow collection is a value here (one used as a key is refused after it is read).
    if (first === '[' || first === '{') return undefined;
    let name: string;
    let end: number;
    let colon: number;
    if (first === '"' || first === "'") {
      const quoted = this.quoted(at, lineEnd);
      end = quoted.end;
      colon = this.skipSpaces(end);
      if (this.text.charCodeAt(colon) !== COLON) return undefined;
      name = quoted.value;
    } else {
      colon = -1;
      for (let i = at; i < lineEnd; i++) {
        const c = this.text.charCodeAt(i);
        if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) return undefined;
        if (c === COLON && (i + 1 === lineEnd || this.text.charCodeAt(i + 1) === SPACE)) {
          colon = i;
          break;
        }
      }
      if (colon === -1) return undefined;
      end = colon;
      while (end > at && this.text.charCodeAt(end - 1) === SPACE) end--;
      name = this.text.slice(at, end);
      if (name === '' || BAD_START.has(first) || ((first === '-' || first === '?' || first === ':') && (name.length === 1 || name[1] === ' ')) || /[,[\]{}#]/.test(name)) throw UNSUPPORTED;
      // A key the core schema reads as a number, a boolean or null is left to the yaml library.
      if (typeof plainValue(name) !== 'string') throw UNSUPPORTED;
    }
    if (end - at > MAX_KEY) throw UNSUPPORTED;
    if (colon + 1 !== lineEnd && this.text.charCodeAt(colon + 1) !== SPACE) throw UNSUPPORTED;
    return { name, start: at, end, colon };
  }

  /** A value that starts on the current line at `at` and ends on it. */
  private inlineValue(at: number, pointer: string, depth: number): Node {
    const c = this.text[at]!;
    if (c === '[' || c === '{') {
      const node = this.flow(at, pointer, depth);
      const comment = this.restOfLine(node.end);
      return { ...node, tail: comment ?? node.end };
    }
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(at, this.ends[this.line]!);
      const comment = this.restOfLine(end);
      return { value, start: at, end, tail: comment ?? end };
    }
    const lineEnd = this.ends[this.line]!;
    this.plainStart(at, lineEnd);
    let stop = lineEnd;
    let comment: number | undefined;
    for (let i = at + 1; i < lineEnd; i++) {
      if (this.text.charCodeAt(i) === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        comment = this.commentEnd(this.line);
        break;
      }
    }
    while (this.text.charCodeAt(stop - 1) === SPACE) stop--;
    const source = this.text.slice(at, stop);
    // "a: b: c" and "a: b:" are mappings where a value was expected: left to the yaml library.
    if (source.includes(': ') || source.endsWith(':')) throw UNSUPPORTED;
    return { value: plainValue(source), start: at, end: stop, tail: comment ?? stop };
  }

  /** Refuses what cannot start a plain scalar: indicators, and `-`, `?`, `:` before a space. */
  private plainStart(at: number, lineEnd: number): void {
    const c = this.text[at]!;
    if (BAD_START.has(c)) throw UNSUPPORTED;
    if ((c === '-' || c === '?' || c === ':') && (at + 1 === lineEnd || this.text.charCodeAt(at + 1) === SPACE)) throw UNSUPPORTED;
  }

  /** A quoted scalar that closes on its line, without escapes (single quotes may double). */
  private quoted(at: number, lineEnd: number): { value: string; end: number } {
    const quote = this.text[at]!;
    if (quote === '"') {
      const close = this.text.indexOf('"', at + 1);
      if (close === -1 || close >= lineEnd) throw UNSUPPORTED;
      const value = this.text.slice(at + 1, close);
      if (value.includes('\\')) throw UNSUPPORTED;
      return { value, end: close + 1 };
    }
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = this.text.indexOf("'", from);
      if (close === -1 || close >= lineEnd) throw UNSUPPORTED;
      if (this.text[close + 1] === "'") {
        value += this.text.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      value += this.text.slice(from, close);
      return { value, end: close + 1 };
    }
  }

  /** A flow collection that closes on its line. */
  private flow(at: number, pointer: string, depth: number): Node {
    if (depth > MAX_DEPTH) throw UNSUPPORTED;
    const lineEnd = this.ends[this.line]!;
    const isMap = this.text[at] === '{';
    const close = isMap ? '}' : ']';
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    let i = this.skipSpaces(at + 1);
    if (this.text[i] === close) return { value: isMap ? map : list, start: at, end: i + 1, tail: i + 1 };
    for (;;) {
      if (i >= lineEnd) throw UNSUPPORTED;
      if (isMap) {
        const key = this.flowKey(i, lineEnd);
        if (FORBIDDEN_KEYS.has(key.name) || Object.hasOwn(map, key.name)) throw UNSUPPORTED;
        const path = this.sink ? childPointer(pointer, key.name) : '';
        i = this.skipSpaces(key.colon + 1);
        const node = this.flowValue(i, lineEnd, path, depth + 1);
        map[key.name] = node.value;
        this.sink?.(path, [node.start, node.end], [key.start, key.end]);
        i = node.end;
      } else {
        const path = this.sink ? `${pointer}/${list.length}` : '';
        const node = this.flowValue(i, lineEnd, path, depth + 1);
        list.push(node.value);
        this.sink?.(path, [node.start, node.end]);
        i = node.end;
      }
      i = this.skipSpaces(i);
      const c = this.text[i];
      if (c === ',') {
        i = this.skipSpaces(i + 1);
        // A trailing comma, an empty entry or a line break: left to the yaml library.
        if (i >= lineEnd || this.text[i] === close || this.text[i] === ',') throw UNSUPPORTED;
        continue;
      }
      if (c === close && i < lineEnd) return { value: isMap ? map : list, start: at, end: i + 1, tail: i + 1 };
      throw UNSUPPORTED;
    }
  }

  /** A key of a flow map: quoted, or plain up to `: `; then its colon. */
  private flowKey(at: number, lineEnd: number): { name: string; start: number; end: number; colon: number } {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(at, lineEnd);
      const colon = this.skipSpaces(end);
      if (this.text.charCodeAt(colon) !== COLON || colon + 1 >= lineEnd) throw UNSUPPORTED;
      if (colon + 1 < lineEnd && /[,}\]]/.test(this.text[colon + 1]!)) throw UNSUPPORTED; // a key without a value
      return { name: value, start: at, end, colon };
    }
    const plain = this.flowPlain(at, lineEnd);
    if (plain.source.includes(':')) throw UNSUPPORTED;
    if (this.text.charCodeAt(plain.end) === SPACE) {
      const colon = this.skipSpaces(plain.end);
      if (this.text.charCodeAt(colon) !== COLON) throw UNSUPPORTED;
      if (this.text.charCodeAt(colon + 1) !== SPACE) throw UNSUPPORTED;
      if (typeof plainValue(plain.source) !== 'string' || plain.end - at > MAX_KEY) throw UNSUPPORTED;
      return { name: plain.source, start: at, end: plain.end, colon };
    }
    if (this.text.charCodeAt(plain.end) !== COLON || this.text.charCodeAt(plain.end + 1) !== SPACE) throw UNSUPPORTED;
    if (typeof plainValue(plain.source) !== 'string' || plain.end - at > MAX_KEY) throw UNSUPPORTED;
    return { name: plain.source, start: at, end: plain.end, colon: plain.end };
  }

  /** A value inside a flow collection. */
  private flowValue(at: number, lineEnd: number, pointer: string, depth: number): Node {
    const c = this.text[at];
    if (at >= lineEnd) throw UNSUPPORTED;
    if (c === '[' || c === '{') return this.flow(at, pointer, depth);
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(at, lineEnd);
      return { value, start: at, end, tail: end };
    }
    const plain = this.flowPlain(at, lineEnd);
    return { value: plainValue(plain.source), start: at, end: plain.end, tail: plain.end };
  }

  /**
   * A plain scalar in a flow collection: up to a comma, a closing bracket or `: `, less trailing
   * spaces. An opening bracket or a comment inside it is left to the yaml library.
   */
  private flowPlain(at: number, lineEnd: number): { source: string; end: number } {
    this.plainStart(at, lineEnd);
    const c0 = this.text[at];
    if ((c0 === '-' || c0 === '?' || c0 === ':') && /[,[\]{}]/.test(this.text[at + 1] ?? '')) throw UNSUPPORTED;
    let i = at;
    for (; i < lineEnd; i++) {
      const c = this.text.charCodeAt(i);
      if (c === COMMA || c === CLOSE_SEQ || c === CLOSE_MAP) break;
      if (c === OPEN_SEQ || c === OPEN_MAP) throw UNSUPPORTED;
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) throw UNSUPPORTED;
      // A colon ends the scalar before a space; before another character it is part of it ("27001:2013").
      if (c === COLON) {
        const next = this.text.charCodeAt(i + 1);
        if (next === SPACE) break;
        if (i + 1 >= lineEnd || next === COMMA || next === OPEN_SEQ || next === CLOSE_SEQ || next === OPEN_MAP || next === CLOSE_MAP) throw UNSUPPORTED;
      }
    }
    let end = i;
    while (end > at && this.text.charCodeAt(end - 1) === SPACE) end--;
    if (end === at) throw UNSUPPORTED;
    return { source: this.text.slice(at, end), end };
  }
}

/**
 * The text's value when it is a map in the simple subset (offsets reported to `sink`, when given),
 * or undefined: then the yaml library must read it.
 */
export function readSimpleYaml(text: string, sink?: OffsetSink): { value: Record<string, unknown> } | undefined {
  if (OUTSIDE.test(text) || INVISIBLE_CONTROL.test(text)) return undefined;
  try {
    return { value: new Reader(text, sink).document() };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
