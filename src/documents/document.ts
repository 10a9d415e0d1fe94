import type { MarkdownModel } from './markdown.js';
import type { Problem } from '../source/problem.js';
import type { SourceMap } from '../source/source-map.js';
import type { VersionHistory } from './version-history.js';

/** The metadata keys rules rely on, each present only when it has the right type. */
export interface Metadata {
  id?: string;
  title?: string;
  type?: string;
  owner?: string;
  classification?: string;
  status?: string;
  version?: string;
  approval?: { by?: string; name?: string; date?: string };
  review?: { last?: string; intervalMonths?: number };
  standard?: string;
  /** Clauses whose documented information the document provides (`covers`), as written. */
  covers?: string[];
  /** Ids of the documents it was written against (`depends_on`). */
  dependsOn?: string[];
  /** What a record records (`record`: internal-audit, management-review, ...). */
  record?: string;
}

/** A controlled document as read from disk: what it says, and where it says it. */
export interface SourceDocument {
  /** Absolute path. */
  absolutePath: string;
  /** POSIX path relative to the current working directory: what output shows. */
  file: string;
  /** POSIX path relative to the documents root. */
  path: string;
  format: 'markdown' | 'yaml';
  /** Decoded text (LF line endings), undefined when the file could not be read. */
  text: string | undefined;
  /** Problems found while reading and parsing, reported by the `parse-error` rule. */
  parseProblems: Problem[];
  /** Set when the path reaches outside the documents root through a symlink (`broken-reference`). */
  escapesRoot?: string;
  /** The path's bytes, when its name is not UTF-8 (`absolutePath` shows it with `\xff` escapes). */
  bytes?: Buffer;
  /** Front matter (Markdown) or the whole document (YAML); undefined when there is none. */
  data: Record<string, unknown> | undefined;
  /** Where the data's keys and values are. */
  map: SourceMap;
  meta: Metadata;
  markdown: MarkdownModel | undefined;
  history: VersionHistory | undefined;
}
