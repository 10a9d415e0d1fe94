import { dateOf, latin1, PdfObjects, textOf, type PdfValue } from './pdf-objects.js';

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

/** More signature fields than any PDF of isms has; a file with more is not read further. */
const MAX_SIGNATURES = 16;
/** Form fields nest (Kids); deeper than this is no form of a PDF of isms. */
const MAX_FIELD_DEPTH = 8;

/** How the bytes after a signature read: an incremental update (a changed document), or other bytes. */
function appended(pdf: Buffer, from: number): string {
  const count = pdf.length - from;
  const tail = latin1(pdf).slice(from);
  const what = /startxref|%%EOF|\bxref\b|\bobj\b/.test(tail) ? 'an incremental update: the document was changed after it was signed' : 'the signature does not end the file';
  return `${count} ${count === 1 ? 'byte was' : 'bytes were'} added after the signed bytes (${what})`;
}

/** Reads one signature dictionary. */
function readField(pdf: Buffer, objects: PdfObjects, dict: Map<string, PdfValue>): PdfSignatureField {
  const problems: string[] = [];
  const field: PdfSignatureField = { signedEnd: 0, problems };
  const range = objects.resolve(dict.get('ByteRange'));
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
    const value = textOf(objects.resolve(dict.get(key)));
    if (value !== undefined) field[into] = value;
  }
  const signingTime = dateOf(textOf(objects.resolve(dict.get('M'))));
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
 * The signature dictionaries of a PDF, found through its structure (never by searching its text, so
 * a title that reads "/ByteRange [0 1 2 3]" is a title): the values (/V) of the signature fields of
 * the catalog's AcroForm, and every object of /Type /Sig, each once.
 */
function signatureDictionaries(objects: PdfObjects): Array<Map<string, PdfValue>> {
  const found: Array<Map<string, PdfValue>> = [];
  const seen = new Set<Map<string, PdfValue>>();
  const add = (value: PdfValue | undefined) => {
    if (value?.kind === 'dict' && !seen.has(value.entries)) {
      seen.add(value.entries);
      found.push(value.entries);
    }
  };
  const dictOf = (value: PdfValue | undefined) => {
    const resolved = objects.resolve(value);
    return resolved?.kind === 'dict' ? resolved.entries : undefined;
  };
  const visit = (value: PdfValue | undefined, depth: number) => {
    const field = dictOf(value);
    if (!field || depth > MAX_FIELD_DEPTH) return;
    if (field.has('V')) add(objects.resolve(field.get('V')));
    const kids = objects.resolve(field.get('Kids'));
    if (kids?.kind === 'array') for (const kid of kids.items) visit(kid, depth + 1);
  };
  const form = dictOf(dictOf(objects.trailer?.get('Root'))?.get('AcroForm'));
  const fields = objects.resolve(form?.get('Fields'));
  if (fields?.kind === 'array') for (const field of fields.items) visit(field, 0);
  for (const num of objects.numbers()) {
    const value = objects.object(num);
    if (value?.kind === 'dict' && nameOf(value.entries.get('Type')) === 'Sig') add(value);
  }
  // A signature dictionary holds a /ByteRange; a field value without one (a text field's string) is no signature.
  return found.filter((dict) => dict.has('ByteRange') || nameOf(dict.get('Type')) === 'Sig');
}

/**
 * Every signature of a PDF, each read from its dictionary: isms's PDFs have one; a file with more
 * (signed again, or changed and signed on top) is read signature by signature, each saying what of
 * the file it does not cover. In the order of the file.
 */
export function findSignatures(pdf: Buffer): PdfSignatureField[] {
  const objects = PdfObjects.read(pdf);
  const dictionaries = signatureDictionaries(objects);
  const fields = dictionaries.slice(0, MAX_SIGNATURES).map((dict) => readField(pdf, objects, dict));
  fields.sort((a, b) => (a.byteRange?.[2] ?? Infinity) - (b.byteRange?.[2] ?? Infinity));
  if (dictionaries.length > MAX_SIGNATURES) fields.push({ signedEnd: 0, problems: [`it has more than ${MAX_SIGNATURES} signature fields; the rest were not read`] });
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
  contents?: DocumentClaim[];
  /** IsmsContents that is not the list it should be. */
  contentsProblem?: string;
}

/**
 * What a PDF says it is: a document at a version, approved in a commit (or not), with a content
 * fingerprint, built from a commit whose file of the document has a blob id. The manual says it of
 * each document in it.
 */
export interface DocumentClaim {
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

function contentsOf(text: string): { entries: DocumentClaim[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'IsmsContents is not JSON' };
  }
  if (!Array.isArray(value) || value.length > MAX_CONTENTS) return { problem: 'IsmsContents is not a list of documents' };
  const entries: DocumentClaim[] = [];
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
  const objects = PdfObjects.read(revision);
  const info = objects.resolve(objects.trailer?.get('Info'));
  if (info?.kind !== 'dict') return undefined;
  const metadata: IsmsMetadata = {};
  let found = false;
  for (const [key, into] of Object.entries(KEYS)) {
    const value = textOf(objects.resolve(info.entries.get(key)));
    if (value === undefined) continue;
    metadata[into] = value;
    found = true;
  }
  const contents = textOf(objects.resolve(info.entries.get('IsmsContents')));
  if (contents !== undefined) {
    found = true;
    const read = contentsOf(contents);
    if ('entries' in read) metadata.contents = read.entries;
    else metadata.contentsProblem = read.problem;
  }
  return found ? metadata : undefined;
}
