import path from 'node:path';
import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import { childPointer } from '../source/source-map.js';
import { controlEntries, label, texts } from './entries.js';
import { closest } from '../text/suggest.js';
import { misspeltIds } from './misspelt.js';
import type { RuleContext } from './rule.js';

/** One reference from a document: a relative link or a `DOC X` mention, resolved against the workspace. */
export interface Reference {
  at: Range;
  /** How the document wrote it. */
  text: string;
  /** The controlled document it reaches, when it reaches one. */
  target?: SourceDocument;
  /** Why it is broken, when it is. */
  problem?: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** How many broken references of one document get a "did you mean" (a hostile file may hold thousands). */
const SUGGESTIONS_PER_DOCUMENT = 100;

/** "; did you mean X?" with what `find` proposes, while the document's budget lasts; otherwise nothing. */
type Suggest = (find: () => string | undefined, show?: (found: string) => string) => string;

function suggester(): Suggest {
  let left = SUGGESTIONS_PER_DOCUMENT;
  return (find, show = (found) => found) => {
    if (left <= 0) return '';
    left--;
    const found = find();
    return found === undefined ? '' : `; did you mean ${show(found)}?`;
  };
}

/**
 * Resolves every link and mention of a document. Only names are compared with what discovery found:
 * nothing outside the documents root is ever read or even looked up.
 */
export function referencesOf(doc: SourceDocument, context: RuleContext): Reference[] {
  if (!doc.markdown) return [];
  const cached = resolved.get(doc);
  if (cached?.documents === context.documents) return cached.references;
  const { byPath, byId, unreadableHint } = indexOf(context.documents);
  const references: Reference[] = [];
  const suggest = suggester();
  for (const link of doc.markdown.links) {
    references.push({ at: link.at, text: link.url, ...resolveLink(link.url, doc, byPath, context.entries, suggest) });
  }
  for (const mention of doc.markdown.mentions) {
    const target = byId.get(mention.id);
    // The document that has it wrote its id under a misspelt key: the schema reports that key, once.
    if (!target && misspeltIds(context).has(mention.id)) continue;
    references.push(
      target
        ? { at: mention.at, text: mention.text, target }
        : {
            at: mention.at,
            text: mention.text,
            problem: `"${mention.text}" names document ${mention.id}, which no document in the repository has${unreadableHint}${suggest(() => closest(mention.id, [...byId.keys()]))}`,
          },
    );
  }
  resolved.set(doc, { documents: context.documents, references });
  return references;
}

/** Types written against the risk methodology without saying so: they depend on every live methodology. */
export const ON_METHODOLOGY: ReadonlySet<string> = new Set(['soa', 'risk-register']);

/** A document named by id in a list of the data: the metadata's `depends_on`, or an SoA control's `documents`. */
export interface ListedReference {
  at: Range;
  id: string;
  /** Where the list is, in words: "depends_on", "control 5.1". */
  list: string;
  /** Whose rule a missing id is: broken-reference's (depends_on) or soa-reference's (an SoA's documents). */
  kind: 'depends-on' | 'soa-documents';
  /** The controlled document with that id, when there is one. */
  target?: SourceDocument;
}

/**
 * Every document id a document names in its data: `depends_on` (the documents it was written
 * against) and, in an SoA, each control's `documents`. The one reader of those lists.
 */
export function listedReferences(doc: SourceDocument, context: RuleContext): ListedReference[] {
  if (!doc.data) return [];
  const { byId } = indexOf(context.documents);
  const listed: ListedReference[] = [];
  const dependsOn = doc.data['depends_on'];
  if (Array.isArray(dependsOn)) {
    dependsOn.forEach((id, index) => {
      if (typeof id !== 'string') return;
      const target = byId.get(id);
      listed.push({ at: doc.map.valueAt(childPointer('/depends_on', index)), id, list: 'depends_on', kind: 'depends-on', ...(target ? { target } : {}) });
    });
  }
  if (doc.meta.type === 'soa') {
    for (const entry of controlEntries(doc)) {
      for (const { value, pointer } of texts(entry, 'documents')) {
        const target = byId.get(value);
        listed.push({ at: doc.map.valueAt(pointer), id: value, list: label(entry, 'control'), kind: 'soa-documents', ...(target ? { target } : {}) });
      }
    }
  }
  return listed;
}

/** References depend only on the workspace, and two rules read them: resolve each document once. */
const resolved = new WeakMap<SourceDocument, { documents: readonly SourceDocument[]; references: Reference[] }>();
const indexes = new WeakMap<readonly SourceDocument[], ReturnType<typeof buildIndex>>();

function indexOf(documents: readonly SourceDocument[]) {
  let index = indexes.get(documents);
  if (!index) {
    index = buildIndex(documents);
    indexes.set(documents, index);
  }
  return index;
}

function buildIndex(documents: readonly SourceDocument[]) {
  const byPath = new Map(documents.map((d) => [d.path, d]));
  const byId = new Map<string, SourceDocument>();
  for (const d of documents) if (d.meta.id && !byId.has(d.meta.id)) byId.set(d.meta.id, d);
  const unreadable = documents.filter((d) => d.data === undefined).length;
  const unreadableHint = unreadable > 0 ? ` (${unreadable === 1 ? 'a document that could not be read' : `${unreadable} documents that could not be read`} may hold it)` : '';
  return { byPath, byId, unreadableHint };
}

function resolveLink(url: string, doc: SourceDocument, byPath: Map<string, SourceDocument>, entries: ReadonlySet<string>, suggest: Suggest): { target?: SourceDocument; problem?: string } {
  const trimmed = url.trim();
  if (trimmed === '') return { problem: 'empty link' };
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'file') return { problem: `"${trimmed}" points at a file outside the repository; link with a relative path` };
  // http(s) and mailto are external (never fetched); any other scheme is not a reference at all and is
  // the renderer's to sanitise.
  if (scheme !== undefined || trimmed.startsWith('//')) return {};

  const hashAt = trimmed.indexOf('#');
  const rawPath = (hashAt === -1 ? trimmed : trimmed.slice(0, hashAt)).replace(/\?.*$/, '');
  const rawAnchor = hashAt === -1 ? undefined : trimmed.slice(hashAt + 1);
  let linkPath: string;
  let anchor: string | undefined;
  try {
    linkPath = decodeURIComponent(rawPath);
    anchor = rawAnchor === undefined ? undefined : decodeURIComponent(rawAnchor);
  } catch {
    return { problem: `"${trimmed}" has malformed percent-encoding` };
  }
  let target: SourceDocument | undefined = doc;
  if (linkPath !== '') {
    if (linkPath.startsWith('/') || linkPath.startsWith('\\') || path.win32.isAbsolute(linkPath)) {
      return { problem: `"${trimmed}" is an absolute path; link relative to this document` };
    }
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(doc.path), linkPath.replace(/\\/g, '/')));
    if (resolved === '..' || resolved.startsWith('../')) return { problem: `"${trimmed}" leaves the documents folder` };
    const bare = resolved.replace(/\/$/, '');
    target = byPath.get(bare);
    const exists = entries.has(bare) || entries.has(`${bare}/`) || bare === '.' || (target !== undefined && target.escapesRoot === undefined);
    if (!exists)
      return {
        problem: `"${trimmed}" links to ${bare}, which does not exist${suggest(
          () => fileMeant(bare, entries),
          (file) => `"${path.posix.relative(path.posix.dirname(doc.path), file)}${hashAt === -1 ? '' : trimmed.slice(hashAt)}"`,
        )}`,
      };
  }
  if (anchor !== undefined && anchor !== '' && target?.markdown) {
    const slug = anchor.toLowerCase();
    if (!target.markdown.headings.some((heading) => heading.slug === slug)) {
      const where = target === doc ? 'this document' : target.path;
      const slugs = target.markdown.headings.map((heading) => heading.slug);
      return {
        target,
        problem: `"${trimmed}": ${where} has no heading with the anchor #${anchor}${suggest(
          () => closest(slug, slugs),
          (found) => `#${found}`,
        )}`,
      };
    }
  }
  return target === doc ? {} : { target };
}

/** The file a link to a missing one may mean: the one file of that name in another folder (`incident-response.md` in `procedures/`), else the nearest path. */
function fileMeant(missing: string, entries: ReadonlySet<string>): string | undefined {
  const files = [...entries].filter((entry) => !entry.endsWith('/'));
  const name = path.posix.basename(missing).toLowerCase();
  const sameName = files.filter((file) => path.posix.basename(file).toLowerCase() === name);
  return sameName.length === 1 ? sameName[0] : closest(missing, files);
}
