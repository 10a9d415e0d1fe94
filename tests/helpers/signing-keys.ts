import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A certificate authority made with openssl: its key, its certificate, and the folder `openssl ca` keeps its records in. */
export interface TestCa {
  name: string;
  key: string;
  cert: string;
  dir: string;
}

export interface Validity {
  /** openssl's ASN.1 time, like 20250101000000Z. */
  start: string;
  end: string;
}

/** Valid through the fixed dates the test repositories use (2026) and years beyond. */
export const LONG_VALIDITY: Validity = { start: '20250101000000Z', end: '20351231235959Z' };

const CONFIG = (dir: string) => `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
[ any_name ]
organizationName = optional
commonName = supplied
[ ca_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ signer_ext ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

const KEY_OPTIONS = { rsa: ['-newkey', 'rsa:2048'], p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'] } as const;

/**
 * Test PKI made with the openssl command line, as the README tells users to: CAs, signers they
 * issue (RSA or ECDSA), PKCS#12 files. `openssl ca` because it sets validity dates, so certificates
 * can be valid at the fixed commit dates of the tests, or expired.
 */
export class TestPki {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'isms-pki-'));

  /** A root CA (self-signed); with `parent`, an intermediate CA that `parent` issues. */
  ca(name: string, options: { validity?: Validity; parent?: TestCa } = {}): TestCa {
    const validity = options.validity ?? LONG_VALIDITY;
    const dir = path.join(this.dir, name);
    mkdirSync(path.join(dir, 'issued'), { recursive: true });
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'serial'), '1000\n');
    writeFileSync(path.join(dir, 'ca.cnf'), CONFIG(dir));
    openssl(['req', '-new', ...KEY_OPTIONS.rsa, '-nodes', '-keyout', 'ca.key', '-subj', `/O=Test Org/CN=${name}`, '-out', 'ca.csr'], dir);
    const dates = ['-startdate', validity.start, '-enddate', validity.end, '-notext'];
    if (options.parent) {
      const { parent } = options;
      openssl(
        [
          'ca',
          '-batch',
          '-config',
          path.join(parent.dir, 'ca.cnf'),
          '-cert',
          parent.cert,
          '-keyfile',
          parent.key,
          '-in',
          path.join(dir, 'ca.csr'),
          '-out',
          path.join(dir, 'ca.pem'),
          '-extensions',
          'ca_ext',
          ...dates,
        ],
        parent.dir,
      );
    } else {
      openssl(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'ca.key', '-in', 'ca.csr', '-out', 'ca.pem', '-extensions', 'ca_ext', ...dates], dir);
    }
    return { name, key: path.join(dir, 'ca.key'), cert: path.join(dir, 'ca.pem'), dir };
  }

  /**
   * A signer issued by `ca`, as a PKCS#12 file (mode 600) with the CA certificate as its chain. Its
   * extensions are those of a signing certificate (CA:FALSE, digitalSignature and nonRepudiation),
   * or `extensions` (openssl extension lines, such as `extendedKeyUsage = serverAuth`).
   */
  signer(ca: TestCa, name: string, passphrase: string, options: { key?: keyof typeof KEY_OPTIONS; validity?: Validity; extensions?: string[] } = {}): string {
    const { dir } = ca;
    const base = path.join(dir, name.replace(/\W+/g, '-'));
    openssl(['req', '-new', ...KEY_OPTIONS[options.key ?? 'rsa'], '-nodes', '-keyout', `${base}.key`, '-subj', `/O=Test Org/CN=${name}`, '-out', `${base}.csr`], dir);
    const validity = options.validity ?? LONG_VALIDITY;
    let extensions = ['-extensions', 'signer_ext'];
    if (options.extensions) {
      writeFileSync(`${base}.ext`, `[ custom_ext ]\n${options.extensions.join('\n')}\n`);
      extensions = ['-extfile', `${base}.ext`, '-extensions', 'custom_ext'];
    }
    openssl(
      [
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${base}.csr`,
        '-out',
        `${base}.pem`,
        ...extensions,
        '-startdate',
        validity.start,
        '-enddate',
        validity.end,
        '-notext',
      ],
      dir,
    );
    const p12 = `${base}.p12`;
    openssl(['pkcs12', '-export', '-inkey', `${base}.key`, '-in', `${base}.pem`, '-certfile', 'ca.pem', '-name', name, '-passout', `pass:${passphrase}`, '-out', p12], dir);
    chmodSync(p12, 0o600);
    return p12;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether a command is on PATH (pdfsig comes with poppler-utils, which CI installs). */
export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
