// Rewrites the rule table of README.md from the registry (`isms rules --format md`).
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../dist/cli/rules-command.js';
import { RULES } from '../dist/rules/index.js';

const readme = readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync('README.md', `${before}\n${rulesMarkdown(RULES)}${after}`);
