import { catalogOf } from '../catalog/catalog.js';
import { clauseCoverage, coveredClause } from '../catalog/coverage.js';
import { configKeyAt } from '../config/config.js';
import { isClauseId } from '../documents/document-schema.js';
import { childPointer } from '../source/source-map.js';
import { readable, type Rule } from './rule.js';

export const mandatoryDocuments: Rule = {
  id: 'mandatory-documents',
  description:
    'a `covers` entry that is no clause of the configured edition requiring documented information (`9.9`); with `mandatory_documents: true`: a clause of the standard that requires documented information, covered by no live document (`covers`)',
  defaultSeverity: 'error',
  check(context) {
    const { config } = context;
    for (const doc of readable(context)) {
      const covers = doc.data?.['covers'];
      if (!Array.isArray(covers)) continue;
      covers.forEach((id, index) => {
        if (typeof id !== 'string' || !isClauseId(id)) return; // the schema reports it
        const found = coveredClause(config.standard, id);
        if (!found.ok) context.report(doc, doc.map.valueAt(childPointer('/covers', index)), found.message);
      });
    }
    if (!config.mandatoryDocuments) return;
    const at = configKeyAt(config, '/mandatory_documents');
    const edition = catalogOf(config.standard).name;
    for (const { clause, live, retired } of clauseCoverage(context.documents, config)) {
      if (live.length > 0) continue;
      const only = retired.length > 0 ? ` (only retired documents name it: ${retired.map((doc) => doc.meta.id ?? doc.file).join(', ')})` : '';
      context.reportFile(
        context.configFile,
        at,
        `${edition} ${clause.id} ${clause.title} requires documented information (${clause.documented}), and no live document covers it${only}: add "${clause.id}" to the covers of the document that provides it`,
      );
    }
  },
};
