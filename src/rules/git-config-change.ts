import { judgeSignOff } from '../git/model.js';
import { shownFromRoot } from './git-evidence-helpers.js';
import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export const gitConfigChange: Rule = {
  id: 'git-config-change',
  description: 'the configuration or allowed-signers file changed by someone outside `git.config_approvers`',
  defaultSeverity: 'error',
  check(context) {
    const git = context.git;
    if (!git || git.status.kind !== 'ok') return;
    const shown = (file: string) => shownFromRoot(context, file);
    if (git.baseline?.problem) context.reportFile(context.configFile, START_OF_FILE, git.baseline.problem);
    if (git.baseConfigProblem) context.reportFile(context.configFile, START_OF_FILE, git.baseConfigProblem);
    for (const file of git.uncheckedAtBase) {
      context.reportFile(
        shown(file),
        START_OF_FILE,
        `${file} is a controlled document at ${git.baseRef ?? 'the base'} and is no longer checked (deleted, moved out of the documents folder, ignored or shadowed by another configuration): retire it (status: retired) instead, or have a configuration approver make the change`,
      );
    }
    for (const change of git.configChanges) {
      const files = change.paths.join(' and ');
      const signOff = judgeSignOff(git, change.commit, (config) => config.git.configApprovers, `the change to ${files}`);
      if (signOff.ok) continue;
      for (const file of change.paths)
        context.reportFile(shown(file), START_OF_FILE, `${signOff.message}. The configuration governs itself: only git.config_approvers may change it or the allowed-signers file`);
    }
  },
};
