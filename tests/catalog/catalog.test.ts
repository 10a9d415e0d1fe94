import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogOf, mapping2013To2022 } from '../../src/catalog/catalog.js';
import { resolveControlId } from '../../src/catalog/control-id.js';
import { clausesOfRecord } from '../../src/catalog/coverage.js';
import { RECORD_KINDS, type Standard } from '../../src/config/config.js';

describe('the ISO/IEC 27001 catalogues', () => {
  it('has the 93 controls of 2022: 37 organizational, 8 people, 14 physical, 34 technological', () => {
    const controls = catalogOf('iso27001-2022').controls;
    expect(controls).toHaveLength(93);
    const byTheme = Object.fromEntries(['organizational', 'people', 'physical', 'technological'].map((t) => [t, controls.filter((c) => c.group === t).length]));
    expect(byTheme).toEqual({ organizational: 37, people: 8, physical: 14, technological: 34 });
  });

  it('has the 114 controls of 2013 in 14 domains and 35 objectives', () => {
    const catalog = catalogOf('iso27001-2013');
    expect(catalog.controls).toHaveLength(114);
    expect(new Set(catalog.controls.map((c) => c.group)).size).toBe(14);
    expect(catalog.objectives.size).toBe(35);
  });

  it('maps every 2013 control to 2022 controls, with 11 controls new in 2022', () => {
    const mapping = mapping2013To2022();
    expect(mapping.to2022.size).toBe(114);
    expect([...mapping.newIn2022].sort()).toEqual(['5.23', '5.30', '5.7', '7.4', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28', '8.9'].sort());
    const c2022 = catalogOf('iso27001-2022');
    for (const targets of mapping.to2022.values()) for (const t of targets) expect(c2022.get(t)).toBeDefined();
    const covered = new Set([...mapping.to2022.values()].flat());
    expect(
      c2022.controls
        .filter((c) => !covered.has(c.id))
        .map((c) => c.id)
        .sort(),
    ).toEqual([...mapping.newIn2022].sort());
  });
});

describe('the mandatory documented information', () => {
  it('lists the 15 clauses of 2022 that require documented information, as the standard numbers them', () => {
    expect(catalogOf('iso27001-2022').mandatoryClauses.map((c) => c.id)).toEqual([
      '4.3',
      '5.2',
      '6.1.2',
      '6.1.3',
      '6.1.3 d',
      '6.1.3 e',
      '6.2',
      '7.2',
      '8.1',
      '8.2',
      '8.3',
      '9.1',
      '9.2.2',
      '9.3.3',
      '10.2',
    ]);
    expect(catalogOf('iso27001-2022').mandatoryClauses.find((c) => c.id === '9.3.3')).toEqual({
      id: '9.3.3',
      title: 'Management review results',
      documented: 'the results of management reviews',
      record: 'management-review',
    });
  });

  it('names the one clause each kind of record provides, in either edition', () => {
    const provided = (standard: Standard) => Object.fromEntries(RECORD_KINDS.map((kind) => [kind, clausesOfRecord(standard, kind).map((c) => c.id)]));
    expect(provided('iso27001-2022')).toEqual({
      'internal-audit': ['9.2.2'],
      'management-review': ['9.3.3'],
      nonconformity: ['10.2'],
      objective: ['6.2'],
      competence: ['7.2'],
      monitoring: ['9.1'],
    });
    expect(provided('iso27001-2013')).toEqual({ 'internal-audit': ['9.2'], 'management-review': ['9.3'], nonconformity: ['10.1'], objective: ['6.2'], competence: ['7.2'], monitoring: ['9.1'] });
  });

  it('numbers the 2013 clauses as 2013 does: 9.2, 9.3 and 10.1', () => {
    const ids = catalogOf('iso27001-2013').mandatoryClauses.map((c) => c.id);
    expect(ids).toHaveLength(15);
    expect(ids.slice(-3)).toEqual(['9.2', '9.3', '10.1']);
  });
});

describe('the shipped catalogue', () => {
  it('is exactly the YAML data it is generated from (npm run data:catalog)', () => {
    const read = (name: string) => parse(readFileSync(`data/catalog/${name}`, 'utf8'));
    const json = JSON.parse(readFileSync('data/catalog/catalog.json', 'utf8'));
    expect(json.iso27001_2022).toEqual(read('iso27001-2022-annex-a.yaml'));
    expect(json.iso27001_2013).toEqual(read('iso27001-2013-annex-a.yaml'));
    expect(json.mapping).toEqual(read('iso27001-2013-to-2022.yaml'));
    expect(json.clauses_2022).toEqual(read('iso27001-2022-clauses.yaml'));
    expect(json.clauses_2013).toEqual(read('iso27001-2013-clauses.yaml'));
  });
});

describe('control ids', () => {
  it.each(['5.1', 'A.5.1', 'A5.1', 'a.5.1', 'Annex A 5.1', 'Annex A.5.1', ' 5.1 '])('reads %j as 2022 control 5.1', (raw) => {
    expect(resolveControlId(raw, 'iso27001-2022')).toEqual({ ok: true, id: '5.1' });
  });

  it('reads a two-part id as a 2013 objective, not a control', () => {
    const result = resolveControlId('8.2', 'iso27001-2013');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe('8.2 is a control objective of ISO/IEC 27001:2013 (Information classification), not a control; its controls are 8.2.1, 8.2.2, 8.2.3');
    expect(resolveControlId('A.8.2.1', 'iso27001-2013')).toEqual({ ok: true, id: '8.2.1' });
  });

  it('names the 2022 control that replaced a 2013 id', () => {
    const result = resolveControlId('A.12.6.1', 'iso27001-2022');
    expect(!result.ok && result.message).toBe('A.12.6.1 is an ISO/IEC 27001:2013 control; in ISO/IEC 27001:2022 it is 8.8 Management of technical vulnerabilities');
  });

  it('rejects ids that neither edition has', () => {
    expect(resolveControlId('5.99', 'iso27001-2022')).toEqual({ ok: false, message: '5.99 is not a control of ISO/IEC 27001:2022 Annex A', unknown: true });
  });
});
