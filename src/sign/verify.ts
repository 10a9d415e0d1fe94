import { createHash, type X509Certificate } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, MANIFEST_SIGNATURE, readManifest } from '../render/manifest.js';
import { FileTooLargeError, readFileCapped } from '../text/read-capped.js';
import { checkCertificate, type CertificateCheck } from './certificate-chain.js';
import type { ClaimCheck, ClaimJudge } from './git-claims.js';
import { findSignatures, ismsMetadata, type DocumentClaim, type IsmsMetadata } from './pdf-signatures.js';
import { verifyDetached } from './verify-cms.js';

/** One signature as `isms verify` judged it. */
export interface SignatureReport {
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  /** The claimed signing time (the signing-time attribute, else the PDF's /M), ISO 8601. */
  signingTime: string | null;
  certificate: CertificateCheck | null;
  /** What is wrong with the signed bytes or the signature itself. */
  problems: string[];
}

/** A document a PDF says it holds, and what git says of it. */
export interface DocumentReport extends DocumentClaim {
  status: string | null;
  /** null: git was not asked (no repository, or the claim could not be read). */
  git: ClaimCheck | null;
}

export interface PdfReport {
  file: string;
  verified: boolean;
  signatures: SignatureReport[];
  /** A document's PDF: the document it says it is. */
  document: DocumentReport | null;
  /** The manual: the documents it says it holds. */
  contents: DocumentReport[] | null;
  /** Every reason it is not verified. */
  problems: string[];
  notes: string[];
  /** One line: what it is and who signed it, or that it is not verified. */
  sentence: string;
}

export interface ManifestReport {
  file: string;
  signature: SignatureReport | null;
  listed: number;
  changed: string[];
  missing: string[];
  /** Files in the folder that the manifest does not list. */
  extra: string[];
  problems: string[];
}

export interface VerifyReport {
  target: string;
  kind: 'pdf' | 'folder';
  /** Whether --ca was given: without it, no signer is trusted. */
  ca: boolean;
  git: { checked: boolean; reason?: string };
  manifest: ManifestReport | null;
  pdfs: PdfReport[];
  verified: boolean;
}

export interface VerifyOptions {
  /** The --ca certificates; undefined: signers are not checked, so nothing is verified. */
  anchors?: readonly X509Certificate[];
  /** When verifying happens (certificates must be valid then); default: the clock's time. */
  now?: Date;
  /** The documents repository; undefined: the git check was not done, and `gitReason` says why. */
  git?: ClaimJudge;
  gitReason?: string;
}

/** A PDF or a folder larger than this is not read (a manual of thousands of pages is far below it). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_FOLDER_ENTRIES = 100_000;

const NOT_CHECKED = 'the signer was not checked: give --ca FILE.pem (the CA certificate that issued the signing key), since a signature by a key anyone can make proves nothing';

/** Judges one CMS signature over `content`: integrity, then the certificate at the claimed time. */
function judgeSignature(cms: Buffer | undefined, content: Buffer, fields: { subFilter?: string; reason?: string; location?: string; signingTime?: Date }, options: VerifyOptions): SignatureReport {
  const report: SignatureReport = { subFilter: fields.subFilter ?? null, reason: fields.reason ?? null, location: fields.location ?? null, signingTime: null, certificate: null, problems: [] };
  if (!cms) return { ...report, problems: ['it has no signature'] };
  const check = verifyDetached(cms, content);
  report.problems.push(...check.problems);
  const time = check.signingTime ?? fields.signingTime;
  if (time) report.signingTime = time.toISOString();
  else report.problems.push('it claims no signing time (no signing-time attribute, no /M): nothing says when it was signed, so the certificate cannot be judged at that time');
  if (check.signer) report.certificate = checkCertificate(check.signer, check.certificates, options.anchors, time, options.now);
  return report;
}

/** Every reason a signature does not verify, in words; `label` names it when a file has several. */
function signatureProblems(signature: SignatureReport, label: string): string[] {
  const problems = [...signature.problems, ...(signature.certificate?.problems ?? [])];
  if (signature.certificate?.chain === 'not-checked') problems.push(NOT_CHECKED);
  return problems.map((problem) => `${label}${problem}`);
}

const signedBy = (signature: SignatureReport | undefined) =>
  signature?.certificate ? `signed by ${signature.certificate.subject}${signature.signingTime ? `, at ${signature.signingTime}` : ''}` : 'signed';

function claimOf(metadata: IsmsMetadata): (DocumentClaim & { status: string | null }) | undefined {
  if (metadata.document === undefined || metadata.version === undefined || metadata.fingerprint === undefined) return undefined;
  return {
    id: metadata.document,
    version: metadata.version,
    status: metadata.status ?? null,
    approvalCommit: metadata.approvalCommit ?? null,
    fingerprint: metadata.fingerprint,
    sourceCommit: metadata.sourceCommit ?? null,
    sourceBlob: metadata.sourceBlob ?? null,
  };
}

async function judgeClaim(claim: DocumentClaim & { status: string | null }, options: VerifyOptions): Promise<DocumentReport> {
  return { ...claim, git: options.git ? await options.git.check(claim) : null };
}

/** What a PDF claims of a document's approval, when git was not asked: never words that read as an approval. */
export function unchecked(doc: DocumentClaim): string {
  return `${doc.approvalCommit ? `claims approval in ${doc.approvalCommit.slice(0, 7)}` : 'claims no approval'}; not checked against git`;
}

/** How a document reads in a sentence: "DOC-A5 2.1 as approved in 3f2c1a9", or its bare claim when git was not asked. */
function documentWords(doc: DocumentReport): string {
  if (doc.git?.ok) return `${doc.id} ${doc.version} ${doc.git.proof ?? ''}`.trim();
  return `${doc.id} ${doc.version} (${unchecked(doc)})`;
}

/**
 * Verifies one PDF: each signature's layout (it covers the whole file but itself, and ends it), its
 * integrity and its certificate; the isms metadata of the signed revision; and, with a repository,
 * each document it claims against git.
 */
export async function verifyPdf(file: string, pdf: Buffer, options: VerifyOptions): Promise<PdfReport> {
  const report: PdfReport = { file, verified: false, signatures: [], document: null, contents: null, problems: [], notes: [], sentence: '' };
  const fields = findSignatures(pdf);
  if (fields.length === 0) report.problems.push('it is not signed');
  fields.forEach((field, index) => {
    const label = fields.length > 1 ? `signature ${index + 1}: ` : '';
    let signature: SignatureReport;
    if (field.byteRange && field.signedEnd <= pdf.length) {
      const [a, b, c, d] = field.byteRange;
      signature = judgeSignature(field.contents, Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), field, options);
    } else {
      signature = {
        subFilter: field.subFilter ?? null,
        reason: field.reason ?? null,
        location: field.location ?? null,
        signingTime: field.signingTime?.toISOString() ?? null,
        certificate: null,
        problems: [],
      };
    }
    signature.problems.unshift(...field.problems);
    report.signatures.push(signature);
    report.problems.push(...signatureProblems(signature, label));
  });
  // What the file claims to be, read from the bytes the last signature covers: nothing added later counts.
  const covered = Math.max(0, ...fields.filter((f) => f.signedEnd <= pdf.length).map((f) => f.signedEnd));
  const metadata = covered > 0 ? ismsMetadata(pdf.subarray(0, covered)) : undefined;
  if (!metadata) {
    if (covered > 0) report.notes.push('it carries no isms metadata (IsmsDocument, IsmsContents), so which document it is was not checked');
  } else if (metadata.contents || metadata.contentsProblem) {
    if (metadata.contentsProblem) report.problems.push(`its list of documents cannot be read: ${metadata.contentsProblem}`);
    report.contents = [];
    for (const entry of metadata.contents ?? []) report.contents.push(await judgeClaim({ ...entry, status: null }, options));
  } else {
    const claim = claimOf(metadata);
    if (!claim) report.problems.push('its isms metadata is incomplete (IsmsDocument, IsmsVersion and IsmsFingerprint go together)');
    else report.document = await judgeClaim(claim, options);
  }
  for (const doc of [...(report.document ? [report.document] : []), ...(report.contents ?? [])]) {
    if (doc.git && !doc.git.ok) report.problems.push(`${doc.id} ${doc.version}: ${doc.git.problem ?? 'git does not agree'}`);
    for (const note of doc.git?.notes ?? []) report.notes.push(`${doc.id} ${doc.version}: ${note}`);
    const approvedAt = doc.git?.approvedAt;
    for (const signature of report.signatures) {
      if (approvedAt && signature.signingTime && Date.parse(signature.signingTime) < Date.parse(approvedAt)) {
        report.problems.push(`${doc.id} ${doc.version}: it claims to be signed at ${signature.signingTime}, before its approval commit was made (${approvedAt}): that signing time is not true`);
      }
    }
  }
  report.verified = report.problems.length === 0;
  const last = report.signatures.at(-1);
  if (!report.verified) report.sentence = `not verified: ${report.problems[0]}`;
  else if (report.document) report.sentence = `${documentWords(report.document)}, ${signedBy(last)}`;
  else if (report.contents)
    report.sentence = `a manual of ${report.contents.length} ${report.contents.length === 1 ? 'document' : 'documents'} (${report.contents.map(documentWords).join('; ')}), ${signedBy(last)}`;
  else report.sentence = signedBy(last);
  return report;
}

/** Every file below a folder (POSIX paths relative to it); anything but a regular file or a folder is named as it is. */
function listFolder(root: string): { files: string[]; odd: string[] } {
  const files: string[] = [];
  const odd: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (files.length + odd.length >= MAX_FOLDER_ENTRIES) return;
      const relative = prefix + name;
      const stats = lstatSync(path.join(folder, name));
      if (stats.isDirectory()) walk(path.join(folder, name), `${relative}/`);
      else if (stats.isFile()) files.push(relative);
      else odd.push(relative);
    }
  };
  walk(root, '');
  return { files, odd };
}

/** The report on a file too large to read. */
const tooLarge = (file: string): PdfReport => ({
  file,
  verified: false,
  signatures: [],
  document: null,
  contents: null,
  problems: ['it is too large to verify'],
  notes: [],
  sentence: 'not verified: it is too large to verify',
});

function readCapped(file: string): Buffer | 'too-large' {
  try {
    return readFileCapped(file, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) return 'too-large';
    throw error;
  }
}

/**
 * Verifies a build folder: manifest.json's signature, every file it lists (present, with its sha256),
 * anything it does not list, and every PDF as `verifyPdf` does.
 */
export async function verifyFolder(folder: string, options: VerifyOptions): Promise<{ manifest: ManifestReport; pdfs: PdfReport[] }> {
  const { files, odd } = listFolder(folder);
  const manifest: ManifestReport = { file: MANIFEST_FILE, signature: null, listed: 0, changed: [], missing: [], extra: [], problems: [] };
  const present = new Set(files);
  let listing: Map<string, string> | undefined;
  if (!present.has(MANIFEST_FILE)) {
    manifest.problems.push(`there is no ${MANIFEST_FILE}: nothing says which files belong to the build`);
  } else {
    const bytes = readCapped(path.join(folder, MANIFEST_FILE));
    listing = bytes === 'too-large' ? undefined : readManifest(bytes.toString('utf8'))?.files;
    if (!listing) manifest.problems.push(`${MANIFEST_FILE} is not a manifest written by isms`);
    if (bytes !== 'too-large') {
      if (!present.has(MANIFEST_SIGNATURE)) {
        manifest.problems.push(`there is no ${MANIFEST_SIGNATURE}: the manifest is not signed`);
      } else {
        const signature = readCapped(path.join(folder, MANIFEST_SIGNATURE));
        manifest.signature = judgeSignature(signature === 'too-large' ? undefined : signature, bytes, {}, options);
        manifest.problems.push(...signatureProblems(manifest.signature, `${MANIFEST_SIGNATURE}: `));
      }
    }
  }
  if (listing) {
    manifest.listed = listing.size;
    for (const [file, hash] of listing) {
      if (!present.has(file)) manifest.missing.push(file);
      else {
        const bytes = readCapped(path.join(folder, file));
        if (bytes === 'too-large' || createHash('sha256').update(bytes).digest('hex') !== hash) manifest.changed.push(file);
      }
    }
    manifest.extra = [...files.filter((file) => !listing.has(file) && file !== MANIFEST_FILE && file !== MANIFEST_SIGNATURE), ...odd].sort();
    for (const file of manifest.changed) manifest.problems.push(`${file} was changed: its sha256 is not the one the manifest lists`);
    for (const file of manifest.missing) manifest.problems.push(`${file} is missing: the manifest lists it`);
    for (const file of manifest.extra) manifest.problems.push(`${file} is not listed in the manifest`);
  }
  const pdfs: PdfReport[] = [];
  for (const file of files.filter((f) => f.toLowerCase().endsWith('.pdf'))) {
    const bytes = readCapped(path.join(folder, file));
    pdfs.push(bytes === 'too-large' ? tooLarge(file) : await verifyPdf(file, bytes, options));
  }
  return { manifest, pdfs };
}

/** Verifies a PDF or a build folder; `shown` is how the target is named in the report. */
export async function verifyTarget(target: string, shown: string, options: VerifyOptions): Promise<VerifyReport> {
  const git = options.git ? { checked: true } : { checked: false, reason: options.gitReason ?? 'no documents repository' };
  const ca = options.anchors !== undefined;
  if (statSync(target).isDirectory()) {
    const { manifest, pdfs } = await verifyFolder(target, options);
    return { target: shown, kind: 'folder', ca, git, manifest, pdfs, verified: manifest.problems.length === 0 && pdfs.every((p) => p.verified) };
  }
  const bytes = readCapped(target);
  const pdf = bytes === 'too-large' ? tooLarge(shown) : await verifyPdf(shown, bytes, options);
  return { target: shown, kind: 'pdf', ca, git, manifest: null, pdfs: [pdf], verified: pdf.verified };
}
