import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileValidators } from '../../src/schema/validator.js';

const COMPILED = path.resolve('dist/schema/compiled.cjs');

const samples: Array<[string, unknown]> = [
  ['markdown', { id: 'doc a5', title: '', type: 'memo', owner: 'CISO', classification: 'internal', status: 'aproved', version: 1, approval: { by: 'ceo', date: '2024-02-30' }, reveiw: {} }],
  ['soa', { id: 'DOC-SOA', title: 'S', type: 'soa', owner: 'ciso', classification: 'internal', status: 'draft', version: '0.1', controls: [{ control: 5.1, applicable: 'yes', reasons: ['fun'] }] }],
  [
    'riskRegister',
    {
      id: 'DOC-RR',
      title: 'R',
      type: 'risk-register',
      standard: 'iso27001-2022',
      owner: 'ciso',
      classification: 'internal',
      status: 'draft',
      version: '0.1',
      risks: [{ id: 'R-1', likelihood: 1.5, cia: ['c', 'c'] }],
    },
  ],
  ['config', { organization: '', roles: { CISO: { title: 'x', members: [{ name: 'a', email: 'not-an-email' }] } }, rules: { schema: 'sometimes' } }],
];

describe('the precompiled validators', () => {
  it('exist after the build and report exactly what runtime compilation reports', () => {
    expect(existsSync(COMPILED), 'npm run build writes dist/schema/compiled.cjs').toBe(true);
    const compiled = createRequire(import.meta.url)(COMPILED) as Record<string, ValidateFunction>;
    const runtime = compileValidators();
    for (const [name, data] of samples) {
      const a = compiled[name]!;
      const b = runtime[name as keyof typeof runtime];
      expect(a(data)).toBe(false);
      expect(b(data)).toBe(false);
      expect(a.errors?.map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }))).toEqual(
        b.errors?.map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message })),
      );
      expect(a.errors?.length).toBeGreaterThan(2);
    }
  });
});
