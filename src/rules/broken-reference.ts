import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import { closest } from '../text/suggest.js';
import { misspeltIds } from './misspelt.js';
import { dependencyGraph, dependencyPath, type DependencyGraph } from './dependency-graph.js';
import type { Rule } from './rule.js';
import { listedReferences, referencesOf } from './references.js';

export const brokenReference: Rule = {
  id: 'broken-reference',
  description:
    'a relative link to a missing document, file or heading; a `DOC X` mention or a `depends_on` id of a missing document; a `depends_on` naming the document itself, or going round a circle; a link, mention, `depends_on` or SoA `documents` entry from a live document to a retired one; a link or document path leaving the repository (symlinks included)',
  defaultSeverity: 'error',
  check(context) {
    let graph: DependencyGraph | undefined;
    for (const doc of context.documents) {
      if (doc.escapesRoot !== undefined) {
        context.report(doc, START_OF_FILE, `this file is a symlink to ${doc.escapesRoot}, outside the documents folder; it is not read`);
        continue;
      }
      const live = doc.meta.status !== 'retired';
      const name = doc.meta.id ?? doc.file;
      for (const reference of referencesOf(doc, context)) {
        const target = reference.target;
        if (reference.problem) context.report(doc, reference.at, reference.problem);
        // A retired document is no longer in force, and is left out of the manual: a live one must not send readers to it.
        else if (live && target && target !== doc && target.meta.status === 'retired') {
          context.report(doc, reference.at, `"${reference.text}" refers to ${target.meta.id ?? target.path}, which is retired: refer to what replaces it, or remove the reference`);
        }
      }
      for (const reference of listedReferences(doc, context)) {
        const { target } = reference;
        if (!target) {
          // A missing id in an SoA's documents is soa-reference's to say.
          if (reference.kind !== 'depends-on' || misspeltIds(context).has(reference.id)) continue;
          const ids = context.documents.flatMap((d) => (d.meta.id ? [d.meta.id] : []));
          const suggestion = closest(reference.id, ids);
          context.report(doc, reference.at, `depends_on names document ${reference.id}, which no document has${suggestion ? `; did you mean ${suggestion}?` : ''}`);
        } else if (live && target !== doc && target.meta.status === 'retired') {
          context.report(doc, reference.at, `${reference.list} names ${reference.id}, which is retired: name what replaces it, or remove it`);
        }
        if (reference.kind !== 'depends-on' || !target) continue;
        // Depending on oneself, or round a circle, leaves no version that the others were written against.
        if (target === doc) {
          context.report(doc, reference.at, `depends_on names ${reference.id}, this document itself: a document is not written against itself; remove it`);
          continue;
        }
        const back = dependencyPath((graph ??= dependencyGraph(context)), target, doc);
        if (!back) continue;
        const circle = [name, reference.id, ...back.map((step) => step.on.meta.id ?? step.on.file)].join(' -> ');
        const implicit = back.some((step) => step.implicit) ? '; an SoA and a risk register depend on the methodology' : '';
        context.report(
          doc,
          reference.at,
          `depends_on names ${reference.id}, which depends back on ${name} (${circle}${implicit}): documents cannot each be written against the other; keep the dependency one way`,
        );
      }
    }
  },
};
