import { isIsoDate } from '../text/dates.js';
import { commitOf } from './commit-of.js';
import { LOG_FORMAT, parseLog, type Commit } from './log-parser.js';
import { runGit } from './run-git.js';

/** A point of history named on the command line (`--at`, `isms changes <from> <to>`), or why it names none. */
export type HistoryPoint =
  | { ok: true; commit: Commit; /** Named by a date (the newest commit on or before it), not by a ref. */ byDate: boolean }
  | { ok: false; kind: 'not-repository' | 'shallow' | 'no-commits' | 'not-a-date' | 'not-a-commit'; message?: string }
  /** A date before the first commit of HEAD's first-parent line: `first` is that commit. */
  | { ok: false; kind: 'before-history'; first: Commit };

/** Text shaped like a date: such an argument is a date (and must be a real one), never a ref. */
const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}$/;

/** The committer's calendar day of a commit (its own offset): what "on or before a date" compares. */
export function committedOn(commit: Commit): string {
  return commit.committerDate.slice(0, 10);
}

async function readCommit(cwd: string, hash: string): Promise<Commit | undefined> {
  const result = await runGit(cwd, ['log', '-z', '-1', '--no-walk', `--format=${LOG_FORMAT}`, '--end-of-options', hash, '--']);
  return result.code === 0 ? parseLog(result.stdout)[0]?.commit : undefined;
}

/** The commit HEAD names (who made it and when), undefined outside a repository or before its first commit. */
export async function headCommit(cwd: string): Promise<Commit | undefined> {
  try {
    const hash = await commitOf(cwd, 'HEAD');
    return hash ? await readCommit(cwd, hash) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The commit a user names: a commit, branch or tag (checked with `rev-parse --verify --end-of-options`),
 * or, for YYYY-MM-DD, the newest commit on the first-parent line of `tip` (HEAD unless given, a full
 * hash) whose committer date (its own calendar day) is on or before it. A date is a convenience for
 * display, never proof: committer dates are typed by whoever commits.
 */
export async function pointInHistory(cwd: string, spec: string, tip = 'HEAD'): Promise<HistoryPoint> {
  let where;
  try {
    where = await runGit(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  } catch (error) {
    return { ok: false, kind: 'not-repository', message: (error as Error).message };
  }
  if (where.code !== 0) return { ok: false, kind: 'not-repository', message: where.stderr.trim().split('\n')[0] ?? '' };
  const [toplevel = '', shallow = ''] = where.stdout.toString('utf8').trim().split('\n');
  if (shallow.trim() === 'true') return { ok: false, kind: 'shallow' };
  if (!(await commitOf(toplevel, 'HEAD'))) return { ok: false, kind: 'no-commits' };

  if (DATE_SHAPED.test(spec)) {
    if (!isIsoDate(spec)) return { ok: false, kind: 'not-a-date' };
    const line = await runGit(toplevel, ['log', '--first-parent', '--format=%H %cI', '--end-of-options', tip, '--']);
    const commits = line.stdout
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((row) => ({ hash: row.slice(0, row.indexOf(' ')), day: row.slice(row.indexOf(' ') + 1, row.indexOf(' ') + 11) }));
    const found = commits.find((c) => c.day <= spec);
    if (!found) {
      const first = commits.at(-1);
      const commit = first ? await readCommit(toplevel, first.hash) : undefined;
      return commit ? { ok: false, kind: 'before-history', first: commit } : { ok: false, kind: 'no-commits' };
    }
    const commit = await readCommit(toplevel, found.hash);
    return commit ? { ok: true, commit, byDate: true } : { ok: false, kind: 'not-a-commit' };
  }
  const hash = await commitOf(toplevel, spec);
  const commit = hash ? await readCommit(toplevel, hash) : undefined;
  return commit ? { ok: true, commit, byDate: false } : { ok: false, kind: 'not-a-commit' };
}
