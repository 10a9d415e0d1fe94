import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CEO, policy, REPO_CONFIG, TestRepo, WRITER } from './git-repo.js';

/** The policy's version history: a draft, then 1.0. */
export const POLICY_ROWS = ['| 0.1 | 2026-01-05 | P. Writer | First draft |', '| 1.0 | 2026-01-10 | P. Writer | First published |'];
/** The configuration of a published repository: the test roles, and a manual of the policy then the procedure. */
export const PUBLISHED_CONFIG = `${REPO_CONFIG}publish:\n  title: Test Org ISMS Manual\n  order: [DOC-A5, DOC-P1]\n`;

/** A draft procedure, DOC-P1 "Access Procedure", with `body`. */
export function procedureWith(body: string): string {
  return policy({ body })
    .replace('id: DOC-A5', 'id: DOC-P1')
    .replace('title: Information Security Policy', 'title: Access Procedure')
    .replace('type: policy', 'type: procedure')
    .replace('# Information Security Policy', '# Access Procedure');
}

/** The policy text of a published repository at its approval (the content a PDF of DOC-A5 1.0 holds). */
export const APPROVED_POLICY = policy({ status: 'approved', version: '1.0', rows: POLICY_ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' });

/**
 * A small documents repository: a policy approved by the CEO in its second commit (2026-01-10), and a
 * draft procedure; their bodies may be given (the default policy is APPROVED_POLICY's).
 */
export function publishedRepo(bodies: { policy?: string; procedure?: string } = {}): { repo: TestRepo; approval: string } {
  const repo = new TestRepo();
  const body = bodies.policy === undefined ? {} : { body: bodies.policy };
  repo
    .write('.gitignore', '_site/\n')
    .write('isms.config.yaml', PUBLISHED_CONFIG)
    .write('policy.md', policy({ status: 'in-review', version: '1.0', rows: POLICY_ROWS, ...body }));
  repo.write('procedure.md', procedureWith(bodies.procedure ?? 'Grant access on request.')).commit('Drafts', WRITER, '2026-01-05');
  const approved =
    bodies.policy === undefined ? APPROVED_POLICY : policy({ status: 'approved', version: '1.0', rows: POLICY_ROWS, approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', ...body });
  const approval = repo.write('policy.md', approved).commit('Approve', CEO, '2026-01-10');
  return { repo, approval };
}

/**
 * The bundled isms-docs/ as a repository of its own: its files committed once (2026-11-30), as the
 * baseline that imports their history (the configuration's baseline names a commit of this
 * project's history, which such a copy does not have).
 */
export function bundledRepo(): TestRepo {
  const repo = new TestRepo();
  cpSync(path.resolve('isms-docs'), repo.dir, { recursive: true, filter: (source) => path.basename(source) !== '_site' });
  const configFile = path.join(repo.dir, 'isms.config.yaml');
  const config = readFileSync(configFile, 'utf8')
    .replace(/^ {2}baseline: .*\n/m, '')
    .replace(/^git:\n(?! )/m, 'git: {}\n');
  writeFileSync(configFile, config);
  repo.commit('Adopt isms', WRITER, '2026-11-30');
  return repo;
}
