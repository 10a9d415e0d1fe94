import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { soaYaml } from '../helpers/domain.js';
import { BASE_CONFIG } from '../helpers/workspace.js';

const WW1 =
  '  - { control: "WW-1", title: Client data returned at contract end, source: Wacky Widget client contracts, applicable: true, reasons: [contractual], justification: Clients require it, implementation: implemented, owner: ciso }';
const WW2 = '  - { control: "WW-2", title: Paper archive, source: Wacky Widget client contracts, applicable: false, justification: "No client has asked for a paper archive since 2019." }';

describe('controls from other sources in the SoA', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const workspace = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-sources-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'isms.config.yaml'), BASE_CONFIG);
    writeFileSync(path.join(dir, 'soa.yaml'), soaYaml({ append: [WW1, WW2] }));
    return dir;
  };

  it('validates, and isms status counts them apart from Annex A', async () => {
    const dir = workspace();
    expect((await runCli(['validate', '--no-git'], dir)).code).toBe(0);
    const status = JSON.parse((await runCli(['status', '--no-git', '--format', 'json'], dir)).stdout);
    expect(status.soa[0]).toMatchObject({ catalogue: 93, decided: 93, applicable: 93, excluded: 0, otherSources: { applicable: 1, excluded: 1 } });
    expect((await runCli(['status', '--no-git'], dir)).stdout).toContain('93 applicable, 0 excluded, 0 undecided of 93; from other sources: 1 applicable, 1 excluded');
  });

  it('shows them on the SoA page as a group of their own, with their source', async () => {
    const dir = workspace();
    expect((await runCli(['build', '--html'], dir)).code).toBe(0);
    const page = readFileSync(path.join(dir, '_site', 'DOC-SOA.html'), 'utf8');
    expect(page).toContain('ISO/IEC 27001:2022 Annex A: 93 controls applicable, 0 excluded; controls from other sources: 1 applicable, 1 excluded.');
    const group = page.slice(page.indexOf('<h2>Controls from other sources</h2>'));
    expect(group).toContain('<td class="id">WW-1</td><td>Client data returned at contract end (source: Wacky Widget client contracts)</td>');
    expect(group).toContain('<td class="id">WW-2</td>');
  });

  it('exports them after the 93 controls of Annex A, with their source as their theme, counted apart in the summary', async () => {
    const dir = workspace();
    const run = await runCli(['export', 'soa', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.rows).toHaveLength(95);
    expect(json.rows.slice(93).map((row: Record<string, unknown>) => [row['control'], row['theme'], row['title'], row['applicable'], row['implementation']])).toEqual([
      ['WW-1', 'Other source: Wacky Widget client contracts', 'Client data returned at contract end', 'yes', 'implemented'],
      ['WW-2', 'Other source: Wacky Widget client contracts', 'Paper archive', 'no', null],
    ]);
    const byTheme = json.summary[0].rows;
    expect(byTheme.at(-2)[0]).toBe('Total');
    expect(byTheme.at(-1)).toEqual(['Controls from other sources', 2, 1, 1, 0, 1, 0, 0, 0, 0]);
  });
});
