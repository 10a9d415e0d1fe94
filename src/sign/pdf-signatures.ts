import { dateOf, latin1, readValueAt, resolve, textOf, type PdfValue } from './pdf-objects.js';

/** One signature field of a PDF as its bytes say it: where it is, what it covers, what it claims. */
export interface PdfSignatureField {
  /** [start, length, start, length] of the two signed parts, when readable. */
  byteRange?: [number, number, number, number];
  /** The signature (a DER CMS, zero-padded), when readable. */
  contents?: Buffer;
  subFilter?: string;
  reason?: string;
  location?: string;
  name?: string;
  /** The claimed signing time (/M). */
  signingTime?: Date;
  /** Where the signed bytes end: nothing after it is covered by this signature. */
  signedEnd: number;
  /** What is wrong with the layout: the byte range, the signature's place, bytes after it. */
  problems: string[];
}

const numberOf = (value: PdfValue | undefined) => (value?.kind === 'number' && Number.isInteger(value.value) && value.value >= 0 ? value.value : undefined);
const nameOf = (value: PdfValue | undefined) => (value?.kind === 'name' ? value.name : undefined);

/** More signature fields than any PDF of isms has; a file with more is not read further (each costs a search). */
const MAX_SIGNATURES = 16;

/** The start of the `N G obj` whose body holds `position`: the nearest header before it. */
function objectStart(text: string, position: number): number | undefined {
  const window = text.slice(Math.max(0, position - 4096), position);
  let last: number | undefined;
  for (const match of window.matchAll(/\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj\b/g)) last = match.index + match[0].length;
  return last === undefined ? undefined : Math.max(0, position - 4096) + last;
}

/** How the bytes after a signature read: an incremental update (a changed document), or other bytes. */
function appended(pdf: Buffer, from: number): string {
  const count = pdf.length - from;
  const tail = latin1(pdf).slice(from);
  const what = /startxref|%%EOF|\bxref\b|\bobj\b/.test(tail) ? 'an incremental update: the document was changed after it was signed' : 'the signature does not end the file';
  return `${count} ${count === 1 ? 'byte was' : 'bytes were'} added after the signed bytes (${what})`;
}

/** Reads one signature dictionary at a /ByteRange found at `position`. */
function readField(pdf: Buffer, text: string, position: number): PdfSignatureField {
  const problems: string[] = [];
  const start = objectStart(text, position);
  const read = start === undefined ? undefined : readValueAt(pdf, start);
  const dict = read?.value.kind === 'dict' ? read.value.entries : undefined;
  if (!dict || !dict.has('ByteRange')) return { signedEnd: 0, problems: ['its signature dictionary cannot be read'] };
  const field: PdfSignatureField = { signedEnd: 0, problems };
  const range = dict.get('ByteRange');
  const numbers = range?.kind === 'array' ? range.items.map(numberOf) : [];
  const contents = dict.get('Contents');
  if (contents?.kind === 'string') field.contents = contents.bytes;
  else problems.push('it has no signature (/Contents)');
  const subFilter = nameOf(dict.get('SubFilter'));
  if (subFilter !== undefined) field.subFilter = subFilter;
  for (const [key, into] of [
    ['Reason', 'reason'],
    ['Location', 'location'],
    ['Name', 'name'],
  ] as const) {
    const value = textOf(resolve(pdf, dict.get(key)));
    if (value !== undefined) field[into] = value;
  }
  const signingTime = dateOf(textOf(resolve(pdf, dict.get('M'))));
  if (signingTime) field.signingTime = signingTime;
  if (numbers.length !== 4 || numbers.some((n) => n === undefined)) {
    problems.push('its /ByteRange is not four whole numbers');
    return field;
  }
  const [a, b, c, d] = numbers as [number, number, number, number];
  field.byteRange = [a, b, c, d];
  field.signedEnd = c + d;
  if (a !== 0) problems.push('the signed bytes do not start at the beginning of the file');
  if (contents?.kind !== 'string' || contents.start !== a + b || contents.end !== c) problems.push('the signed bytes do not leave out exactly the signature: something else is unsigned');
  if (c + d > pdf.length) problems.push(`the signed bytes run past the end of the file (${c + d} of ${pdf.length} bytes): it was cut short`);
  else if (c + d < pdf.length) problems.push(appended(pdf, c + d));
  return field;
}

/**
 * Every signature field of a PDF: each /ByteRange and the dictionary around it. isms's PDFs have
 * one; a file with more (signed again, or changed and signed on top) is read field by field, and
 * each field says what of the file it does not cover.
 */
export function findSignatures(pdf: Buffer): PdfSignatureField[] {
  const text = latin1(pdf);
  const fields: PdfSignatureField[] = [];
  for (const match of text.matchAll(/\/ByteRange\b/g)) {
    if (fields.length === MAX_SIGNATURES) {
      fields.push({ signedEnd: 0, problems: [`it has more than ${MAX_SIGNATURES} signature fields; the rest were not read`] });
      break;
    }
    fields.push(readField(pdf, text, match.index));
  }
  return fields;
}

/** The document claims a PDF of isms carries in its Info dictionary (DESIGN section 5). */
export interface IsmsMetadata {
  document?: string;
  version?: string;
  status?: string;
  fingerprint?: string;
  approvalCommit?: string;
  /** The commit the PDF was built from, and the git blob id of the document's file there. */
  sourceCommit?: string;
  sourceBlob?: string;
  /** The manual: the documents in it. */
  contents?: ContentsEntry[];
  /** IsmsContents that is not the list it should be. */
  contentsProblem?: string;
}

export interface ContentsEntry {
  id: string;
  version: string;
  approvalCommit: string | null;
  fingerprint: string;
  sourceCommit: string | null;
  sourceBlob: string | null;
}

const KEYS = {
  IsmsDocument: 'document',
  IsmsVersion: 'version',
  IsmsStatus: 'status',
  IsmsFingerprint: 'fingerprint',
  IsmsApprovalCommit: 'approvalCommit',
  IsmsSourceCommit: 'sourceCommit',
  IsmsSourceBlob: 'sourceBlob',
} as const;
const MAX_CONTENTS = 10_000;

function contentsOf(text: string): { entries: ContentsEntry[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'IsmsContents is not JSON' };
  }
  if (!Array.isArray(value) || value.length > MAX_CONTENTS) return { problem: 'IsmsContents is not a list of documents' };
  const entries: ContentsEntry[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return { problem: 'IsmsContents holds something that is not a document' };
    const { id, version, approvalCommit, fingerprint, sourceCommit, sourceBlob } = item as Record<string, unknown>;
    const optional = (value: unknown) => value === null || value === undefined || typeof value === 'string';
    if (typeof id !== 'string' || typeof version !== 'string' || typeof fingerprint !== 'string' || !optional(approvalCommit) || !optional(sourceCommit) || !optional(sourceBlob)) {
      return { problem: 'IsmsContents holds a document without id, version or fingerprint' };
    }
    const orNull = (value: unknown) => (typeof value === 'string' ? value : null);
    entries.push({ id, version, approvalCommit: orNull(approvalCommit), fingerprint, sourceCommit: orNull(sourceCommit), sourceBlob: orNull(sourceBlob) });
  }
  return { entries };
}

/**
 * The Isms* keys of the Info dictionary of a signed revision (the bytes a signature covers, so
 * that nothing added later can change them); undefined when there is no Info dictionary or no
 * Isms key in it.
 */
export function ismsMetadata(revision: Buffer): IsmsMetadata | undefined {
  const text = latin1(revision);
  const trailer = text.lastIndexOf('trailer');
  if (trailer < 0) return undefined;
  const dict = readValueAt(revision, trailer + 'trailer'.length)?.value;
  const info = dict?.kind === 'dict' ? resolve(revision, dict.entries.get('Info')) : undefined;
  if (info?.kind !== 'dict') return undefined;
  const metadata: IsmsMetadata = {};
  let found = false;
  for (const [key, into] of Object.entries(KEYS)) {
    const value = textOf(resolve(revision, info.entries.get(key)));
    if (value === undefined) continue;
    metadata[into] = value;
    found = true;
  }
  const contents = textOf(resolve(revision, info.entries.get('IsmsContents')));
  if (contents !== undefined) {
    found = true;
    const read = contentsOf(contents);
    if ('entries' in read) metadata.contents = read.entries;
    else metadata.contentsProblem = read.problem;
  }
  return found ? metadata : undefined;
}
