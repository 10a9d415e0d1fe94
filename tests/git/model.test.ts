import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/check.js';
import type { DocumentEvidence, GitEvidence, Revision } from '../../src/git/evidence.js';
import type { Commit } from '../../src/git/log-parser.js';
import { approvalRevision, contentAuthorsBefore, rewrittenRows } from '../../src/git/model.js';
import type { RevisionFacts } from '../../src/git/revision-facts.js';
import { gitApprovalStale } from '../../src/rules/git-approval-stale.js';
import { markdown, workspaceFrom } from '../helpers/workspace.js';

const commit = (n: number, email: string): Commit => ({
  hash: `${n}`.padStart(40, 'a'),
  parents: [],
  authorName: email.split('@')[0]!,
  authorEmail: email,
  authorDate: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
  committerDate: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
});
const row = (version: string, details = 'x') => ({ version, date: '2026-01-01', author: 'A', details });
const facts = (fingerprint: string, extra: Partial<RevisionFacts> = {}): RevisionFacts => ({ fingerprint, rows: [row('0.1')], ...extra });
const revision = (n: number, email: string, f: RevisionFacts): Revision => ({ commit: commit(n, email), path: 'policy.md', facts: f });
const APPROVAL = { by: 'ceo', name: 'R. Adeyemi', date: '2026-01-10' };

describe('the git model', () => {
  it('finds the approval revision as the oldest revision approved with the same block', () => {
    const evidence: DocumentEvidence = {
      revisions: [revision(1, 'w@x', facts('A')), revision(2, 'ceo@x', facts('A', { status: 'approved', approval: APPROVAL })), revision(3, 'w@x', facts('A', { status: 'approved', approval: APPROVAL }))],
      working: facts('A', { status: 'approved', approval: APPROVAL }),
      uncommitted: 'clean',
    };
    expect(approvalRevision(evidence, APPROVAL)?.commit.authorEmail).toBe('ceo@x');
  });

  it('counts as content being approved the changes since the last approved content', () => {
    const evidence: DocumentEvidence = {
      revisions: [
        revision(1, 'w@x', facts('A')),
        revision(2, 'ceo@x', facts('A', { status: 'approved', approval: APPROVAL })),
        revision(3, 'b@x', facts('B')),
        revision(4, 'c@x', facts('C')),
        revision(5, 'ceo@x', facts('C', { status: 'approved', approval: { ...APPROVAL, date: '2026-01-20' } })),
      ],
      working: facts('C'),
      uncommitted: 'clean',
    };
    expect(contentAuthorsBefore(evidence, 4).map((r) => r.commit.authorEmail)).toEqual(['b@x', 'c@x']);
    expect(contentAuthorsBefore(evidence, 1).map((r) => r.commit.authorEmail)).toEqual(['w@x']);
  });

  it('does not report a row that was changed and then restored', () => {
    const evidence: DocumentEvidence = {
      revisions: [revision(1, 'w@x', facts('A', { rows: [row('0.1')] })), revision(2, 'w@x', facts('A', { rows: [row('0.1', 'edited')] }))],
      working: facts('A', { rows: [row('0.1')] }),
      uncommitted: 'modified',
    };
    expect(rewrittenRows(evidence)).toEqual([]);
  });
});

describe('git rules over an in-memory history', () => {
  it('report stale approvals without running git', () => {
    const workspace = workspaceFrom({ 'policy.md': markdown() });
    const doc = workspace.documents[0]!;
    const approved = facts('OLD', { status: 'approved', approval: APPROVAL });
    const evidence: DocumentEvidence = { revisions: [revision(1, 'w@x', facts('OLD')), revision(2, 'ceo@x', approved), revision(3, 'w@x', facts('NEW'))], working: facts('NEW', { status: 'approved', approval: APPROVAL }), uncommitted: 'clean' };
    const git: GitEvidence = { status: { kind: 'ok' }, document: (d) => (d === doc ? evidence : undefined), signature: () => undefined };
    const { diagnostics } = check(workspace, { asOf: '2026-06-01', rules: [gitApprovalStale], git });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'content changed in commit aaaaaaa (w <w@x>, 2026-01-03) after it was approved in aaaaaaa (ceo <ceo@x>, 2026-01-02): the approval does not cover it; set status: in-review and approve again',
    ]);
  });
});
