import { catalogOf } from '../../src/catalog/catalog.js';
import { BASE_CONFIG } from './workspace.js';

/** The risk method of the examples (5x5, multiply), as a `risk:` block of a configuration. */
export const RISK_METHOD = `risk:
  likelihood: [Rare, Unlikely, Possible, Likely, Almost certain]
  impact: [Negligible, Minor, Moderate, Major, Severe]
  scoring: multiply
  levels: [{ name: low, max: 4 }, { name: medium, max: 9 }, { name: high, max: 15 }, { name: critical, max: 25 }]
  acceptable: medium
  escalation: ceo
`;

export const RISK_CONFIG = `${BASE_CONFIG}${RISK_METHOD}`;

const HEADER = (type: string, standard: string, listKey: string) => `id: ${type === 'soa' ? 'DOC-SOA' : 'DOC-RR'}
title: Test
type: ${type}
standard: ${standard}
owner: ciso
classification: internal
status: draft
version: "0.1"
versions: [{ version: "0.1", date: 2026-01-01, author: A, details: B }]
${listKey}:
`;

/** Lines before the first list item of `soaYaml` and `registerYaml`. */
export const FIRST_ITEM_LINE = 11;

/**
 * A Statement of Applicability with every control of the edition, one control per line (line
 * FIRST_ITEM_LINE + index), each valid; `replace` swaps entries by control id (null drops one),
 * `append` adds lines at the end.
 */
export function soaYaml(options: { standard?: 'iso27001-2022' | 'iso27001-2013'; replace?: Record<string, string | null>; append?: string[] } = {}): string {
  const standard = options.standard ?? 'iso27001-2022';
  const lines = catalogOf(standard).controls.flatMap((control) => {
    const replaced = options.replace?.[control.id];
    if (replaced === null) return [];
    return [replaced ?? `  - { control: "${control.id}", applicable: true, reasons: [risk], justification: Needed, implementation: implemented, owner: ciso }`];
  });
  return HEADER('soa', standard, 'controls') + [...lines, ...(options.append ?? [])].join('\n') + '\n';
}

/** The line of a control in `soaYaml` without drops. */
export function soaLine(control: string, standard: 'iso27001-2022' | 'iso27001-2013' = 'iso27001-2022'): number {
  return FIRST_ITEM_LINE + catalogOf(standard).controls.findIndex((c) => c.id === control);
}

/** A risk register with one risk per line, from line FIRST_ITEM_LINE. */
export function registerYaml(risks: string[], standard = 'iso27001-2022'): string {
  return HEADER('risk-register', standard, 'risks') + risks.map((risk) => `  - ${risk}`).join('\n') + '\n';
}

/** A valid modify risk; `extra` overrides keys by appending them (later keys are not allowed, so replace). */
export function risk(fields: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    id: 'R-001',
    title: 'Ransomware',
    owner: 'ciso',
    likelihood: '4',
    impact: '5',
    treatment: 'modify',
    controls: '["8.7"]',
    residual: '{ likelihood: 2, impact: 4 }',
    acceptance: '{ by: ciso, date: 2026-01-10, expires: 2027-01-10 }',
    next_review: '2026-12-01',
  };
  const merged = { ...base, ...fields };
  return `{ ${Object.entries(merged)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }`;
}
