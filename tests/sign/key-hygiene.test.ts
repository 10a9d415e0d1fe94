import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { publishedRepo } from '../helpers/published-repo.js';
import { TestPki, type TestCa } from '../helpers/signing-keys.js';

/** Distinctive enough that finding it anywhere in the output means it leaked. */
const PASSPHRASE = 'Zebra-Quasar-7731-passphrase';

describe('signing keys are handled with care', () => {
  const pki = new TestPki();
  const cleanup: string[] = [pki.dir];
  let ca: TestCa;
  let key: string;
  let repo: TestRepo;
  let out: string;
  const build = (args: string[], env: Record<string, string> = { ISMS_SIGN_PASSPHRASE: PASSPHRASE }) => runCli(['build', '--release', '--pdf', '--out', out, ...args], repo.dir, env);
  const keyCopy = (mode: number) => {
    const file = path.join(pki.dir, `copy-${mode.toString(8)}.p12`);
    copyFileSync(key, file);
    chmodSync(file, mode);
    return file;
  };

  beforeAll(() => {
    ca = pki.ca('Test Org Root CA');
    key = pki.signer(ca, 'Test Org publishing', PASSPHRASE);
    repo = publishedRepo().repo;
    cleanup.push(repo.dir);
  }, 60_000);
  // Each test its own output folder, which must not exist after a refused build.
  beforeEach(() => {
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-keys-')), 'site');
    cleanup.push(path.dirname(out));
  });
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('refuses a key file that others can read, says how to fix it, and writes nothing', async () => {
    const run = await build(['--sign-key', keyCopy(0o644)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^isms: the key file .*copy-644\.p12 can be read or written by others \(mode 644\): run chmod 600 .*copy-644\.p12, and make sure nobody else has had it; nothing was written\n$/,
    );
    expect(existsSync(out)).toBe(false);
    expect((await build(['--sign-key', keyCopy(0o620)])).stderr).toContain('(mode 620): run chmod 600');
  });

  it('refuses a key file that is a symbolic link', async () => {
    const link = path.join(pki.dir, 'link.p12');
    symlinkSync(key, link);
    const run = await build(['--sign-key', link]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: the key file .*link\.p12 is a symbolic link: give the file itself/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a FIFO as key file or passphrase file before opening it, instead of waiting for a writer forever', () => {
    const fifo = path.join(pki.dir, 'fifo');
    execFileSync('mkfifo', ['-m', '600', fifo]);
    // runBin's timeout is the hang guard: opening a FIFO for reading waits until something writes to it.
    const asKey = runBin(['build', '--release', '--pdf', '--out', out, '--sign-key', fifo], repo.dir, { timeout: 20_000, env: { ISMS_SIGN_PASSPHRASE: PASSPHRASE } });
    expect(asKey.timedOut).toBe(false);
    expect(asKey.code).toBe(2);
    expect(asKey.stderr).toMatch(/^isms: the key file .*fifo is not a regular file; nothing was written\n$/);
    const asPassphrase = runBin(['build', '--release', '--pdf', '--out', out, '--sign-key', key, '--passphrase-file', fifo], repo.dir, { timeout: 20_000, env: { ISMS_SIGN_PASSPHRASE: '' } });
    expect(asPassphrase.timedOut).toBe(false);
    expect(asPassphrase.code).toBe(2);
    expect(asPassphrase.stderr).toMatch(/^isms: the passphrase file .*fifo is not a regular file; nothing was written\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a wrong passphrase with a clear message and exit 2', async () => {
    const run = await build(['--sign-key', key], { ISMS_SIGN_PASSPHRASE: 'not the passphrase' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: the passphrase does not open .*\.p12: wrong passphrase, or a file made for another one; nothing was written\n$/);
    expect(run.stderr).not.toContain('not the passphrase');
    expect(existsSync(out)).toBe(false);
  });

  it('asks for the passphrase, naming both ways to give one, when there is none (or an empty one, as an unset CI secret gives)', async () => {
    for (const env of [{}, { ISMS_SIGN_PASSPHRASE: '' }] as Array<Record<string, string>>) {
      const run = await build(['--sign-key', key], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        '--sign-key needs the passphrase of the key: set ISMS_SIGN_PASSPHRASE in the environment of this command only, or give --passphrase-file FILE (mode 600); never on the command line',
      );
    }
  });

  it('takes the passphrase from a file of mode 600, and refuses one that others can read', async () => {
    const file = path.join(pki.dir, 'passphrase.txt');
    writeFileSync(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const run = await build(['--sign-key', key, '--passphrase-file', file], {});
    expect(run.stderr).toBe('isms: left out (not approved): DOC-P1\n');
    expect(run.code).toBe(0);
    chmodSync(file, 0o640);
    const shared = await build(['--sign-key', key, '--passphrase-file', file], {});
    expect(shared.code).toBe(2);
    expect(shared.stderr).toContain('passphrase.txt can be read or written by others (mode 640): run chmod 600');
  });

  it('refuses a passphrase given twice, and a passphrase file without a key', async () => {
    const file = path.join(pki.dir, 'twice.txt');
    writeFileSync(file, PASSPHRASE, { mode: 0o600 });
    expect((await build(['--sign-key', key, '--passphrase-file', file])).stderr).toContain('both ISMS_SIGN_PASSPHRASE and --passphrase-file give a passphrase: give one');
    expect((await build(['--passphrase-file', file], {})).stderr).toContain('--passphrase-file is the passphrase of a --sign-key FILE.p12, which was not given');
  });

  it('refuses a certificate that has expired, or is not yet valid at the signing time', async () => {
    const expired = pki.signer(ca, 'Expired publishing', PASSPHRASE, { validity: { start: '20200101000000Z', end: '20210101000000Z' } });
    const run = await build(['--sign-key', expired]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: the certificate in .*Expired-publishing\.p12 \(CN=Expired publishing, O=Test Org\) expired on 2021-01-01T00:00:00\.000Z: make a new one/);
    const later = pki.signer(ca, 'Later publishing', PASSPHRASE, { validity: { start: '20260601000000Z', end: '20351231000000Z' } });
    const release = await build(['--sign-key', later]);
    expect(release.code).toBe(2);
    expect(release.stderr).toContain('is valid from 2026-06-01T00:00:00.000Z, after the signing time 2026-01-10T10:00:00.000Z (the build time; under --release the commit');
    expect(existsSync(out)).toBe(false);
    // A signing time inside its life does not make a certificate that is not valid yet valid now, which is when verify judges it.
    const future = pki.signer(ca, 'Future publishing', PASSPHRASE, { validity: { start: '20990101000000Z', end: '20991231000000Z' } });
    const ahead = await build(['--sign-key', future], { ISMS_SIGN_PASSPHRASE: PASSPHRASE, SOURCE_DATE_EPOCH: String(Date.UTC(2099, 5, 1) / 1000) });
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toMatch(
      /^isms: the certificate in .*Future-publishing\.p12 \(CN=Future publishing, O=Test Org\) is not valid before 2099-01-01T00:00:00\.000Z: isms verify judges it now as well as at the signing time/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a certificate that may not sign documents: a CA certificate, or one for TLS servers', async () => {
    const caKey = pki.signer(ca, 'CA as signer', PASSPHRASE, { extensions: ['basicConstraints = critical,CA:TRUE', 'keyUsage = critical,digitalSignature,keyCertSign'] });
    const run = await build(['--sign-key', caKey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^isms: the certificate in .*CA-as-signer\.p12 \(CN=CA as signer, O=Test Org\) may not sign documents: it is a CA certificate \(basicConstraints cA\)/);
    const server = pki.signer(ca, 'TLS server', PASSPHRASE, { extensions: ['basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature,keyEncipherment', 'extendedKeyUsage = serverAuth'] });
    expect((await build(['--sign-key', server])).stderr).toContain('does not include emailProtection (1.3.6.1.5.5.7.3.4), which PDF readers such as pdfsig require of a document signer');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not PKCS#12, one that holds no key, and one without the certificate of its key', async () => {
    const text = path.join(pki.dir, 'not-a-key.p12');
    writeFileSync(text, 'hello\n', { mode: 0o600 });
    expect((await build(['--sign-key', text])).stderr).toMatch(/not-a-key\.p12 is not a PKCS#12 file \(\.p12 or \.pfx\) that can be read; nothing was written/);
    const certOnly = path.join(pki.dir, 'cert-only.p12');
    const { execFileSync } = await import('node:child_process');
    execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', ca.cert, '-passout', `pass:${PASSPHRASE}`, '-out', certOnly]);
    chmodSync(certOnly, 0o600);
    const run = await build(['--sign-key', certOnly]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cert-only.p12 holds no private key');
    const keyOnly = path.join(pki.dir, 'key-only.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-nocerts', '-inkey', path.join(ca.dir, 'Test-Org-publishing.key'), '-passout', `pass:${PASSPHRASE}`, '-out', keyOnly]);
    chmodSync(keyOnly, 0o600);
    const noCertificate = await build(['--sign-key', keyOnly]);
    expect(noCertificate.code).toBe(2);
    expect(noCertificate.stderr).toContain('key-only.p12 holds no certificate for its private key');
  });

  it('takes the passphrase out of the environment first, even when the build then fails', async () => {
    const env: Record<string, string> = { ISMS_SIGN_PASSPHRASE: PASSPHRASE };
    process.env['ISMS_SIGN_PASSPHRASE'] = PASSPHRASE;
    try {
      const run = await runCli(['build', '--release', '--sign-key', key, '--config', 'no-such-config.yaml'], repo.dir, env);
      expect(run.code).toBe(2);
      expect(env).not.toHaveProperty('ISMS_SIGN_PASSPHRASE');
      expect(process.env['ISMS_SIGN_PASSPHRASE']).toBeUndefined();
    } finally {
      delete process.env['ISMS_SIGN_PASSPHRASE'];
    }
  });

  it('never prints the passphrase: not in output, errors or the debug trace', () => {
    const runs = [
      runBin(['build', '--release', '--pdf', '--out', out, '--sign-key', key], repo.dir, { env: { ISMS_SIGN_PASSPHRASE: `${PASSPHRASE}-wrong`, ISMS_DEBUG: '1' } }),
      runBin(['build', '--release', '--pdf', '--out', out, '--sign-key', keyCopy(0o644)], repo.dir, { env: { ISMS_SIGN_PASSPHRASE: PASSPHRASE, ISMS_DEBUG: '1' } }),
      runBin(['build', '--release', '--pdf', '--out', out, '--sign-key', key, '--config', 'missing.yaml'], repo.dir, { env: { ISMS_SIGN_PASSPHRASE: PASSPHRASE, ISMS_DEBUG: '1', GIT_TRACE: '1' } }),
      runBin(['build', '--release', '--pdf', '--out', path.join(out, 'ok'), '--sign-key', key], repo.dir, { env: { ISMS_SIGN_PASSPHRASE: PASSPHRASE, ISMS_DEBUG: '1', GIT_TRACE: '1' } }),
    ];
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 0]);
    for (const run of runs) expect(`${run.stdout}${run.stderr}`).not.toContain('Zebra-Quasar');
  }, 60_000);
});
