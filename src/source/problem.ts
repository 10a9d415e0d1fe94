import type { Range } from '../diagnostics/diagnostic.js';

/** A fact found while reading a file, reported later by the rule that owns it. */
export interface Problem {
  message: string;
  at: Range;
}
