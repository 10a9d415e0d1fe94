import type { ErrorObject } from 'ajv';
import type { Problem } from '../source/problem.js';
import { childPointer, type SourceMap } from '../source/source-map.js';
import { isoDateHint } from '../text/dates.js';
import { closest } from '../text/suggest.js';

/** What a pattern in our schemas asks for, in words. */
const PATTERN_WORDS: Record<string, string> = {
  documentId: 'an id of capital letters, digits and hyphens, like DOC-A5',
  roleId: 'a role id of lowercase letters, digits, "-" and "_", like ciso',
  version: 'MAJOR.MINOR, like "1.0"',
  clauseId: 'a clause as the standard numbers it, like "6.2" or "9.3.3" (an item of a clause: "6.1.3 d")',
};

/** `/controls/3/justification` -> `controls[3].justification`. */
export function pathOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a map';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- numbers, booleans and the like: objects are described above
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map of keys',
  array: 'a list',
};

/** Keywords that judge a value, most telling first: a value that fails several is reported by the first. */
const VALUE_KEYWORDS = ['type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum'];

/** A key a document meant but misspelt: the schema reports it once, with the key it meant. */
export interface Misspelling {
  /** Where the meant key would be (`/controls/3/justification`). */
  pointer: string;
  /** The key as written (`justifcation`). */
  written: string;
  /** What the document holds under it. */
  value: unknown;
}

export interface SchemaFindings {
  problems: Problem[];
  misspellings: Misspelling[];
}

/** The keys of an object in the data, when it is one. */
function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

function valueOf(object: unknown, key: string): unknown {
  return keysOf(object).includes(key) ? (object as Record<string, unknown>)[key] : undefined;
}

function propertiesOf(schema: unknown): string[] {
  return keysOf((schema as { properties?: unknown } | undefined)?.properties);
}

/**
 * Turns ajv errors into problems at the exact key or value, one per defect, in plain words. A key
 * that is a near miss of a key the object lacks is one defect: "unknown key "clasification"; did you
 * mean "classification"?", never that and "missing required key "classification"" as well.
 * `rootKeys` are the keys a schema composed of others (a document: the metadata and its own keys)
 * declares at its top level, which ajv's error does not list.
 */
export function schemaFindings(errors: ErrorObject[], map: SourceMap, rootKeys: readonly string[] = []): SchemaFindings {
  const known = (pointer: string, error: ErrorObject) => {
    const own = propertiesOf(error.parentSchema);
    return pointer === '' ? [...new Set([...own, ...rootKeys])] : own;
  };
  const misspellings: Misspelling[] = [];
  const meant = new Map<string, string>();
  const unknown = new Map<ErrorObject, string | undefined>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties' && error.keyword !== 'unevaluatedProperties') continue;
    if ((error as { propertyName?: string }).propertyName !== undefined) continue;
    const params = error.params as Record<string, unknown>;
    const key = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
    const candidates = known(error.instancePath, error);
    const present = keysOf(error.data);
    // A key the object already has is not the one it meant: `versiono` beside `versions` is `version`.
    const absent = candidates.filter((candidate) => !present.includes(candidate));
    const suggestion = closest(key, absent) ?? closest(key, candidates);
    unknown.set(error, suggestion);
    if (suggestion !== undefined && absent.includes(suggestion)) {
      const pointer = childPointer(error.instancePath, suggestion);
      if (!meant.has(pointer)) {
        meant.set(pointer, key);
        misspellings.push({ pointer, written: key, value: valueOf(error.data, key) });
      }
    }
  }
  // One finding per value: "999999999999.1" is reported as not MAJOR.MINOR, not also as too long.
  const best = new Map<string, ErrorObject>();
  for (const error of errors) {
    const rank = VALUE_KEYWORDS.indexOf(error.keyword);
    if (rank === -1) continue;
    const held = best.get(error.instancePath);
    if (!held || rank < VALUE_KEYWORDS.indexOf(held.keyword)) best.set(error.instancePath, error);
  }
  const problems: Problem[] = [];
  const add = (problem: Problem | undefined) => {
    if (problem && !problems.some((p) => p.message === problem.message && p.at.line === problem.at.line && p.at.column === problem.at.column)) {
      problems.push(problem);
    }
  };
  for (const error of errors) {
    if (error.keyword === 'required') {
      const missing = String((error.params as Record<string, unknown>)['missingProperty']);
      const pointer = childPointer(error.instancePath, missing);
      if (meant.has(pointer)) continue; // said once, at the misspelt key
      // An object whose other keys are content (a plan kept as YAML) reports no unknown key: a near miss of the missing one is still its misspelling.
      const candidates = known(error.instancePath, error);
      const extra = keysOf(error.data).filter((key) => !candidates.includes(key) && !meant.has(childPointer(error.instancePath, key)));
      const written = closest(missing, extra);
      if (written !== undefined) {
        meant.set(pointer, written);
        misspellings.push({ pointer, written, value: valueOf(error.data, written) });
        add({ message: `missing required key "${pathOf(pointer)}"; "${written}" looks like a misspelling of it`, at: map.keyAt(childPointer(error.instancePath, written)) });
        continue;
      }
    }
    if (VALUE_KEYWORDS.includes(error.keyword) && best.get(error.instancePath) !== error) continue;
    add(toProblem(error, map, unknown.get(error)));
  }
  return { problems, misspellings };
}

/** The problems alone (the configuration file, which nothing else reads for misspellings). */
export function schemaProblems(errors: ErrorObject[], map: SourceMap, rootKeys: readonly string[] = []): Problem[] {
  return schemaFindings(errors, map, rootKeys).problems;
}

function toProblem(error: ErrorObject, map: SourceMap, suggestion: string | undefined): Problem | undefined {
  const pointer = error.instancePath;
  const name = pathOf(pointer);
  const subject = name ? `"${name}"` : 'the document';
  const params = error.params as Record<string, unknown>;
  if ((error as { propertyName?: string }).propertyName !== undefined) return undefined; // reported by propertyNames
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required': {
      const missing = String(params['missingProperty']);
      const at = pointer === '' ? map.fallback : map.keyAt(pointer);
      return { message: name ? `${subject} is missing "${missing}"` : `missing required key "${missing}"`, at };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
      return {
        message: `unknown key "${name ? `${name}.` : ''}${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        at: map.keyAt(childPointer(pointer, key)),
      };
    }
    case 'propertyNames': {
      const key = String(params['propertyName']);
      const allowed = (error.parentSchema?.['propertyNames'] as { enum?: string[] } | undefined)?.enum;
      const what = allowed ? `one of ${allowed.join(', ')}` : PATTERN_WORDS['roleId'];
      return { message: `${subject} has key "${key}", which must be ${what}`, at: map.keyAt(childPointer(pointer, key)) };
    }
    case 'type': {
      const expected = String(params['type']);
      const entry = map.get(pointer);
      const value = error.data;
      if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return { message: `${subject} must be text: quote it ("${entry?.raw ?? String(value)}")`, at: map.valueAt(pointer) };
      }
      return { message: `${subject} must be ${TYPE_WORDS[expected] ?? expected}, found ${describe(value)}`, at: map.valueAt(pointer) };
    }
    case 'const':
      return { message: `${subject} must be ${describe(params['allowedValue'])}, found ${describe(error.data)}`, at: map.valueAt(pointer) };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        message: `${subject} must be one of ${allowed.join(', ')}, found ${describe(error.data)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        at: map.valueAt(pointer),
      };
    }
    case 'format': {
      if (params['format'] === 'date') {
        return { message: `${subject} is not a date in ISO form (found ${describe(error.data)}): ${isoDateHint(String(error.data))}`, at: map.valueAt(pointer) };
      }
      return { message: `${subject} is not a valid ${String(params['format'])} (found ${describe(error.data)})`, at: map.valueAt(pointer) };
    }
    case 'pattern': {
      const def = /\$defs\/(\w+)\/pattern$/.exec(error.schemaPath)?.[1] ?? (pointer.endsWith('/version') ? 'version' : undefined);
      const words = (def && PATTERN_WORDS[def]) ?? `text matching ${String(params['pattern'])}`;
      return { message: `${subject} must be ${words}, found ${describe(error.data)}`, at: map.valueAt(pointer) };
    }
    case 'minLength':
      return { message: `${subject} must not be empty`, at: map.valueAt(pointer) };
    case 'maxLength':
      return { message: `${subject} is longer than ${String(params['limit'])} characters`, at: map.valueAt(pointer) };
    case 'minItems':
      return { message: `${subject} needs at least ${String(params['limit'])} item(s)`, at: map.valueAt(pointer) };
    case 'maxItems':
      return { message: `${subject} has more than ${String(params['limit'])} items`, at: map.valueAt(pointer) };
    case 'minProperties':
      return { message: `${subject} needs at least ${String(params['limit'])} entry`, at: map.valueAt(pointer) };
    case 'maxProperties':
      return { message: `${subject} has more than ${String(params['limit'])} entries`, at: map.valueAt(pointer) };
    case 'minimum':
    case 'maximum':
      return { message: `${subject} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params['limit'])}, found ${describe(error.data)}`, at: map.valueAt(pointer) };
    case 'uniqueItems':
      return { message: `${subject} lists an item twice (items ${String(params['j'])} and ${String(params['i'])})`, at: map.valueAt(pointer) };
    default:
      return { message: `${subject} ${error.message ?? 'is not valid'}`, at: map.valueAt(pointer) };
  }
}
