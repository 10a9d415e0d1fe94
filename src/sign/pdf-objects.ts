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

/** The bytes as Latin-1 text (one character a byte), made once per buffer. */
const texts = new WeakMap<Buffer, string>();
export function latin1(bytes: Buffer): string {
  let text = texts.get(bytes);
  if (text === undefined) {
    text = bytes.toString('latin1');
    texts.set(bytes, text);
  }
  return text;
}

/** More revisions (cross-reference sections chained by /Prev) than any PDF of isms has. */
const MAX_SECTIONS = 64;
const isSpace = (byte: number | undefined) => byte !== undefined && WHITESPACE.has(byte);

/** Reads whitespace-separated words of a cross-reference table from `at`. */
class Words {
  constructor(
    private readonly bytes: Buffer,
    public at: number,
  ) {}

  next(): string {
    while (isSpace(this.bytes[this.at])) this.at++;
    const start = this.at;
    while (this.at < this.bytes.length && !isSpace(this.bytes[this.at])) this.at++;
    return this.bytes.toString('latin1', start, this.at);
  }
}

/**
 * One cross-reference section (ISO 32000-1 7.5.4) at `offset` and the trailer after it: the objects
 * it places, and the trailer's entries. Undefined when there is none there (a cross-reference stream,
 * which isms never writes, or bytes that are not one).
 */
function readSection(bytes: Buffer, offset: number): { objects: Map<number, { offset: number; gen: number }>; trailer: Map<string, PdfValue> } | undefined {
  const words = new Words(bytes, offset);
  if (words.next() !== 'xref') return undefined;
  const objects = new Map<number, { offset: number; gen: number }>();
  for (;;) {
    const back = words.at;
    const first = words.next();
    if (first === 'trailer') break;
    const count = words.next();
    if (!/^\d+$/.test(first) || !/^\d+$/.test(count)) return undefined;
    for (let i = 0, num = Number(first); i < Number(count); i++, num++) {
      const [at, gen, kind] = [words.next(), words.next(), words.next()];
      if (!/^\d+$/.test(at) || !/^\d+$/.test(gen) || (kind !== 'n' && kind !== 'f')) return undefined;
      if (kind === 'n') objects.set(num, { offset: Number(at), gen: Number(gen) });
    }
    if (words.at === back) return undefined;
  }
  const trailer = readValueAt(bytes, words.at)?.value;
  return trailer?.kind === 'dict' ? { objects, trailer: trailer.entries } : undefined;
}

/**
 * The indirect objects of a PDF, found through its structure: `startxref`, the cross-reference
 * sections it leads to (the newest revision first, then each /Prev), each object read at the offset
 * they give, and the newest trailer. Text inside strings (a title that reads "/ByteRange [0 1 2 3]" or
 * "12 0 obj") is never taken for structure. A file whose cross-reference cannot be read (cut short,
 * damaged) is recovered as PDF readers do: objects by their `N G obj` headers, the last of a number
 * winning, and the last trailer.
 */
export class PdfObjects {
  private readonly cache = new Map<number, PdfValue | undefined>();

  private constructor(
    readonly bytes: Buffer,
    private readonly offsets: ReadonlyMap<number, { offset: number; gen: number }>,
    /** The newest trailer's entries (Root, Info), when there is one. */
    readonly trailer: ReadonlyMap<string, PdfValue> | undefined,
    /** The cross-reference could not be read: objects were found by their headers. */
    readonly recovered: boolean,
  ) {}

  static read(bytes: Buffer): PdfObjects {
    return PdfObjects.fromCrossReference(bytes) ?? PdfObjects.recover(bytes);
  }

  private static fromCrossReference(bytes: Buffer): PdfObjects | undefined {
    const text = latin1(bytes);
    const at = text.lastIndexOf('startxref');
    // Anything but whitespace after the last %%EOF (a file cut inside an update, or bytes appended) is damage: recover.
    const pointer = at === -1 ? undefined : /^startxref[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+%%EOF[\0\t\n\f\r ]*$/.exec(text.slice(at));
    if (!pointer) return undefined;
    const offsets = new Map<number, { offset: number; gen: number }>();
    let trailer: Map<string, PdfValue> | undefined;
    const visited = new Set<number>();
    for (let offset: number | undefined = Number(pointer[1]); offset !== undefined;) {
      if (visited.has(offset) || visited.size === MAX_SECTIONS || offset >= bytes.length) return undefined;
      visited.add(offset);
      const section = readSection(bytes, offset);
      if (!section) return undefined;
      trailer ??= section.trailer;
      // The newest revision is read first: what it places wins over older ones.
      for (const [num, place] of section.objects) if (!offsets.has(num)) offsets.set(num, place);
      const previous = section.trailer.get('Prev');
      offset = previous?.kind === 'number' && Number.isInteger(previous.value) && previous.value >= 0 ? previous.value : undefined;
    }
    return new PdfObjects(bytes, offsets, trailer, false);
  }

  private static recover(bytes: Buffer): PdfObjects {
    const text = latin1(bytes);
    const offsets = new Map<number, { offset: number; gen: number }>();
    for (const match of text.matchAll(/(?:^|[\0\t\n\f\r ])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj\b/g)) {
      offsets.set(Number(match[1]), { offset: match.index, gen: Number(match[2]) });
    }
    const at = text.lastIndexOf('trailer');
    const trailer = at === -1 ? undefined : readValueAt(bytes, at + 'trailer'.length)?.value;
    return new PdfObjects(bytes, offsets, trailer?.kind === 'dict' ? trailer.entries : undefined, true);
  }

  /** The numbers of the objects the file places. */
  numbers(): number[] {
    return [...this.offsets.keys()];
  }

  /** Indirect object `num` (of generation `gen`, when given), or undefined when the file does not place it there. */
  object(num: number, gen?: number): PdfValue | undefined {
    const place = this.offsets.get(num);
    if (!place || (gen !== undefined && place.gen !== gen)) return undefined;
    if (!this.cache.has(num)) {
      // The offset must hold this object's header (whitespace before it is tolerated, as readers do).
      const header = /^[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj/.exec(this.bytes.toString('latin1', place.offset, place.offset + 64));
      const ok = header !== null && Number(header[1]) === num && Number(header[2]) === place.gen;
      this.cache.set(num, ok ? readValueAt(this.bytes, place.offset + header[0].length)?.value : undefined);
    }
    return this.cache.get(num);
  }

  /** A value, or the value an indirect reference names. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value?.kind === 'ref' ? this.object(value.num, value.gen) : value;
  }
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
