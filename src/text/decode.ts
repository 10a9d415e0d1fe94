/** Size limits from SAFETY.md: larger inputs are refused before any parser sees them. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

import type { Range } from '../diagnostics/diagnostic.js';
import { escapeCode } from './controls.js';
import { LineIndex } from './line-index.js';

/** Why input over a size limit is refused; `size` is undefined for input without one (a device, a pipe). */
export function tooLarge(size: number | undefined, limit = MAX_FILE_BYTES): string {
  return `file is ${size ?? `more than ${limit}`} bytes; the limit is ${limit} bytes (${limit / (1024 * 1024)} MiB)`;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; at?: Range };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text in the form every document is read in: no BOM, line endings LF. */
export function normaliseText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/**
 * Decodes a controlled document strictly: UTF-8 only, no UTF-16, no NUL, BOM dropped,
 * line endings normalised to LF (columns and line numbers are unchanged by that).
 */
export function decodeDocument(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: tooLarge(bytes.length) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'file is UTF-16; save it as UTF-8' };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'file is not valid UTF-8; save it as UTF-8' };
  }
  text = normaliseText(text);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return { ok: false, message: 'file contains a NUL character (binary file?)', at: new LineIndex(text).range(nul, nul + 1) };
  return { ok: true, text };
}

/** Characters that can make text read differently from what it is (bidi overrides, zero-width). */
export const INVISIBLE_CONTROL = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Bytes in a UTF-8 sequence by its first byte (0: a byte no sequence starts with). */
function sequenceLength(first: number): number {
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return 2;
  if (first >= 0xe0 && first <= 0xef) return 3;
  if (first >= 0xf0 && first <= 0xf4) return 4;
  return 0;
}

/**
 * A file name as output shows it: its UTF-8, with each byte that is not part of valid UTF-8 written
 * `\xff`. File systems allow any bytes in names; decoding them leniently would name another file.
 */
export function decodeFileName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let name = '';
    for (let i = 0; i < bytes.length;) {
      const length = sequenceLength(bytes[i]!);
      let decoded: string | undefined;
      try {
        decoded = length > 0 && i + length <= bytes.length ? utf8.decode(bytes.subarray(i, i + length)) : undefined;
      } catch {
        decoded = undefined;
      }
      if (decoded === undefined) {
        name += escapeCode(bytes[i]!);
        i += 1;
      } else {
        name += decoded;
        i += length;
      }
    }
    return name;
  }
}
