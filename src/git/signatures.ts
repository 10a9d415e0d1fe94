import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SignatureCheck } from './evidence.js';
import { runGit } from './run-git.js';

/**
 * Verification programs are fixed: a repository's own `gpg.ssh.program` or `gpg.program` could
 * report any signature as good (and would run during validate).
 */
const VERIFIERS = ['-c', 'gpg.ssh.program=ssh-keygen', '-c', 'gpg.program=gpg', '-c', 'gpg.x509.program=gpgsm'];

/**
 * `git log --no-walk --format=%G?%GS` for the given commits, SSH signatures checked against the given
 * allowed-signers bytes (the file as it stood before those commits), written to a private temporary file.
 */
export async function verifySignatures(toplevel: string, allowedSigners: Buffer, hashes: readonly string[]): Promise<Map<string, SignatureCheck>> {
  const result = new Map<string, SignatureCheck>();
  if (hashes.length === 0) return result;
  const folder = mkdtempSync(path.join(tmpdir(), 'isms-signers-'));
  try {
    const file = path.join(folder, 'allowed_signers');
    writeFileSync(file, allowedSigners, { mode: 0o600 });
    const extraConfig = [...VERIFIERS, '-c', `gpg.ssh.allowedSignersFile=${file}`];
    const output = await runGit(toplevel, ['log', '--no-walk=unsorted', '--format=%H%x1f%G?%x1f%GS%x1e', '--end-of-options', ...hashes, '--'], { extraConfig });
    for (const record of output.stdout.toString('utf8').split('\x1e')) {
      const [hash, status, signer] = record.trim().split('\x1f');
      if (hash && status) result.set(hash, { status, signer: signer ?? '' });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return result;
}
