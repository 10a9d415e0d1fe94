import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/documents/front-matter.js';
import { validate, type SchemaName } from '../../src/schema/validator.js';
import { runCli } from '../helpers/cli.js';
import { YamlLanguageServer } from '../helpers/yaml-language-server.js';

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const DOCS = path.resolve('isms-docs');
const NAMES = [
  'isms-config',
  'markdown-document',
  'metadata',
  'record-competence',
  'record-internal-audit',
  'record-management-review',
  'record-monitoring',
  'record-nonconformity',
  'record-objective',
  'risk-register',
  'statement-of-applicability',
  'yaml-document',
];
const SHIPPED: Record<string, SchemaName> = { 'isms-config': 'config', 'markdown-document': 'markdown', 'yaml-document': 'yaml', 'statement-of-applicability': 'soa', 'risk-register': 'riskRegister' };

/** What `isms schema <name>` prints, parsed. */
async function printed(name: string): Promise<Record<string, unknown>> {
  const run = await runCli(['schema', name], tmpdir());
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** Every controlled file of the bundled isms-docs/ with the schema an editor validates it by, and its data. */
function bundledFiles(): Array<{ file: string; schema: string; data: unknown }> {
  const files: Array<{ file: string; schema: string; data: unknown }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === '_site') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const data = parse(readFileSync(full, 'utf8')) as { type?: string; record?: string };
        const schema =
          entry.name === 'isms.config.yaml'
            ? 'isms-config'
            : data.type === 'soa'
              ? 'statement-of-applicability'
              : data.type === 'risk-register'
                ? 'risk-register'
                : data.type === 'record'
                  ? `record-${data.record}`
                  : 'yaml-document';
        files.push({ file: path.relative(DOCS, full), schema, data });
      } else if (entry.name.endsWith('.md')) {
        const split = splitFrontMatter(readFileSync(full, 'utf8'));
        if (split.kind === 'yaml') files.push({ file: path.relative(DOCS, full), schema: 'markdown-document', data: parse(split.yamlText) });
      }
    }
  };
  walk(DOCS);
  return files;
}

/** A strict ajv that knows nothing but the one schema it compiles: a reference it cannot resolve fails to compile. */
function alone(schema: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, loadSchema: undefined });
  addFormats.default(ajv, { mode: 'full', formats: ['date', 'email'] });
  return ajv.compile(schema);
}

describe('isms schema', () => {
  it('prints each shipped schema with every $ref local, and refuses an unknown name', async () => {
    for (const name of NAMES) {
      const text = JSON.stringify(await printed(name));
      const refs = [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!);
      expect(refs.every((ref) => ref.startsWith('#'))).toBe(true);
      expect(text).not.toContain('urn:isms:schema:metadata:v1#');
    }
    expect(await runCli(['schema', 'soa'], tmpdir())).toEqual({ code: 2, stdout: '', stderr: `isms: unknown schema "soa": use one of ${NAMES.join(', ')}\n` });
  });

  it('validates every bundled isms-docs file, each schema compiled alone by a strict validator that loads nothing', async () => {
    const files = bundledFiles();
    expect(files.map((f) => f.schema).sort()).toEqual([
      'isms-config',
      ...Array(7).fill('markdown-document'),
      'record-competence',
      'record-internal-audit',
      'record-management-review',
      'record-monitoring',
      'record-nonconformity',
      'record-objective',
      'risk-register',
      'statement-of-applicability',
    ]);
    for (const { file, schema, data } of files) {
      const check = alone(await printed(schema));
      expect({ file, valid: check(data), errors: check.errors ?? null }).toEqual({ file, valid: true, errors: null });
    }
  });

  it('accepts and refuses what isms itself accepts and refuses', async () => {
    const soa = bundledFiles().find((f) => f.schema === 'statement-of-applicability')!.data as Record<string, unknown> & { controls: Array<Record<string, unknown>> };
    const register = bundledFiles().find((f) => f.schema === 'risk-register')!.data as Record<string, unknown> & { risks: Array<Record<string, unknown>> };
    const cases: Array<[string, unknown]> = [
      ['statement-of-applicability', soa],
      ['statement-of-applicability', { ...soa, controls: [{ ...soa.controls[0], applicable: 'maybe' }] }],
      ['statement-of-applicability', { ...soa, titel: 'misspelt' }],
      ['risk-register', { ...register, risks: [{ ...register.risks[0], acceptance: { by: 'cto', date: '2024-02-30', expires: '2027-01-01' } }] }],
      ['risk-register', { ...register, version: 1 }],
      ['markdown-document', { id: 'DOC-A5', title: 'T', type: 'policy', owner: 'ciso', classification: 'internal', status: 'draft', version: '0.1' }],
      ['markdown-document', { id: 'DOC-A5', title: 'T', type: 'policy', owner: 'ciso', classification: 'internal', status: 'draft', version: '0.1', clasification: 'x' }],
    ];
    for (const [name, data] of cases) {
      const editor = alone(await printed(name))(data);
      expect({ name, data, editor }).toEqual({ name, data, editor: validate(SHIPPED[name]!, data).length === 0 });
    }
    // The control: both refuse the five broken cases (a non-boolean, a misspelt key twice, an impossible date, a number as version).
    expect(cases.map(([name, data]) => validate(SHIPPED[name]!, data).length === 0)).toEqual([true, false, false, false, false, true, false]);
  });
});

describe('editor validation with yaml-language-server', () => {
  const server = new YamlLanguageServer();
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'isms-editor-'));
    await server.start(dir);
  }, 30_000);
  afterAll(() => {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing wrong with the files isms init writes, through the modelines it writes', async () => {
    const init = await runCli(['init', 'docs'], dir);
    expect(init.code).toBe(0);
    for (const file of ['isms.config.yaml', 'statement-of-applicability.yaml', 'risk/register.yaml']) {
      const full = path.join(dir, 'docs', file);
      const text = readFileSync(full, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)?\.isms\/schemas\/[a-z-]+\.schema\.json$/);
      expect({ file, diagnostics: await server.diagnose(full, text) }).toEqual({ file, diagnostics: [] });
    }
  });

  it('gives a YAML document isms new adds the modeline of its schema, which the editor loads', async () => {
    const run = await runCli(['new', 'risk-register', 'DOC-RR2', '--title', 'Supplier risks'], path.join(dir, 'docs'));
    expect(run.code).toBe(0);
    const full = path.join(dir, 'docs', 'risk', 'supplier-risks.yaml');
    const text = readFileSync(full, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../.isms/schemas/risk-register.schema.json');
    expect(await server.diagnose(full, text)).toEqual([]);
    expect((await server.diagnose(path.join(dir, 'docs', 'risk', 'edited-supplier-risks.yaml'), text.replace('risks: []', 'risks: {}'))).map((d) => d.message)).toContain(
      'Incorrect type. Expected "array".',
    );
  });

  it('shows the mistakes in a file isms init wrote, once it is edited wrongly', async () => {
    const full = path.join(dir, 'docs', 'statement-of-applicability.yaml');
    const text = readFileSync(full, 'utf8').replace('applicable: true', 'applicable: maybe').replace('title: Statement of Applicability', 'titel: Statement of Applicability');
    const diagnostics = await server.diagnose(path.join(dir, 'docs', 'edited-soa.yaml'), text);
    expect(diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining(['Incorrect type. Expected "boolean".', 'Property titel is not allowed.', 'Missing property "title".']));
    const register = readFileSync(path.join(dir, 'docs', 'risk', 'register.yaml'), 'utf8')
      .replace("version: '0.1'", 'version: 0.1')
      .replace('version: "0.1"', 'version: 0.1');
    const registerDiagnostics = await server.diagnose(path.join(dir, 'docs', 'risk', 'edited-register.yaml'), register);
    expect(registerDiagnostics.map((d) => d.message)).toContain('Incorrect type. Expected "string".');
  });

  it('validates every bundled isms-docs YAML file against the printed schemas, with nothing to report', async () => {
    const schemas = path.join(dir, 'bundled', '.isms', 'schemas');
    mkdirSync(schemas, { recursive: true });
    for (const name of NAMES) writeFileSync(path.join(schemas, `${name}.schema.json`), (await runCli(['schema', name], dir)).stdout);
    const yamlFiles = bundledFiles().filter((f) => f.schema !== 'markdown-document');
    expect(yamlFiles).toHaveLength(9);
    for (const { file, schema } of yamlFiles) {
      const full = path.join(dir, 'bundled', file);
      mkdirSync(path.dirname(full), { recursive: true });
      const modeline = `# yaml-language-server: $schema=${path.posix.relative(path.posix.dirname(file), `.isms/schemas/${schema}.schema.json`)}`;
      const text = readFileSync(path.join(DOCS, file), 'utf8').replace(/^# yaml-language-server: .*\n/, '');
      expect({ file, diagnostics: await server.diagnose(full, `${modeline}\n${text}`) }).toEqual({ file, diagnostics: [] });
    }
  });

  it('cannot load the shipped schemas by their urn references: why editors need the printed ones', async () => {
    const full = path.join(dir, 'raw', 'statement-of-applicability.yaml');
    mkdirSync(path.dirname(full), { recursive: true });
    const text = readFileSync(path.join(DOCS, 'statement-of-applicability.yaml'), 'utf8').replace(
      /^# yaml-language-server: .*\n/,
      `# yaml-language-server: $schema=${path.resolve('schemas/statement-of-applicability.schema.json')}\n`,
    );
    const diagnostics = await server.diagnose(full, text);
    expect(diagnostics.map((d) => d.message).join('\n')).toContain("Problems loading reference 'urn:isms:schema:metadata:v1");
  });
});
