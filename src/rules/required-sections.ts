import { requiredSectionsFor } from '../config/config.js';
import { sectionName } from '../text/section-name.js';
import { readable, type Rule } from './rule.js';

export const requiredSections: Rule = {
  id: 'required-sections',
  description: 'headings required for the document type',
  defaultSeverity: 'error',
  check(context) {
    for (const doc of readable(context)) {
      const type = doc.meta.type;
      const required = type ? requiredSectionsFor(context.config, type) : undefined;
      if (!required || !doc.markdown) continue;
      const present = new Set(doc.markdown.headings.map((h) => sectionName(h.text)));
      for (const section of required) {
        if (!present.has(sectionName(section))) {
          context.report(doc, doc.map.valueAt('/type'), `a ${type} needs a section "${section}" (required_sections in isms.config.yaml)`);
        }
      }
    }
  },
};
