/**
 * A reader of PDF objects (ISO 32000-1 7.3) just large enough to verify signatures: dictionaries,
 * arrays, names, numbers, strings, references. It reads files from anyone, so it never throws,
 * bounds its nesting, and stops at anything it does not know.
 */
export type PdfValue =
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'array'; items: PdfValue[] }
  /** `start` and `end`: where the string is in the file, delimiters included. */
  | { kind: 'string'; bytes: Buffer; start: number; end: number }
  | { kind: 'name'; name: string }
  | { kind: 'number'; value: number }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

const MAX_DEPTH = 32;
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (byte: number | undefined) => byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);

class Reader {
  constructor(
    readonly bytes: Buffer,
    public at: number,
  ) {}

  skipSpace(): void {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const byte = bytes[this.at]!;
      if (WHITESPACE.has(byte)) this.at++;
      else if (byte === 0x25) while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d) this.at++;
      else break;
    }
  }

  token(): string {
    const start = this.at;
    while (this.at < this.bytes.length && isRegular(this.bytes[this.at])) this.at++;
    return this.bytes.toString('latin1', start, this.at);
  }

  value(depth: number): PdfValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    this.skipSpace();
    const { bytes } = this;
    const byte = bytes[this.at];
    if (byte === undefined) return undefined;
    if (byte === 0x3c && bytes[this.at + 1] === 0x3c) return this.dict(depth);
    if (byte === 0x3c) return this.hexString();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x5b) return this.array(depth);
    if (byte === 0x2f) {
      this.at++;
      return { kind: 'name', name: this.token().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) };
    }
    const word = this.token();
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return undefined;
    // `12 0 R` is a reference: look ahead without consuming when it is not.
    if (/^\d+$/.test(word)) {
      const back = this.at;
      this.skipSpace();
      const gen = this.token();
      this.skipSpace();
      if (/^\d+$/.test(gen) && bytes[this.at] === 0x52 && !isRegular(bytes[this.at + 1])) {
        this.at++;
        return { kind: 'ref', num: Number(word), gen: Number(gen) };
      }
      this.at = back;
    }
    return { kind: 'number', value: Number(word) };
  }

  dict(depth: number): PdfValue | undefined {
    this.at += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
        this.at += 2;
        return { kind: 'dict', entries };
      }
      const key = this.value(depth + 1);
      if (key?.kind !== 'name') return undefined;
      const value = this.value(depth + 1);
      if (!value) return undefined;
      // The first of a repeated key counts, as in most readers.
      if (!entries.has(key.name)) entries.set(key.name, value);
    }
  }

  array(depth: number): PdfValue | undefined {
    this.at++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x5d) {
        this.at++;
        return { kind: 'array', items };
      }
      const item = this.value(depth + 1);
      if (!item) return undefined;
      items.push(item);
    }
  }

  hexString(): PdfValue | undefined {
    const start = this.at;
    const end = this.bytes.indexOf(0x3e, start);
    if (end < 0) return undefined;
    const text = this.bytes.toString('latin1', start + 1, end).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(text)) return undefined;
    this.at = end + 1;
    return { kind: 'string', bytes: Buffer.from(text.length % 2 === 0 ? text : `${text}0`, 'hex'), start, end: end + 1 };
  }

  literalString(): PdfValue | undefined {
    const { bytes } = this;
    const start = this.at;
    const out: number[] = [];
    let depth = 0;
    this.at++;
    while (this.at < bytes.length) {
      const byte = bytes[this.at++]!;
      if (byte === 0x5c) {
        const next = bytes[this.at++];
        if (next === undefined) return undefined;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[next] !== undefined) out.push(simple[next]);
        else if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let i = 0; i < 2 && bytes[this.at]! >= 0x30 && bytes[this.at]! <= 0x37; i++) octal = octal * 8 + (bytes[this.at++]! - 0x30);
          out.push(octal & 0xff);
        } else if (next === 0x0d) {
          if (bytes[this.at] === 0x0a) this.at++;
        } else if (next !== 0x0a) out.push(next);
      } else if (byte === 0x28) {
        depth++;
        out.push(byte);
      } else if (byte === 0x29) {
        if (depth === 0) return { kind: 'string', bytes: Buffer.from(out), start, end: this.at };
        depth--;
        out.push(byte);
      } else {
        out.push(byte);
      }
    }
    return undefined;
  }
}

/** The PDF object (a value) that starts at `offset`, or undefined when none can be read there. */
export function readValueAt(bytes: Buffer, offset: number): { value: PdfValue; end: number } | undefined {
  const reader = new Reader(bytes, offset);
  const value = reader.value(0);
  return value ? { value, end: reader.at } : undefined;
}

/** The bytes as Latin-1 text (one character a byte), made once per buffer: objects are found by regular expressions. */
const texts = new WeakMap<Buffer, string>();
export function latin1(bytes: Buffer): string {
  let text = texts.get(bytes);
  if (text === undefined) {
    text = bytes.toString('latin1');
    texts.set(bytes, text);
  }
  return text;
}

/**
 * The value of indirect object `num gen` as defined last in `bytes` (an incremental update
 * redefines objects further on). Found by its `num gen obj` header rather than through the
 * cross-reference table: the PDFs read here are isms's own, whose objects are never in streams.
 */
export function readObject(bytes: Buffer, num: number, gen: number): PdfValue | undefined {
  const header = new RegExp(`(?:^|[\\0\\t\\n\\f\\r ])${num}[\\0\\t\\n\\f\\r ]+${gen}[\\0\\t\\n\\f\\r ]+obj\\b`, 'g');
  const text = latin1(bytes);
  let last: number | undefined;
  for (const match of text.matchAll(header)) last = match.index + match[0].length;
  return last === undefined ? undefined : readValueAt(bytes, last)?.value;
}

/** A value, or the value an indirect reference names. */
export function resolve(bytes: Buffer, value: PdfValue | undefined): PdfValue | undefined {
  return value?.kind === 'ref' ? readObject(bytes, value.num, value.gen) : value;
}

/** A PDF text string (7.9.2.2): UTF-16BE or UTF-8 with their byte-order marks, else PDFDocEncoding (read as Latin-1). */
export function textOf(value: PdfValue | undefined): string | undefined {
  if (value?.kind !== 'string') return undefined;
  const { bytes } = value;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/** A PDF date (7.9.4), `D:YYYYMMDDHHmmSS` with `Z` or an offset `+HH'mm'`, as a Date; undefined when it is not one. */
export function dateOf(text: string | undefined): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?$/.exec(text ?? '');
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
