import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// The bundled documents name copies of the printed schemas, kept equal to them (regenerate with isms schema <name> as the documents' owner when a schema changes).
const MODELINES: Record<string, string> = {
  'isms.config.yaml': 'isms-config',
  'statement-of-applicability.yaml': 'statement-of-applicability',
  'risk/register.yaml': 'risk-register',
  'records/objectives.yaml': 'record-objective',
  'records/competence.yaml': 'record-competence',
  'records/monitoring.yaml': 'record-monitoring',
  'records/internal-audit-2026.yaml': 'record-internal-audit',
  'records/management-review-2026.yaml': 'record-management-review',
  'records/nonconformity-log.yaml': 'record-nonconformity',
};

describe("the bundled isms-docs' editor schemas", () => {
  it.each(Object.entries(MODELINES))('%s names a schema that isms schema prints as it is', async (file, name) => {
    const first = readFileSync(path.resolve('isms-docs', file), 'utf8').split('\n')[0]!;
    const target = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
    expect(target).toBe(path.posix.relative(path.posix.dirname(file), `.isms/schemas/${name}.schema.json`));
    const written = readFileSync(path.resolve('isms-docs', path.dirname(file), target!), 'utf8');
    expect(written).toBe((await runCli(['schema', name], path.resolve('.'))).stdout);
  });
});
