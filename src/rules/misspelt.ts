import type { SourceDocument } from '../documents/document.js';
import { misspellingAt } from '../documents/document-schema.js';
import type { Misspelling } from '../schema/schema-problems.js';
import type { RuleContext } from './rule.js';
import { schema } from './schema.js';

/**
 * The misspelling that makes the key at `pointer` (`/approval`, `/controls/3/justification`) missing,
 * when there is one. The schema rule reports that defect once, at the misspelt key, with the key it
 * meant; a rule that needs the key then says nothing more (and a rule that looks documents up by it
 * may read the value written under the misspelt key). Only while the schema rule reports errors:
 * turned down or off, it would let a misspelt approval pass, so the rule that owns the key speaks.
 */
export function misspelt(context: RuleContext, doc: SourceDocument, pointer: string): Misspelling | undefined {
  if (context.severityOf(schema) !== 'error') return undefined;
  return misspellingAt(doc, pointer);
}

const ids = new WeakMap<readonly SourceDocument[], Set<string>>();

/**
 * Ids that documents wrote under a misspelt `id` key (`ix: DOC-A5`). A reference to one is not broken:
 * the key is, and the schema says so once, instead of every document that names it saying so again.
 */
export function misspeltIds(context: RuleContext): ReadonlySet<string> {
  let found = ids.get(context.documents);
  if (!found) {
    found = new Set(
      context.documents.flatMap((doc) => {
        const value = doc.meta.id === undefined ? misspeltText(context, doc, '/id') : undefined;
        return value === undefined ? [] : [value];
      }),
    );
    ids.set(context.documents, found);
  }
  return found;
}

/** The text a document wrote under the misspelt key for `pointer`, when it is text. */
export function misspeltText(context: RuleContext, doc: SourceDocument, pointer: string): string | undefined {
  const value = misspelt(context, doc, pointer)?.value;
  return typeof value === 'string' ? value : undefined;
}
