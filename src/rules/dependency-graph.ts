import type { SourceDocument } from '../documents/document.js';
import { listedReferences, ON_METHODOLOGY } from './references.js';
import { readable, type RuleContext } from './rule.js';

/** One document another depends on: named in its `depends_on`, or the methodology an SoA or a register depends on without saying so. */
export interface Dependency {
  on: SourceDocument;
  implicit: boolean;
}

export type DependencyGraph = ReadonlyMap<SourceDocument, readonly Dependency[]>;

/** What each document whose metadata could be read depends on (itself left out). */
export function dependencyGraph(context: RuleContext): DependencyGraph {
  const documents = readable(context);
  const methodologies = documents.filter((doc) => doc.meta.type === 'methodology' && doc.meta.status !== 'retired');
  return new Map(
    documents.map((doc) => {
      const explicit = listedReferences(doc, context).flatMap((reference) => (reference.kind === 'depends-on' && reference.target && reference.target !== doc ? [reference.target] : []));
      const implicit = doc.meta.type && ON_METHODOLOGY.has(doc.meta.type) ? methodologies.filter((on) => on !== doc && !explicit.includes(on)) : [];
      return [doc, [...new Set(explicit)].map((on) => ({ on, implicit: false })).concat(implicit.map((on) => ({ on, implicit: true })))];
    }),
  );
}

/** The shortest way from `from` to `to` along the dependencies, as the steps taken (none: `to` cannot be reached). */
export function dependencyPath(graph: DependencyGraph, from: SourceDocument, to: SourceDocument): Dependency[] | undefined {
  const cameBy = new Map<SourceDocument, { from: SourceDocument; step: Dependency } | null>([[from, null]]);
  const queue = [from];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const step of graph.get(next) ?? []) {
      if (cameBy.has(step.on)) continue;
      cameBy.set(step.on, { from: next, step });
      if (step.on === to) {
        const path: Dependency[] = [];
        for (let at = cameBy.get(to); at; at = cameBy.get(at.from)) path.unshift(at.step);
        return path;
      }
      queue.push(step.on);
    }
  }
  return undefined;
}
