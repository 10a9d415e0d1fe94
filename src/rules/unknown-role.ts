import { childPointer } from '../source/source-map.js';
import { closest } from '../text/suggest.js';
import { readable, type Rule } from './rule.js';
import { isRecord } from '../text/is-record.js';

/**
 * Every place a document names a role: owners, approvers, SoA control owners, risk owners and
 * acceptors, and in records the owners of nonconformities, objectives and review decisions and the
 * roles of competence entries.
 */
function rolePointers(data: Record<string, unknown>, type: string | undefined): Array<{ pointer: string; role: unknown; what: string }> {
  const found = [
    { pointer: '/owner', role: data['owner'], what: 'owner' },
    { pointer: '/approval/by', role: isRecord(data['approval']) ? data['approval']['by'] : undefined, what: 'approval.by' },
  ];
  const each = (key: string, visit: (item: Record<string, unknown>, pointer: string, index: number) => void) => {
    const list = data[key];
    if (Array.isArray(list)) list.forEach((item, index) => isRecord(item) && visit(item, childPointer(`/${key}`, index), index));
  };
  each('controls', (item, pointer, index) => found.push({ pointer: `${pointer}/owner`, role: item['owner'], what: `controls[${index}].owner` }));
  each('risks', (item, pointer, index) => {
    found.push({ pointer: `${pointer}/owner`, role: item['owner'], what: `risks[${index}].owner` });
    const acceptance = item['acceptance'];
    if (isRecord(acceptance)) found.push({ pointer: `${pointer}/acceptance/by`, role: acceptance['by'], what: `risks[${index}].acceptance.by` });
  });
  if (type === 'record') {
    for (const [key, field] of [
      ['entries', 'owner'],
      ['entries', 'role'],
      ['objectives', 'owner'],
      ['decisions', 'owner'],
    ] as const) {
      each(key, (item, pointer, index) => {
        if (item[field] !== undefined) found.push({ pointer: `${pointer}/${field}`, role: item[field], what: `${key}[${index}].${field}` });
      });
    }
  }
  return found;
}

export const unknownRole: Rule = {
  id: 'unknown-role',
  description: 'owner / approval.by / acceptance.by (and the owners and roles a record names) not a configured role',
  defaultSeverity: 'error',
  check(context) {
    const roles = Object.keys(context.config.roles);
    for (const doc of readable(context)) {
      for (const { pointer, role, what } of rolePointers(doc.data ?? {}, doc.meta.type)) {
        if (typeof role !== 'string' || role === '' || roles.includes(role)) continue;
        const suggestion = closest(role, roles);
        context.report(doc, doc.map.valueAt(pointer), `${what} "${role}" is not a role of isms.config.yaml (${roles.join(', ')})${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
      }
    }
  },
};
