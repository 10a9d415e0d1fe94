import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BlobReader } from './cat-file.js';
import type { SignatureCheck } from './evidence.js';
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
 * The signatures of sign-off commits, each worked out once: checked against an allowed-signers file
 * (by its blob id; empty: none), and whether a commit is dated before one of its parents.
 */
export class SignOffSignatures {
  private readonly checks = new Map<string, Promise<SignatureCheck | undefined>>();
  private readonly backdated = new Map<string, Promise<boolean>>();

  constructor(
    private readonly toplevel: string,
    private readonly reader: BlobReader,
  ) {}

  /** The signature of one commit, checked against the allowed-signers file `signersBlob`. */
  check(hash: string, signersBlob: string): Promise<SignatureCheck | undefined> {
    const key = `${signersBlob}\0${hash}`;
    let pending = this.checks.get(key);
    if (!pending) {
      pending = (async () => (await verifySignatures(this.toplevel, await this.signers(signersBlob), [hash])).get(hash))();
      this.checks.set(key, pending);
    }
    return pending;
  }

  /** The signatures of many commits, by the allowed-signers file each is judged by: one verification per file. */
  async checkAll(signersBlob: ReadonlyMap<string, string>): Promise<Map<string, SignatureCheck>> {
    const signatures = new Map<string, SignatureCheck>();
    const bySigners = new Map<string, string[]>();
    for (const [hash, blob] of signersBlob) bySigners.set(blob, [...(bySigners.get(blob) ?? []), hash]);
    for (const [blob, hashes] of bySigners) {
      for (const [hash, check] of await verifySignatures(this.toplevel, await this.signers(blob), hashes)) signatures.set(hash, check);
    }
    return signatures;
  }

  /**
   * Whether a commit is dated before one of its parents: git checks a signature at the committer
   * date, which the committer types, so a signed sign-off dated earlier could bring a retired key back to life.
   */
  datedBeforeParent(commit: Commit): Promise<boolean> {
    let pending = this.backdated.get(commit.hash);
    if (!pending) {
      pending = (async () => {
        for (const parent of commit.parents) {
          const object = await this.reader.readObject(parent);
          const parentDate = commitFromObject(parent, object.kind === 'ok' ? object.bytes.toString('utf8') : '').committerDate;
          if (Date.parse(commit.committerDate) < Date.parse(parentDate)) return true;
        }
        return false;
      })();
      this.backdated.set(commit.hash, pending);
    }
    return pending;
  }

  private async signers(blob: string): Promise<Buffer> {
    return blob === '' ? Buffer.alloc(0) : ((await this.reader.read(blob)) ?? Buffer.alloc(0));
  }
}
