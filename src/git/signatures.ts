import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { BlobReader } from './cat-file.js';
import type { ConfigState, SignatureCheck } from './evidence.js';
import { commitFromObject, type Commit } from './log-parser.js';
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

/**
 * The signatures of the sign-off commits whose configuration (as it stood before each) requires
 * signatures, each checked against the allowed-signers file as it stood before it; and which of
 * them are dated before one of their parents. `configBefore` gives the configuration before a
 * commit; `signersPathOf` where a configuration keeps its allowed-signers file in the repository.
 */
export async function signOffSignatures(
  toplevel: string,
  reader: BlobReader,
  judged: ReadonlyMap<string, Commit>,
  configBefore: (commit: Commit) => Promise<ConfigState>,
  signersPathOf: (config: Config) => string | undefined,
): Promise<{ signatures: Map<string, SignatureCheck>; backdated: Set<string> }> {
  const signersBlob = new Map<string, string | undefined>();
  await Promise.all(
    [...judged.values()].map(async (commit) => {
      const state = await configBefore(commit);
      if (state.kind === 'ok' && state.config.git.signedApprovals) {
        const signers = signersPathOf(state.config);
        const read = signers ? await reader.readAt(`${commit.hash}^`, signers) : { kind: 'missing' as const };
        signersBlob.set(commit.hash, read.kind === 'ok' ? read.id : undefined);
      }
    }),
  );

  // git checks a signature at the committer date, which the committer types: a signed sign-off
  // dated before one of its parents could bring a retired key back to life.
  const backdated = new Set<string>();
  await Promise.all(
    [...signersBlob.keys()].map(async (hash) => {
      const commit = judged.get(hash);
      for (const parent of commit?.parents ?? []) {
        const object = await reader.readObject(parent);
        const parentDate = commitFromObject(parent, object.kind === 'ok' ? object.bytes.toString('utf8') : '').committerDate;
        if (commit && Date.parse(commit.committerDate) < Date.parse(parentDate)) backdated.add(hash);
      }
    }),
  );

  // Signatures are checked against the allowed-signers file as it stood before each sign-off.
  const signatures = new Map<string, SignatureCheck>();
  const bySigners = new Map<string, string[]>();
  for (const [hash, blob] of signersBlob) bySigners.set(blob ?? '', [...(bySigners.get(blob ?? '') ?? []), hash]);
  for (const [blob, hashes] of bySigners) {
    const bytes = blob === '' ? Buffer.alloc(0) : ((await reader.read(blob)) ?? Buffer.alloc(0));
    for (const [hash, check] of await verifySignatures(toplevel, bytes, hashes)) signatures.set(hash, check);
  }
  return { signatures, backdated };
}
