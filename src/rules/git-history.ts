import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import { describeCommit } from '../git/log-parser.js';
import type { Rule } from './rule.js';

export const gitHistory: Rule = {
  id: 'git-history',
  description: 'not a repository, shallow clone (hint: fetch-depth 0), unreadable history',
  defaultSeverity: 'error',
  check(context) {
    const status = context.git?.status;
    const file = context.configFile;
    switch (status?.kind) {
      case 'not-repository':
        context.reportFile(
          file,
          START_OF_FILE,
          'not a git repository, so versions and approvals cannot be proven from history: commit the documents to git, or run isms validate --no-git to check without history',
        );
        break;
      case 'shallow':
        context.reportFile(
          file,
          START_OF_FILE,
          'this is a shallow clone: its history is cut off, so versions and approvals cannot be proven. Fetch all of it: actions/checkout with fetch-depth: 0, or git fetch --unshallow',
        );
        break;
      case 'dubious-ownership':
        context.reportFile(
          file,
          START_OF_FILE,
          `git refuses to read ${status.path}: it belongs to another user ("dubious ownership"). If you trust it, run: git config --global --add safe.directory '${status.path.replace(/'/g, "'\\''")}'`,
        );
        break;
      case 'error':
        context.reportFile(file, START_OF_FILE, `the git history could not be read: ${status.message}`);
        break;
      default:
        break;
    }
    for (const { commit, path, size } of context.git?.oversized ?? []) {
      context.reportFile(
        file,
        START_OF_FILE,
        `${path} in commit ${describeCommit(commit)} is ${size} bytes, more than the 1 MiB a document may have: that revision was not read, so nothing it says is proven`,
      );
    }
  },
};
