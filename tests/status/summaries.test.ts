import { describe, expect, it } from 'vitest';
import { buildPublication } from '../../src/render/publication.js';
import { buildStatus } from '../../src/status/status.js';
import { registerYaml, risk, RISK_CONFIG, soaYaml } from '../helpers/domain.js';
import { BASE_CONFIG, configFrom, workspaceFrom } from '../helpers/workspace.js';

const VALIDATION = { documents: 1, errors: 0, warnings: 0 };

/** What the status report and the publication say of a workspace's SoA and register. */
function both(files: Record<string, string>, config: string) {
  const workspace = workspaceFrom(files, configFrom(config));
  const status = buildStatus(workspace, '2026-06-01', VALIDATION);
  const publication = buildPublication(workspace, undefined, { buildTime: '2026-06-01T00:00:00.000Z', asOf: '2026-06-01' });
  const published = (id: string) => publication.documents.find((d) => d.id === id)!;
  return { status, published };
}

describe('the SoA and risk summaries of status and publications', () => {
  it('reads an SoA without a standard of its own in the configuration edition, in status and in the publication alike', () => {
    const soa = soaYaml({ standard: 'iso27001-2013', replace: { '5.1.1': '  - { control: "5.1.1", applicable: false, justification: Not needed }' } }).replace('standard: iso27001-2013\n', '');
    const { status, published } = both({ 'soa.yaml': soa }, `${BASE_CONFIG}standard: iso27001-2013\n`);
    expect(status.soa).toEqual([expect.objectContaining({ standard: 'iso27001-2013', catalogue: 114, applicable: 113, excluded: 1 })]);
    const view = published('DOC-SOA').soa!;
    expect(view.standard).toBe('ISO/IEC 27001:2013');
    expect({ applicable: view.applicable, excluded: view.excluded }).toEqual({ applicable: 113, excluded: 1 });
    expect(view.themes[0]!.controls[0]).toMatchObject({ control: '5.1.1', applicable: false, justification: 'Not needed' });
  });

  it('counts a control listed twice once, by its first entry, in status and in the publication alike', () => {
    const soa = soaYaml({ append: ['  - { control: "5.1", applicable: false, justification: Listed again }'] });
    const { status, published } = both({ 'soa.yaml': soa }, BASE_CONFIG);
    expect(status.soa[0]).toMatchObject({ decided: 93, applicable: 93, excluded: 0 });
    const view = published('DOC-SOA').soa!;
    expect({ applicable: view.applicable, excluded: view.excluded }).toEqual({ applicable: 93, excluded: 0 });
    expect(view.themes.flatMap((theme) => theme.controls).filter((row) => row.control === '5.1')).toEqual([expect.objectContaining({ applicable: true })]);
  });

  it('rates each risk once: status counts by level what the heat maps place by cell', () => {
    const register = registerYaml([
      risk(),
      risk({ id: 'R-002', likelihood: '1', impact: '1', treatment: 'retain', residual: '', controls: '' }),
      risk({ id: 'R-003', treatment: 'avoid', residual: '', controls: '' }),
    ]);
    const { status, published } = both({ 'register.yaml': register }, RISK_CONFIG);
    expect(status.risks[0]).toMatchObject({
      total: 3,
      inherent: { low: 1, medium: 0, high: 0, critical: 2 },
      residual: { low: 1, medium: 1, high: 0, critical: 0 },
      treatments: { modify: 1, retain: 1, avoid: 1, share: 0 },
    });
    const view = published('DOC-RR').risks!;
    const cells = (grid: number[][]) => grid.flatMap((row, l) => row.flatMap((count, i) => (count > 0 ? [`${l + 1}x${i + 1}:${count}`] : [])));
    expect(cells(view.inherent)).toEqual(['1x1:1', '4x5:2']);
    expect(cells(view.residual)).toEqual(['1x1:1', '2x4:1']);
    expect(view.risks.map((row) => row.residual?.levelName ?? null)).toEqual(['medium', 'low', null]);
  });
});
