import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.js';

const BIN = path.resolve('bin/isms.js');
const RECORDER = path.resolve('tests/helpers/record-modules.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'isms-modules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The modules the built executable imports for one command (as URLs), and its exit code. */
function modulesLoadedBy(args: string[], cwd = '.'): { code: number | null; modules: string[] } {
  const file = path.join(scratch, `${args.join('-').replace(/[^a-z-]/gi, '')}.txt`);
  const run = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ISMS_DEBUG: '', ISMS_RECORD_MODULES: file } });
  return { code: run.status, modules: readFileSync(file, 'utf8').split('\n').filter(Boolean) };
}

const packagesIn = (modules: string[]) => new Set(modules.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
const ownIn = (modules: string[], folder: string) => modules.filter((url) => url.includes(`/dist/${folder}/`));

const PARSERS = ['yaml', 'markdown-it', 'ajv', 'ajv-formats'];
const PUBLISHING = ['unified', 'remark-parse', 'remark-gfm', 'remark-rehype', 'rehype-sanitize', 'rehype-slug', 'rehype-stringify', 'handlebars', 'pdfmake'];
const WORKBOOKS = ['exceljs', 'jszip'];

describe('what a command loads', () => {
  it('prints the version without loading a parser, git, the rules or the renderers', () => {
    const { code, modules } = modulesLoadedBy(['--version']);
    expect(code).toBe(0);
    expect([...packagesIn(modules)]).toEqual(['commander']);
    for (const folder of ['documents', 'git', 'rules', 'schema', 'render', 'engine']) expect(ownIn(modules, folder)).toEqual([]);
  });

  it('lists the rules without loading them, the parsers, the schemas or the renderers', () => {
    const { code, modules } = modulesLoadedBy(['rules']);
    expect(code).toBe(0);
    // The catalogue the build wrote: no rule is loaded to list them.
    expect(ownIn(modules, 'rules').map((url) => path.basename(url))).toEqual(['catalogue.js']);
    for (const name of [...PARSERS, ...PUBLISHING]) expect(packagesIn(modules)).not.toContain(name);
    expect(ownIn(modules, 'render')).toEqual([]);
  });

  it('validates without loading the renderers or the workbook writer', () => {
    const { code, modules } = modulesLoadedBy(['validate', '--no-git', '--as-of', '2026-06-01'], fixture('clean'));
    expect(code).toBe(0);
    expect(packagesIn(modules)).toContain('markdown-it');
    for (const name of [...PUBLISHING, ...WORKBOOKS]) expect(packagesIn(modules)).not.toContain(name);
    expect(ownIn(modules, 'render')).toEqual([]);
    expect(ownIn(modules, 'export')).toEqual([]);
  });

  it('prints the status without loading the renderers or the workbook writer', () => {
    const { code, modules } = modulesLoadedBy(['status', '--no-git', '--as-of', '2026-06-01'], fixture('clean'));
    expect(code).toBe(0);
    for (const name of [...PUBLISHING, ...WORKBOOKS]) expect(packagesIn(modules)).not.toContain(name);
    expect(ownIn(modules, 'render')).toEqual([]);
  });

  it('writes a workbook with its own writer, loading neither exceljs nor a zip library, nor the renderers', () => {
    const csv = modulesLoadedBy(['export', 'register', '--format', 'csv'], fixture('clean'));
    expect(csv.code).toBe(0);
    for (const name of [...PUBLISHING, ...WORKBOOKS]) expect(packagesIn(csv.modules)).not.toContain(name);
    const xlsx = modulesLoadedBy(['export', 'register', '--output', path.join(scratch, 'register.xlsx')], fixture('clean'));
    expect(xlsx.code).toBe(0);
    expect(ownIn(xlsx.modules, 'export/workbook').map((url) => path.basename(url))).toContain('write-workbook.js');
    for (const name of [...PUBLISHING, ...WORKBOOKS]) expect(packagesIn(xlsx.modules)).not.toContain(name);
    expect(ownIn(xlsx.modules, 'render')).toEqual([]);
  });
});
