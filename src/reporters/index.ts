import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { Reporter } from './report.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish, json, sarif, junit, github, markdown };
export const FORMAT_NAMES = Object.keys(REPORTERS);

/** The reporter of a `--format` name (never an inherited key such as "constructor"). */
export function reporterNamed(name: string): Reporter | undefined {
  return Object.hasOwn(REPORTERS, name) ? REPORTERS[name] : undefined;
}
