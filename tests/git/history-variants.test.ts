import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CEO, policyWithBody, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { CONTENT, EDITED, HISTORY_VARIANTS, historyTable } from '../helpers/history-variants.js';

const ROW_01 = '| 0.1 | 2026-01-05 | P. Writer | First draft |';
const ROW_10 = '| 1.0 | 2026-01-10 | P. Writer | First published |';
const APPROVED_10 = { status: 'approved', version: '1.0', approval: '{ by: ceo, name: R. Adeyemi, date: 2026-01-10 }' };

async function findings(repo: TestRepo): Promise<Array<{ rule: string; message: string }>> {
  const run = await runCli(['validate', '--format', 'json', '--as-of', '2026-06-01'], repo.dir);
  return run.stdout ? JSON.parse(run.stdout).diagnostics : [];
}

describe('a content change after approval, however the version history is written', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  for (const variant of HISTORY_VARIANTS) {
    it(`is reported as stale and unversioned: ${variant.name}`, async () => {
      const repo = new TestRepo();
      repos.push(repo);
      const write = (rows: string[], content: string, options: Record<string, string> = {}) => repo.write('policy.md', policyWithBody(variant.body(historyTable(rows), content), options));
      write([ROW_01], CONTENT).write('isms.config.yaml', REPO_CONFIG).commit('Draft the policy', WRITER, '2026-01-05');
      write([ROW_01, ROW_10], CONTENT, { status: 'in-review', version: '1.0' }).commit('Version 1.0 for review', WRITER, '2026-01-10');
      write([ROW_01, ROW_10], CONTENT, APPROVED_10).commit('Approve 1.0', CEO, '2026-01-10');
      expect(await findings(repo)).toEqual([]);

      write([ROW_01, ROW_10], EDITED, APPROVED_10).commit('Quiet edit', WRITER, '2026-02-01');
      const rules = (await findings(repo)).map((f) => f.rule);
      expect(rules).toContain('git-approval-stale');
      expect(rules).toContain('git-version-bump');
    });
  }
});
