import path from 'node:path';
import { readSecretFile } from '../sign/secret-file.js';
import type { SigningKey } from '../sign/signing-key.js';
import { dateText, nameLine, validityOf } from '../sign/certificate-facts.js';
import { UsageError, type CliIo } from './io.js';
import { messages } from './messages.js';
import { displayPath } from '../text/paths.js';

/** The variable a signing passphrase may come in (SAFETY.md item 9). */
export const PASSPHRASE_VARIABLE = 'ISMS_SIGN_PASSPHRASE';

/**
 * Takes the signing passphrase out of the environment: read once, then deleted from the CLI's
 * environment and from the process's, so that no child process (git) can inherit it. Called first
 * by any command that signs, before anything starts a process. An empty value counts as none (a CI
 * secret that is not set expands to an empty string).
 */
export function takePassphrase(io: CliIo): string | undefined {
  const value = io.env[PASSPHRASE_VARIABLE];
  delete (io.env as Record<string, string | undefined>)[PASSPHRASE_VARIABLE];
  delete process.env[PASSPHRASE_VARIABLE];
  return value === undefined || value === '' ? undefined : value;
}

const absolute = (io: CliIo, file: string) => path.resolve(io.cwd, file);
const shown = (io: CliIo, file: string) => displayPath(io.cwd, absolute(io, file));
const modeText = (mode: number) => mode.toString(8).padStart(3, '0');

/** The text of a passphrase file: its first line (a trailing line break is not part of it). */
function passphraseOf(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/\r?\n$/, '');
}

/**
 * The key of `--sign-key FILE.p12`, opened with the passphrase from the environment or
 * `--passphrase-file`; every problem a UsageError (exit 2) before anything is built. Neither
 * passphrase nor key material ever reaches a message.
 */
export async function openSigningKey(io: CliIo, options: { signKey?: string; passphraseFile?: string }, fromEnvironment: string | undefined): Promise<SigningKey | undefined> {
  if (options.signKey === undefined) {
    if (options.passphraseFile !== undefined) throw new UsageError(messages.passphraseWithoutKey());
    return undefined;
  }
  if (fromEnvironment !== undefined && options.passphraseFile !== undefined) throw new UsageError(messages.twoPassphrases());
  let passphrase = fromEnvironment;
  if (options.passphraseFile !== undefined) {
    const read = readSecretFile(absolute(io, options.passphraseFile));
    if (!read.ok) throw new UsageError(messages.secretFile('passphrase file', shown(io, options.passphraseFile), read.problem, read.mode !== undefined ? modeText(read.mode) : read.reason));
    passphrase = passphraseOf(read.bytes);
  }
  if (passphrase === undefined) throw new UsageError(messages.noPassphrase());
  const keyFile = shown(io, options.signKey);
  const read = readSecretFile(absolute(io, options.signKey));
  if (!read.ok) throw new UsageError(messages.secretFile('key file', keyFile, read.problem, read.mode !== undefined ? modeText(read.mode) : read.reason));
  // node-forge is loaded only by a build that signs.
  const { readSigningKey } = await import('../sign/signing-key.js');
  const opened = readSigningKey(read.bytes, passphrase);
  if (!opened.ok) throw new UsageError(messages.signingKeyProblem(keyFile, opened.problem, opened.detail));
  const { signerUsageProblem } = await import('../sign/certificate-usage.js');
  const unfit = signerUsageProblem(opened.key.certificate);
  if (unfit) throw new UsageError(messages.certificateMayNotSign(keyFile, nameLine(opened.key.certificate.subject), unfit));
  return opened.key;
}

/**
 * Refuses a certificate that is not valid both at the signing time (the build time) and now: a
 * signature dated back into an expired certificate's life is one nobody could tell apart, and isms
 * verify judges the certificate now as well as at the time the signature claims.
 */
export function refuseInvalidCertificate(io: CliIo, keyOption: string, key: SigningKey, at: Date): void {
  const { from, to } = validityOf(key.certificate);
  const subject = nameLine(key.certificate.subject);
  const now = Date.now();
  const latest = Math.max(at.getTime(), now);
  if (!(to.getTime() >= latest)) throw new UsageError(messages.certificateExpired(shown(io, keyOption), subject, dateText(to, key.certificate.validTo)));
  if (!(from.getTime() <= at.getTime())) throw new UsageError(messages.certificateNotYetValid(shown(io, keyOption), subject, dateText(from, key.certificate.validFrom), at.toISOString()));
  if (!(from.getTime() <= now)) throw new UsageError(messages.certificateNotYetValidNow(shown(io, keyOption), subject, dateText(from, key.certificate.validFrom)));
}
