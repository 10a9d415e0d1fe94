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
};

/** Top-level keys of every document (the metadata schema), for "did you mean" on misspelt keys. */
const METADATA_KEYS = ['id', 'title', 'type', 'owner', 'classification', 'status', 'version', 'approval', 'review', 'distribution', 'standard'];

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

/** Turns ajv errors into problems at the exact key or value, one per defect, in plain words. */
export function schemaProblems(errors: ErrorObject[], map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    const problem = toProblem(error, map);
    if (problem && !problems.some((p) => p.message === problem.message && p.at.line === problem.at.line && p.at.column === problem.at.column)) {
      problems.push(problem);
    }
  }
  return problems;
}

function toProblem(error: ErrorObject, map: SourceMap): Problem | undefined {
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
      const own = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      const known = pointer === '' ? [...own, ...METADATA_KEYS] : own;
      const suggestion = closest(key, known);
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
