import type { Range } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../text/line-index.js';

/** Where a value of a parsed YAML document stands: its key (for map entries) and the value itself. */
export interface SourceEntry {
  key?: Range;
  value: Range;
  /** The value exactly as written, for messages such as "quote the version". */
  raw: string;
}

/** Offsets into the source: [valueStart, valueEnd] or [valueStart, valueEnd, keyStart, keyEnd]. */
type Offsets = [number, number] | [number, number, number, number];

/**
 * JSON-pointer-style paths ("/controls/3/justification", as ajv's instancePath) to source positions.
 * Only offsets are kept; lines, columns and text are worked out when someone asks (a diagnostic):
 * a register of 2,000 risks has some 30,000 values and few findings.
 */
export class SourceMap {
  private readonly offsets: Map<string, Offsets>;

  constructor(
    readonly fallback: Range,
    private readonly source?: { text: string; lines: LineIndex },
    offsets?: Map<string, Offsets>,
  ) {
    this.offsets = offsets ?? new Map<string, Offsets>();
  }

  /** The same positions with another fallback (the front matter's opening line). */
  withFallback(fallback: Range): SourceMap {
    return new SourceMap(fallback, this.source, this.offsets);
  }

  setOffsets(pointer: string, value: [number, number], key?: [number, number]): void {
    this.offsets.set(pointer, key ? [value[0], value[1], key[0], key[1]] : value);
  }

  get(pointer: string): SourceEntry | undefined {
    const found = this.offsets.get(pointer);
    if (!found || !this.source) return undefined;
    const { text, lines } = this.source;
    const entry: SourceEntry = { value: lines.range(found[0], found[1]), raw: text.slice(found[0], found[1]) };
    if (found.length === 4) entry.key = lines.range(found[2], found[3]);
    return entry;
  }

  /** The value's range, or the nearest ancestor's, or the fallback. */
  valueAt(pointer: string): Range {
    return this.nearest(pointer)?.value ?? this.fallback;
  }

  /** The key's range where there is one (map entries), otherwise the value's. */
  keyAt(pointer: string): Range {
    const entry = this.nearest(pointer);
    return entry?.key ?? entry?.value ?? this.fallback;
  }

  private nearest(pointer: string): SourceEntry | undefined {
    let current = pointer;
    for (;;) {
      const entry = this.get(current);
      if (entry) return entry;
      if (current === '') return undefined;
      current = current.slice(0, Math.max(0, current.lastIndexOf('/')));
    }
  }
}

export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function childPointer(parent: string, segment: string | number): string {
  if (typeof segment === 'number') return `${parent}/${segment}`;
  return segment.includes('~') || segment.includes('/') ? parent + pointer(segment) : `${parent}/${segment}`;
}
