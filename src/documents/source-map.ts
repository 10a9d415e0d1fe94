import type { Range } from '../diagnostics/diagnostic.js';

/** Where a value of a parsed YAML document stands: its key (for map entries) and the value itself. */
export interface SourceEntry {
  key?: Range;
  value: Range;
  /** The value exactly as written, for messages such as "quote the version". */
  raw: string;
}

/** JSON-pointer-style paths ("/controls/3/justification", as ajv's instancePath) to source positions. */
export class SourceMap {
  private readonly entries_ = new Map<string, SourceEntry>();

  constructor(readonly fallback: Range) {}

  set(pointer: string, entry: SourceEntry): void {
    this.entries_.set(pointer, entry);
  }

  entries(): Array<[string, SourceEntry]> {
    return [...this.entries_.entries()];
  }

  get(pointer: string): SourceEntry | undefined {
    return this.entries_.get(pointer);
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
      const entry = this.entries_.get(current);
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
  return parent + pointer(segment);
}
