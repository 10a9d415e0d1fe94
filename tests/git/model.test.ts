import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.js';
import { noEvidence, type DocumentEvidence, type GitEvidence, type Revision } from '../../src/git/evidence.js';
import type { Commit } from '../../src/git/log-parser.js';
import { acceptanceProof, approvalProof, contentChangesBefore, isApproval, ownChange, rewrittenRows } from '../../src/git/model.js';
import type { RevisionFacts } from '../../src/git/revision-facts.js';
import { gitApprovalStale } from '../../src/rules/git-approval-stale.js';
import { markdown, workspaceFrom } from '../helpers/workspace.js';

const commit = (n: number, email: string, committer = email): Commit => ({
  hash: `${n}`.padStart(40, 'a'),
  parents: [],
  authorName: email.split('@')[0]!,
  authorEmail: email,
  authorDate: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
  committerName: committer.split('@')[0]!,
  committerEmail: committer,
  committerDate: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
});
const row = (version: string, details = 'x') => ({ version, date: '2026-01-01', author: 'A', details });
const facts = (fingerprint: string, extra: Partial<RevisionFacts> = {}): RevisionFacts => ({ fingerprint, rows: [row('0.1')], ...extra });
const APPROVAL = { by: 'ceo', name: 'R. Adeyemi', date: '2026-01-10' };

/** A straight history: each revision's parent holds the revision before it. */
function history(...steps: Array<[email: string, facts: RevisionFacts, committer?: string]>): Revision[] {
  return steps.map(([email, f, committer], i) => ({
    commit: commit(i + 1, email, committer),
    path: 'policy.md',
    blob: String(i + 1).padStart(40, '0'),
    facts: f,
    before: i === 0 ? undefined : steps[i - 1]![1],
    imported: false,
    carried: false,
  }));
}
const evidenceOf = (revisions: Revision[], working = revisions.at(-1)!.facts): DocumentEvidence => ({ revisions, head: revisions.at(-1)?.facts, working, uncommitted: 'clean' });

describe('the git model', () => {
  it('takes as the approval commit the newest in which the document became approved', () => {
    const evidence = evidenceOf(history(['w@x', facts('A')], ['ceo@x', facts('A', { status: 'approved', approval: APPROVAL })], ['w@x', facts('A', { status: 'approved', approval: APPROVAL })]));
    expect(approvalProof(evidence)).toMatchObject({ kind: 'committed', index: 1 });
  });

  it('counts approving again, the same day with an identical block, as a new approval', () => {
    const approved = (version: string) => facts('A', { version, status: 'approved', approval: APPROVAL });
    const evidence = evidenceOf(
      history(
        ['w@x', facts('A', { version: '1.0', status: 'in-review', approval: APPROVAL })],
        ['ceo@x', approved('1.0')],
        ['w@x', facts('A', { version: '1.1', status: 'in-review', approval: APPROVAL })],
        ['ceo@x', approved('1.1')],
      ),
    );
    expect(evidence.revisions.map(isApproval)).toEqual([false, true, false, true]);
    expect(approvalProof(evidence)).toMatchObject({ kind: 'committed', index: 3 });
  });

  it('says an approval that HEAD does not hold is not committed', () => {
    const revisions = history(['w@x', facts('A', { status: 'in-review' })]);
    expect(approvalProof(evidenceOf(revisions, facts('A', { status: 'approved', approval: APPROVAL })))).toEqual({ kind: 'uncommitted' });
  });

  it('counts as content being approved the changes since the previous approval, by author and committer', () => {
    const revisions = history(
      ['w@x', facts('A')],
      ['ceo@x', facts('A', { status: 'approved', approval: APPROVAL })],
      ['b@x', facts('B'), 'ciso@x'],
      ['c@x', facts('C')],
      ['ceo@x', facts('C', { status: 'approved', approval: { ...APPROVAL, date: '2026-01-20' } })],
    );
    const evidence = evidenceOf(revisions);
    expect(contentChangesBefore(evidence, 4).map((r) => r.commit.authorEmail)).toEqual(['b@x', 'c@x']);
    expect(contentChangesBefore(evidence, 1).map((r) => r.commit.authorEmail)).toEqual(['w@x']);
    expect(ownChange(contentChangesBefore(evidence, 4), 'ciso@x')?.commit.authorEmail).toBe('b@x');
  });

  it('makes an acceptance stale when what it covers changes later', () => {
    const risk = (basis: string, acceptance?: string) => new Map([['R-1', { basis, ...(acceptance ? { acceptance, by: 'ciso', date: '2026-01-02' } : {}) }]]);
    const revisions = history(['w@x', facts('A', { risks: risk('L4') })], ['ciso@x', facts('A', { risks: risk('L4', 'ok') })], ['w@x', facts('B', { risks: risk('L5', 'ok') })]);
    const proof = acceptanceProof(evidenceOf(revisions), 'R-1');
    expect(proof).toMatchObject({ kind: 'committed', revision: { commit: { authorEmail: 'ciso@x' } }, staleIn: { commit: { authorEmail: 'w@x' } } });
  });

  it('does not report a row that was changed and then restored', () => {
    const revisions = history(['w@x', facts('A', { rows: [row('0.1')] })], ['w@x', facts('A', { rows: [row('0.1', 'edited')] })]);
    expect(rewrittenRows({ ...evidenceOf(revisions, facts('A', { rows: [row('0.1')] })), uncommitted: 'modified' })).toEqual([]);
  });
});

describe('git rules over an in-memory history', () => {
  it('report stale approvals without running git', () => {
    const workspace = workspaceFrom({ 'policy.md': markdown() });
    const doc = workspace.documents[0]!;
    const approved = (fingerprint: string) => facts(fingerprint, { status: 'approved', approval: APPROVAL });
    const evidence = evidenceOf(history(['w@x', facts('OLD')], ['ceo@x', approved('OLD')], ['w@x', approved('NEW')]));
    const git: GitEvidence = { ...noEvidence({ kind: 'ok' }), document: (d) => (d === doc ? evidence : undefined) };
    const { diagnostics } = check(workspace, { asOf: '2026-06-01', rules: [gitApprovalStale], git });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'content changed in commit aaaaaaa (w <w@x>, 2026-01-03) after it was approved in aaaaaaa (ceo <ceo@x>, 2026-01-02): the approval does not cover it. Record a version (isms version DOC-A5 --details "..."), commit it, and have it approved again: isms approve DOC-A5 by R. Adeyemi (ceo)',
    ]);
  });
});
