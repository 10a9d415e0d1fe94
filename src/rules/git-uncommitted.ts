import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import { shownFromRoot } from './git-evidence-helpers.js';
import { readable, type Rule } from './rule.js';

export const gitUncommitted: Rule = {
  id: 'git-uncommitted',
  description: 'documents differ from HEAD (error under `build --release`)',
  defaultSeverity: 'warn',
  check(context) {
    const git = context.git;
    if (!git || (git.status.kind !== 'ok' && git.status.kind !== 'no-commits')) return;
    for (const doc of context.documents) {
      if (doc.text === undefined) continue;
      const evidence = git.document(doc);
      const state = evidence?.uncommitted ?? (git.status.kind === 'no-commits' && readable(context).includes(doc) ? 'untracked' : undefined);
      if (state === 'modified') context.report(doc, START_OF_FILE, 'has changes that are not committed: what is validated is not what git holds');
      else if (state === 'untracked') context.report(doc, START_OF_FILE, 'is not committed: git has no history of it yet');
    }
    for (const file of git.uncommittedConfig) {
      context.reportFile(shownFromRoot(context, file), START_OF_FILE, 'has changes that are not committed: sign-offs are judged by the configuration git holds, not by this one');
    }
  },
};
