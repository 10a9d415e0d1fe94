import { catalogOf } from '../catalog/catalog.js';
import { clausesOfRecord, coveredClause } from '../catalog/coverage.js';
import { isRecordKind } from '../records/records.js';
import { childPointer } from '../source/source-map.js';
import { readable, type Rule } from './rule.js';

/** "a competence record", "an internal-audit record". */
const aRecordOf = (kind: string) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} record`;

export const recordCovers: Rule = {
  id: 'record-covers',
  description: 'a record names in `covers` a clause its kind does not provide (a competence record provides 7.2, not 9.3.3)',
  defaultSeverity: 'warn',
  check(context) {
    const { standard } = context.config;
    const edition = catalogOf(standard).name;
    for (const doc of readable(context)) {
      const kind = doc.meta.record;
      const covers = doc.data?.['covers'];
      if (doc.meta.type !== 'record' || !isRecordKind(kind) || !Array.isArray(covers)) continue;
      const provides = clausesOfRecord(standard, kind);
      const what = provides.map((clause) => `${clause.id} (${clause.documented})`).join(', ') || 'no clause that requires documented information';
      covers.forEach((id, index) => {
        if (typeof id !== 'string') return;
        const found = coveredClause(standard, id);
        // A clause the edition does not know is mandatory-documents' to report.
        if (!found.ok || found.clause.record === kind) return;
        context.report(
          doc,
          doc.map.valueAt(childPointer('/covers', index)),
          `${doc.meta.id ?? doc.file} is ${aRecordOf(kind)}, which provides ${edition} ${what}, not ${id} (${found.clause.documented}): take ${id} out of its covers and name it in the covers of the document that provides it`,
        );
      });
    }
  },
};
