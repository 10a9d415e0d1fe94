/** A commit as the history index keeps it. Dates are ISO 8601 with the author's/committer's offset. */
export interface Commit {
  hash: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authorDate: string;
  committerName: string;
  committerEmail: string;
  committerDate: string;
}

/** One file change of a commit (against its first parent, for merges). */
export interface Change {
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  /** Path before (renames and copies), POSIX, relative to the repository root. */
  from?: string;
  path: string;
  /** The blob after the change (all zeros for deletions). */
  blob: string;
  /** The blob before the change, in the first parent (all zeros when the file is new). */
  oldBlob: string;
}

export const LOG_FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI';

/** Parses `git log -z --raw --no-abbrev --format=LOG_FORMAT`. */
export function parseLog(output: Buffer): Array<{ commit: Commit; changes: Change[] }> {
  const text = output.toString('utf8');
  const result: Array<{ commit: Commit; changes: Change[] }> = [];
  for (const record of text.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [hash = '', parents = '', authorName = '', authorEmail = '', authorDate = '', committerName = '', committerEmail = '', committerDate = ''] = header.split('\x1f');
    const commit: Commit = { hash, parents: parents.split(' ').filter(Boolean), authorName, authorEmail, authorDate, committerName, committerEmail, committerDate };
    const changes: Change[] = [];
    const tokens =
      headerEnd === -1
        ? []
        : record
            .slice(headerEnd + 1)
            .replace(/^\n/, '')
            .split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i] ?? '';
      if (!meta.startsWith(':')) continue;
      const fields = meta.slice(1).split(' ');
      const oldBlob = fields[2] ?? '';
      const blob = fields[3] ?? '';
      const code = (fields[4] ?? '').charAt(0) as Change['status'];
      if (code === 'R' || code === 'C') {
        changes.push({ status: code, from: tokens[i + 1] ?? '', path: tokens[i + 2] ?? '', blob, oldBlob });
        i += 2;
      } else {
        changes.push({ status: code, path: tokens[i + 1] ?? '', blob, oldBlob });
        i += 1;
      }
    }
    result.push({ commit, changes });
  }
  return result;
}

export function shortHash(commit: Commit): string {
  return commit.hash.slice(0, 7);
}

/**
 * The days of a commit (YYYY-MM-DD): both are typed by whoever commits, so a date claimed in it is
 * bounded by the later one when it is measured for backdating.
 */
export function commitDays(commit: Commit): { authored: string; committed: string; latest: string } {
  const authored = commit.authorDate.slice(0, 10);
  const committed = commit.committerDate.slice(0, 10);
  return { authored, committed, latest: committed > authored ? committed : authored };
}

/** "a1b2c3d (Jane Doe, 2026-03-01)": how diagnostics name the commit that proves them. */
export function describeCommit(commit: Commit): string {
  return `${shortHash(commit)} (${commit.authorName} <${commit.authorEmail}>, ${commit.authorDate.slice(0, 10)})`;
}

/** A commit read from its object (`git cat-file`), for commits the path-limited log does not list. */
export function commitFromObject(hash: string, object: string): Commit {
  const header = object.slice(0, object.indexOf('\n\n') === -1 ? object.length : object.indexOf('\n\n'));
  const person = (role: 'author' | 'committer') => {
    const match = new RegExp(`^${role} (.*) <([^<>]*)> (\\d+) ([+-]\\d{2})(\\d{2})$`, 'm').exec(header);
    if (!match) return { name: '', email: '', date: '' };
    const offset = (match[4]!.startsWith('-') ? -1 : 1) * (Math.abs(Number(match[4])) * 60 + Number(match[5]));
    const local = new Date((Number(match[3]) + offset * 60) * 1000).toISOString().slice(0, 19);
    return { name: match[1]!, email: match[2]!, date: `${local}${match[4]}:${match[5]}` };
  };
  const author = person('author');
  const committer = person('committer');
  const parents = [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]!);
  return { hash, parents, authorName: author.name, authorEmail: author.email, authorDate: author.date, committerName: committer.name, committerEmail: committer.email, committerDate: committer.date };
}
