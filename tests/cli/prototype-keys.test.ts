import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { RULE_IDS } from '../../src/rules/index.js';
import { fixture, runBin, runCli } from '../helpers/cli.js';
import { RISK_METHOD } from '../helpers/domain.js';
import { CEO, CISO, policyWithBody, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';

/**
 * Names an object inherits from Object.prototype. "constructor" passes the schema's role pattern;
 * the others fail it but still reach the rules, which must treat them as unknown roles.
 */
const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

const BODY = `# Title

## Version history

| Version | Date | Author(s) | Details |
|---|---|---|---|
| 0.1 | 2026-01-05 | P. Writer | First draft |
`;

/** A policy whose owner and approver is `name`; line 5 is the owner, line 9 the approval. */
const ownedPolicy = (i: number, name: string, approved: boolean) =>
  policyWithBody(BODY, approved ? { status: 'approved', approval: `{ by: ${name}, name: R. Adeyemi, date: 2026-01-10 }` } : {})
    .replace('id: DOC-A5', `id: DOC-P${i}`)
    .replace('owner: ciso', `owner: ${name}`);

/** A document whose type is `name` (the approvers and required sections are looked up by type); the review is on line 10. */
const typedDocument = (i: number, name: string, reviewed: boolean) =>
  policyWithBody(BODY, { status: 'approved', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }', ...(reviewed ? { review: '{ last: 2026-02-01 }' } : {}) })
    .replace('id: DOC-A5', `id: DOC-T${i}`)
    .replace('type: policy', `type: ${name}`);

/** A register whose risk is owned and accepted by `name`; line 13 is the owner, line 17 the acceptance. */
const register = (i: number, name: string, accepted: boolean) => `id: DOC-R${i}
title: Risk register
type: risk-register
standard: iso27001-2022
owner: ciso
classification: confidential
status: draft
version: "0.1"
versions:
  - { version: "0.1", date: 2026-01-05, author: P. Writer, details: First assessment }
risks:
  - id: R-10${i}
    owner: ${name}
    title: Laptop stolen from a car
    likelihood: 2
    impact: 2
${accepted ? `    acceptance: { by: ${name}, date: 2026-01-10, expires: 2027-01-10 }\n` : ''}    treatment: retain
    next_review: 2027-12-01
`;

interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

describe('role ids and document types named like Object.prototype properties', () => {
  const repo = new TestRepo();
  const site = `${repo.dir}-site`;
  beforeAll(() => {
    repo.write('isms.config.yaml', REPO_CONFIG + RISK_METHOD.replace('escalation: ceo', 'escalation: ciso'));
    NAMES.forEach((name, i) =>
      repo
        .write(`p${i}.md`, ownedPolicy(i, name, false))
        .write(`t${i}.md`, typedDocument(i, name, false))
        .write(`r${i}.yaml`, register(i, name, false)),
    );
    repo.commit('Drafts', WRITER, '2026-01-05');
    // Sign-offs the git rules judge by role: an approval, a review and a risk acceptance.
    NAMES.forEach((name, i) =>
      repo
        .write(`p${i}.md`, ownedPolicy(i, name, true))
        .write(`t${i}.md`, typedDocument(i, name, true))
        .write(`r${i}.yaml`, register(i, name, true)),
    );
    repo.commit('Sign-offs', CEO, '2026-01-10');
  });
  afterAll(() => {
    repo.remove();
    rmSync(site, { recursive: true, force: true });
  });

  it('are unknown roles to isms validate, never an internal error', () => {
    const run = runBin(['validate', '--format', 'json', '--as-of', '2026-06-01'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { diagnostics: Finding[] }).diagnostics;
    const at = (file: string, line: number, rule: string) => findings.filter((f) => f.file === file && f.line === line && f.rule === rule).map((f) => f.message);
    NAMES.forEach((name, i) => {
      expect(at(`p${i}.md`, 5, 'unknown-role')).toEqual([`owner "${name}" is not a role of isms.config.yaml (ceo, ciso, writer)`]);
      expect(at(`p${i}.md`, 9, 'unknown-role')).toEqual([`approval.by "${name}" is not a role of isms.config.yaml (ceo, ciso, writer)`]);
      expect(at(`p${i}.md`, 9, 'git-approval')).toEqual([expect.stringContaining(`it needs a member of "${name}" (none listed)`)]);
      expect(at(`t${i}.md`, 4, 'schema')).toEqual([expect.stringContaining('"type" must be one of')]);
      expect(at(`r${i}.yaml`, 13, 'unknown-role')).toEqual([`risks[0].owner "${name}" is not a role of isms.config.yaml (ceo, ciso, writer)`]);
      expect(at(`r${i}.yaml`, 17, 'unknown-role')).toEqual([`risks[0].acceptance.by "${name}" is not a role of isms.config.yaml (ceo, ciso, writer)`]);
    });
  }, 120_000);

  it('leave isms status and isms build working', () => {
    for (const args of [
      ['status', '--as-of', '2026-06-01'],
      ['status', '--format', 'json'],
      ['build', '--html', '--out', site],
    ]) {
      const run = runBin(args, repo.dir);
      expect(run.stderr, args.join(' ')).not.toMatch(/internal error/);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
  }, 120_000);

  it('are roles nobody holds to isms review and isms accept', () => {
    const env = { GIT_AUTHOR_NAME: CISO.name, GIT_AUTHOR_EMAIL: CISO.email, GIT_COMMITTER_NAME: CISO.name, GIT_COMMITTER_EMAIL: CISO.email };
    const review = runBin(['review', 'DOC-P0'], repo.dir, { env });
    expect(review.stderr).toBe(`isms: ${CISO.email} is not a member of the owner role or of a role that approves this document (constructor, ceo; see roles and approvers in isms.config.yaml)\n`);
    NAMES.forEach((name, i) => {
      const accept = runBin(['accept', `R-10${i}`], repo.dir, { env });
      expect(accept.stderr).toBe(`isms: ${CISO.email} is not a member of role "${name}", which accepts the residual risk of R-10${i} (see roles in isms.config.yaml)\n`);
    });
  }, 120_000);
});

describe('a configuration naming Object.prototype properties', () => {
  const problems = (yaml: string) => {
    const result = parseConfig(new TextEncoder().encode(yaml), '/virtual/isms.config.yaml', RULE_IDS);
    return result.ok ? [] : result.problems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`);
  };
  const base = 'organization: Org\nroles:\n  ciso: { title: CISO, members: [{ name: M, email: m@example.com }] }\n';

  it.each(NAMES)('refuses %s as an approving role, a configuration approver, the escalation role and a rule id', (name) => {
    expect(problems(`${base}approvers:\n  policy: [${name}]\n`)).toEqual([expect.stringMatching(new RegExp(`^5:12 "${name}" is not a role defined under "roles"`))]);
    expect(problems(`${base}git:\n  config_approvers: [${name}]\n`)).toEqual([expect.stringMatching(new RegExp(`^5:22 "${name}" is not a role defined under "roles"`))]);
    expect(problems(`${base}${RISK_METHOD.replace('escalation: ceo', `escalation: ${name}`)}`)[0]).toMatch(new RegExp(`"${name}" is not a role defined under "roles"`));
    expect(problems(`${base}rules:\n  ${name}: warn\n`)).toEqual([expect.stringMatching(/^5:3 /)]);
  });

  it.each(NAMES)('refuses %s as a role id', (name) => {
    expect(problems(`organization: Org\nroles:\n  ${name}: { title: X }\n`)).toEqual([expect.stringMatching(/^3:3 /)]);
  });

  it('never lends a role, an approver list or a rule setting from Object.prototype', () => {
    const result = parseConfig(new TextEncoder().encode(base), '/virtual/isms.config.yaml', RULE_IDS);
    if (!result.ok) throw new Error('broken');
    for (const name of NAMES) {
      expect((result.config.roles as Record<string, unknown>)[name]).toBeUndefined();
      expect((result.config.approvers as Record<string, unknown>)[name]).toBeUndefined();
      expect((result.config.rules as Record<string, unknown>)[name]).toBeUndefined();
      expect((result.config.requiredSections as Record<string, unknown>)[name]).toBeUndefined();
    }
  });
});

describe('a format named like an Object.prototype property', () => {
  it.each(NAMES)('is an unknown format to isms validate: --format %s', async (name) => {
    const run = await runCli(['validate', '--format', name], fixture('clean'));
    expect(run).toEqual({ code: 2, stdout: '', stderr: `isms: unknown format "${name}": use one of stylish, json, sarif, junit, github, markdown\n` });
  });
});
