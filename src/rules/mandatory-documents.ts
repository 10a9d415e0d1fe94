import { catalogOf } from '../catalog/catalog.js';
import { clauseCoverage } from '../catalog/coverage.js';
import { configKeyAt } from '../config/config.js';
import type { Rule } from './rule.js';

export const mandatoryDocuments: Rule = {
  id: 'mandatory-documents',
  description: 'with `mandatory_documents: true`: a clause of the standard that requires documented information, covered by no live document (`covers`)',
  defaultSeverity: 'error',
  check(context) {
    const { config } = context;
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
