import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../../src/cli/rules-command.js';
import { RULES } from '../../src/rules/index.js';
import { RULES_DOCUMENTED_AT, ruleAnchor, ruleDocsUrl } from '../../src/rules/catalogue.js';
import { runCli } from '../helpers/cli.js';

describe('isms rules', () => {
  it('lists every rule with its default severity', async () => {
    const run = await runCli(['rules'], '.');
    expect(run.code).toBe(0);
    for (const rule of RULES) expect(run.stdout).toMatch(new RegExp(`^${rule.id}\\s+(error|warn)\\s`, 'm'));
  });

  it('prints the catalogue as JSON', async () => {
    const run = await runCli(['rules', '--format', 'json'], '.');
    const { rules } = JSON.parse(run.stdout);
    expect(rules[0]).toEqual({
      id: 'parse-error',
      description: 'unreadable file, path not UTF-8, malformed YAML or front matter, non-YAML front matter',
      default: 'error',
      ...(RULES_DOCUMENTED_AT === undefined ? {} : { url: `${RULES_DOCUMENTED_AT}#rule-parse-error` }),
    });
    expect(rules).toHaveLength(RULES.length);
  });

  it('keeps the README rule table identical to `isms rules --format md`', async () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const start = readme.indexOf('<!-- rules:start -->');
    const end = readme.indexOf('<!-- rules:end -->');
    expect(start, 'README has the rules markers').toBeGreaterThan(-1);
    const table = readme.slice(start + '<!-- rules:start -->'.length, end).trim() + '\n';
    expect(table).toBe(rulesMarkdown(RULES));
    expect((await runCli(['rules', '--format', 'md'], '.')).stdout).toBe(rulesMarkdown(RULES));
  });

  it('gives each rule an anchor on its row of the README table, and a URL to it only when the package names its home page', async () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { homepage?: string };
    const { rules } = JSON.parse((await runCli(['rules', '--format', 'json'], '.')).stdout) as { rules: Array<{ id: string; url?: string }> };
    for (const rule of rules) {
      expect(readme.match(new RegExp(`^\\| <a name="${ruleAnchor(rule.id)}"></a>\`([a-z-]+)\``, 'm'))?.[1], `README row with the anchor ${ruleAnchor(rule.id)}`).toBe(rule.id);
      // Never a link to a page that may not exist: without a home page, no URL at all.
      expect(rule.url).toBe(pkg.homepage === undefined ? undefined : `${pkg.homepage}#${ruleAnchor(rule.id)}`);
    }
    expect(ruleDocsUrl('schema', 'https://isms.example/docs')).toBe('https://isms.example/docs#rule-schema');
  });

  it('lists, once built, exactly the rules of the registry, in its order', () => {
    const built = path.resolve('dist/rules/catalogue.json');
    expect(existsSync(built), 'npm run build writes dist/rules/catalogue.json').toBe(true);
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity })));
  });
});
