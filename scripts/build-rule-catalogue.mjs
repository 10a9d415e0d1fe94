// Writes dist/rules/catalogue.json from the rule registry, so that `isms rules` lists the rules
// without loading them (a test compares the two).
import { writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';

const catalogue = RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));
writeFileSync(new URL('../dist/rules/catalogue.json', import.meta.url), `${JSON.stringify(catalogue, null, 2)}\n`);
