import { realpathSync } from 'node:fs';
import path from 'node:path';
import { toPosix } from '../text/paths.js';

/** A POSIX path as a URL path: each segment percent-encoded. */
const encodePath = (posix: string) => posix.split('/').map(encodeURIComponent).join('/');

/**
 * Where a pull-request summary links each file (relative to `cwd`): in GitHub Actions
 * (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`) or GitLab CI (`CI_PROJECT_URL`), the file in the
 * commit that was checked (`head`); elsewhere, or outside that repository, the path itself.
 */
export function sourceLinks(files: Iterable<string>, cwd: string, env: Readonly<Record<string, string | undefined>>, head: { top: string; commit: string } | undefined): Record<string, string> {
  const web = head ? webBase(env, head.commit) : undefined;
  let realCwd = cwd;
  try {
    realCwd = realpathSync(cwd);
  } catch {
    // The current folder as given.
  }
  const links: Record<string, string> = {};
  for (const file of files) {
    const inRepository = head ? toPosix(path.relative(head.top, path.resolve(realCwd, file))) : undefined;
    links[file] = web && inRepository !== undefined && !inRepository.startsWith('../') && inRepository !== '..' ? `${web}/${encodePath(inRepository)}` : encodePath(file);
  }
  return links;
}

function webBase(env: Readonly<Record<string, string | undefined>>, commit: string): string | undefined {
  const isWeb = (url: string | undefined): url is string => url !== undefined && /^https?:\/\/[^\s]+$/.test(url);
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  if (isWeb(server) && repository && /^[\w.-]+\/[\w.-]+$/.test(repository)) return `${server.replace(/\/+$/, '')}/${repository}/blob/${commit}`;
  const project = env['CI_PROJECT_URL'];
  if (isWeb(project)) return `${project.replace(/\/+$/, '')}/-/blob/${commit}`;
  return undefined;
}
