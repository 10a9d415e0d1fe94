import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { catalogOf } from '../../src/catalog/catalog.js';
import { todayIso } from '../../src/text/dates.js';
import { runCli } from '../helpers/cli.js';
import { CISO, TestRepo, WRITER, type Person } from '../helpers/git-repo.js';

interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

const as = (repo: TestRepo, person: Person) => {
  repo.git(['config', 'user.name', person.name]);
  repo.git(['config', 'user.email', person.email]);
  return repo;
};

/** The 1-based lines of `text` holding `needle`. */
const linesOf = (text: string, needle: string) => text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));

describe('a certifiable skeleton: isms init, then validate, then approval', () => {
  const repos: TestRepo[] = [];
  afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

  /** isms init in a repository, the CISO made a member, the drafts committed by the writer today. */
  async function initialised(): Promise<{ repo: TestRepo; docs: string }> {
    const repo = as(new TestRepo(), WRITER);
    repos.push(repo);
    expect((await runCli(['init', '--organization', 'Acme'], repo.dir)).code).toBe(0);
    const docs = path.join(repo.dir, 'isms-docs');
    const configFile = path.join(docs, 'isms.config.yaml');
    const config = parse(readFileSync(configFile, 'utf8'));
    config.roles.ciso.members = [CISO];
    writeFileSync(configFile, stringify(config));
    repo.commit('isms init', WRITER, todayIso());
    return { repo, docs };
  }

  async function validate(repo: TestRepo): Promise<{ code: number; summary: { documents: number; errors: number; warnings: number }; findings: Finding[] }> {
    const run = await runCli(['validate', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout);
    return { code: run.code, summary: report.summary, findings: report.diagnostics };
  }

  it('scaffolds drafts that cover every clause that requires documented information, with records due yearly from the first commit', async () => {
    const { repo, docs } = await initialised();
    const config = parse(readFileSync(path.join(docs, 'isms.config.yaml'), 'utf8'));
    expect(config.mandatory_documents).toBe(true);
    expect(config.records).toEqual({ 'management-review': { every_months: 12 }, 'internal-audit': { every_months: 12 } });
    expect(await validate(repo)).toEqual({ code: 0, summary: { documents: 11, errors: 0, warnings: 0 }, findings: [] });
    const status = JSON.parse((await runCli(['status', '--format', 'json'], repo.dir)).stdout);
    const uncovered = status.coverage.clauses.filter((c: { documents: string[] }) => c.documents.length === 0);
    expect(uncovered).toEqual([]);
    expect(status.coverage.clauses.map((c: { clause: string }) => c.clause)).toEqual(catalogOf('iso27001-2022').mandatoryClauses.map((c) => c.id));
  });

  it('prompts climate change in the context of the organisation (4.1) and the interested parties (4.2)', async () => {
    const { docs } = await initialised();
    const manual = readFileSync(path.join(docs, 'manual.md'), 'utf8');
    const context = manual.slice(manual.indexOf('## Context of the organization'), manual.indexOf('## Information security policy'));
    expect(context).toMatch(/4\.1\), and whether climate change is one/);
    expect(context).toMatch(/## Interested parties\n\n_.*requirements related to climate change \(ISO\/IEC 27001 4\.2\)\._/);
  });

  it('refuses to approve a draft still full of prompts, naming each prompt line', async () => {
    const { repo, docs } = await initialised();
    const file = path.join(docs, 'risk', 'methodology.md');
    expect((await runCli(['version', 'DOC-RM', '--details', 'For approval', '--major'], repo.dir)).code).toBe(0);
    repo.commit('DOC-RM 1.0 for review', WRITER, todayIso());
    as(repo, CISO);
    const text = readFileSync(file, 'utf8');
    const run = await runCli(['approve', 'DOC-RM'], repo.dir);
    expect(run.code).toBe(2);
    const prompts = ['What this methodology is for', 'The likelihood and impact scales', 'Which residual levels the risk owner may accept', 'The treatment options', 'When risks are reassessed'];
    expect(run.stderr.split('\n')[0]).toBe(`isms: DOC-RM is not approved: it still has ${prompts.length} placeholders (placeholder)`);
    for (const prompt of prompts) {
      expect(run.stderr).toContain(`isms-docs/risk/methodology.md:${linesOf(text, prompt)[0]}:1: the template prompt "${prompt}`);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(repo.git(['log', '--format=%s', '-n', '1']).trim()).toBe('DOC-RM 1.0 for review');
  });

  it('reports a prompt left in an approved document at its line, and a TBD the author wrote', async () => {
    const { repo, docs } = await initialised();
    const file = path.join(docs, 'policies', 'information-security-policy.md');
    const written = readFileSync(file, 'utf8')
      .replace('_Why this policy exists._', 'To protect the information of Acme and of its clients.')
      .replace('_Whom and what it covers._', 'Everyone who works for Acme, and every system.')
      .replace('_What the organisation commits to._', 'Acme protects confidentiality, integrity and availability.')
      .replace('_The information security objectives this policy sets the framework for._', 'Objectives: TBD');
    writeFileSync(file, written.replace('status: draft', 'status: approved\napproval: { by: ceo, name: R. Adeyemi, date: 2026-01-01 }'));
    const placeholders = (await validate(repo)).findings.filter((f) => f.rule === 'placeholder');
    const approved = readFileSync(file, 'utf8');
    expect(placeholders.map((f) => `${f.line} ${f.message.split(':')[0]}`)).toEqual([
      `${linesOf(approved, 'Objectives: TBD')[0]} placeholder "TBD" in an approved document`,
      `${linesOf(approved, '_Who does what under this policy._')[0]} the template prompt "Who does what under this policy." is still in an approved document`,
    ]);
  });

  it('makes a skeleton of 2013 whose covers use the clause numbers of 2013', async () => {
    const repo = as(new TestRepo(), WRITER);
    repos.push(repo);
    await runCli(['init', '--standard', 'iso27001-2013'], repo.dir);
    const run = await runCli(['validate', '--no-git', '--format', 'json'], repo.dir);
    expect(JSON.parse(run.stdout).summary).toEqual({ documents: 11, errors: 0, warnings: 0 });
    expect(parse(readFileSync(path.join(repo.dir, 'isms-docs', 'records', 'nonconformity-log.yaml'), 'utf8')).covers).toEqual(['10.1']);
  });
});
