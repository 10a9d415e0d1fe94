import { childPointer } from '../source/source-map.js';
import { closest } from '../text/suggest.js';
import { readable, type Rule } from './rule.js';
import { isRecord } from '../text/is-record.js';

/** Every place a document names a role: owners, approvers, SoA control owners, risk owners and acceptors. */
function rolePointers(data: Record<string, unknown>): Array<{ pointer: string; role: unknown; what: string }> {
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
  return found;
}

export const unknownRole: Rule = {
  id: 'unknown-role',
  description: 'owner / approval.by / acceptance.by not a configured role',
  defaultSeverity: 'error',
  check(context) {
    const roles = Object.keys(context.config.roles);
    for (const doc of readable(context)) {
      for (const { pointer, role, what } of rolePointers(doc.data ?? {})) {
        if (typeof role !== 'string' || role === '' || roles.includes(role)) continue;
        const suggestion = closest(role, roles);
        context.report(doc, doc.map.valueAt(pointer), `${what} "${role}" is not a role of isms.config.yaml (${roles.join(', ')})${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
      }
    }
  },
};
