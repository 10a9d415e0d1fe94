import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Person {
  name: string;
  email: string;
}

export const CISO: Person = { name: 'M. Woolard', email: 'ciso@example.com' };
export const CEO: Person = { name: 'R. Adeyemi', email: 'ceo@example.com' };
export const WRITER: Person = { name: 'P. Writer', email: 'writer@example.com' };
export const OUTSIDER: Person = { name: 'E. Vil', email: 'evil@example.net' };

export const REPO_CONFIG = `organization: Test Org
roles:
  ceo: { title: Chief Executive Officer, members: [{ name: ${CEO.name}, email: ${CEO.email} }] }
  ciso: { title: Chief Information Security Officer, members: [{ name: ${CISO.name}, email: ${CISO.email} }] }
  writer: { title: Policy writer, members: [{ name: ${WRITER.name}, email: ${WRITER.email} }] }
approvers:
  policy: [ceo]
  "*": [ciso]
`;

/** A real git repository in a temporary folder, with fixed identities and dates on every commit. */
export class TestRepo {
  readonly dir: string;

  constructor(options: { objectFormat?: 'sha1' | 'sha256' } = {}) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'isms-git-'));
    this.git(['init', '-q', '-b', 'main', `--object-format=${options.objectFormat ?? 'sha1'}`]);
    this.git(['config', 'user.name', 'Default User']);
    this.git(['config', 'user.email', 'default@example.com']);
    this.git(['config', 'commit.gpgsign', 'false']);
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  write(file: string, text: string): this {
    const target = path.join(this.dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    return this;
  }

  /** Deletes a file of the working tree (the next commit records the deletion). */
  delete(file: string): this {
    rmSync(path.join(this.dir, file));
    return this;
  }

  rename(from: string, to: string): this {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    renameSync(path.join(this.dir, from), path.join(this.dir, to));
    return this;
  }

  /** Commits everything as `who` on `date` (YYYY-MM-DD, 10:00 UTC); returns the commit hash. */
  commit(message: string, who: Person, date: string, options: { sign?: string; committerDate?: string } = {}): string {
    this.git(['add', '-A']);
    const env = {
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_AUTHOR_DATE: `${date}T10:00:00Z`,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_COMMITTER_DATE: `${options.committerDate ?? date}T10:00:00Z`,
    };
    if (options.sign) {
      this.git(['-c', 'gpg.format=ssh', '-c', `user.signingkey=${options.sign}`, 'commit', '-q', '--allow-empty', '-S', '-m', message], env);
    } else {
      this.git(['commit', '-q', '--allow-empty', '-m', message], env);
    }
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface PolicyOptions {
  status?: string;
  version?: string;
  approval?: string;
  /** The review block, as YAML flow (`{ last: 2026-03-01 }`). */
  review?: string;
  body?: string;
  rows?: string[];
}

/** A policy document whose parts each test changes. */
export function policy(options: PolicyOptions = {}): string {
  const rows = options.rows ?? ['| 0.1 | 2026-01-05 | P. Writer | First draft |'];
  return policyWithBody(
    `# Information Security Policy

## Policy statement

${options.body ?? 'We protect information.'}

## Version history

| Version | Date | Author(s) | Details |
|---|---|---|---|
${rows.join('\n')}
`,
    options,
  );
}

/** The policy's front matter (from `options`; `body` and `rows` are not used) followed by `markdown`. */
export function policyWithBody(markdown: string, options: PolicyOptions = {}): string {
  return `---
id: DOC-A5
title: Information Security Policy
type: policy
owner: ciso
classification: internal
status: ${options.status ?? 'draft'}
version: "${options.version ?? '0.1'}"
${options.approval ? `approval: ${options.approval}\n` : ''}${options.review ? `review: ${options.review}\n` : ''}---

${markdown}`;
}

/** An SSH signing key made with ssh-keygen in `dir`: the private key file and the public key line. */
export function keyPair(dir: string, name: string): { key: string; publicKey: string } {
  const key = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
  chmodSync(key, 0o600);
  return { key, publicKey: readFileSync(`${key}.pub`, 'utf8').trim() };
}
