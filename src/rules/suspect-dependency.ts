import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../documents/document.js';
import { childPointer } from '../source/source-map.js';
import { shortHash } from '../git/log-parser.js';
import { judgeApproval, lastSignOff, revisionHeldBy } from '../git/model.js';
import { ON_METHODOLOGY } from './references.js';
import { readable, type Rule } from './rule.js';

/** What a document depends on: its `depends_on`, and for an SoA or a register the methodology, with where each is said. */
function dependencies(doc: SourceDocument, byId: ReadonlyMap<string, SourceDocument>, methodologies: readonly SourceDocument[]): Array<{ on: SourceDocument; at: Range }> {
  const found = new Map<SourceDocument, Range>();
  (doc.meta.dependsOn ?? []).forEach((id, index) => {
    const on = byId.get(id);
    if (on && on !== doc && !found.has(on)) found.set(on, doc.map.valueAt(childPointer('/depends_on', index)));
  });
  if (doc.meta.type && ON_METHODOLOGY.has(doc.meta.type)) for (const on of methodologies) if (!found.has(on)) found.set(on, doc.map.valueAt('/type'));
  return [...found].map(([on, at]) => ({ on, at }));
}

export const suspectDependency: Rule = {
  id: 'suspect-dependency',
  description:
    'approved (or last reviewed) against an older version of a document it depends on (`depends_on`; an SoA and a risk register depend on the methodology), proven from git: only valid approvals and reviews count, on both sides',
  defaultSeverity: 'warn',
  check(context) {
    const git = context.git;
    const graph = git?.graph;
    if (!git || git.status.kind !== 'ok' || !graph) return;
    const documents = readable(context);
    const byId = new Map<string, SourceDocument>();
    for (const doc of documents) if (doc.meta.id && !byId.has(doc.meta.id)) byId.set(doc.meta.id, doc);
    const methodologies = documents.filter((doc) => doc.meta.type === 'methodology' && doc.meta.status !== 'retired');
    const held = new Map<string, Set<string>>();
    for (const doc of documents) {
      if (doc.meta.status !== 'approved') continue;
      const depends = dependencies(doc, byId, methodologies);
      if (depends.length === 0) continue;
      const evidence = git.document(doc);
      // Only a valid sign-off checked the document against anything (the approval rules report the others).
      const signOff = evidence ? lastSignOff(git, evidence, doc, context.config, context.asOf) : undefined;
      if (!signOff) continue;
      // What the sign-off commit holds: its ancestors, worked out once per commit and only when needed.
      const { commit } = signOff.revision;
      let ancestors = held.get(commit.hash);
      if (!ancestors) held.set(commit.hash, (ancestors = graph.ancestors([commit.hash])));
      const name = doc.meta.id ?? doc.file;
      for (const { on, at } of depends) {
        // Only a version in force counts: a dependency being redrafted, or whose approval is not valid, has nothing to review against yet.
        const now = on.meta.version;
        const onEvidence = git.document(on);
        if (now === undefined || !onEvidence || !judgeApproval(git, onEvidence, on, context.config, context.asOf)?.valid) continue;
        const then = revisionHeldBy(onEvidence, ancestors);
        if (then?.facts.version === now) continue;
        const became = onEvidence.revisions.find((revision) => !ancestors.has(revision.commit.hash) && revision.facts.version === now);
        const onName = on.meta.id ?? on.file;
        const since = became ? `since ${shortHash(became.commit)}` : 'in uncommitted changes';
        const when = then ? `when ${onName} was ${then.facts.version ?? 'without a version'}` : `before ${onName} existed`;
        const version = signOff.revision.facts.version ? ` ${signOff.revision.facts.version}` : '';
        context.report(doc, at, `${name}${version} was ${signOff.act === 'reviewed' ? 'last reviewed' : 'approved'} ${when}; ${onName} is ${now} ${since}: review ${name}`);
      }
    }
  },
};
