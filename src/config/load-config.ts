import { lstatSync } from 'node:fs';
import path from 'node:path';
import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import type { Problem } from '../source/problem.js';
import { childPointer, type SourceMap } from '../source/source-map.js';
import { parseYamlSource } from '../source/yaml-source.js';
import { schemaProblems } from '../schema/schema-problems.js';
import { validate } from '../schema/validator.js';
import { decodeDocument } from '../text/decode.js';
import { readFileCapped } from '../text/read-capped.js';
import { closest } from '../text/suggest.js';
import type { Range } from '../diagnostics/diagnostic.js';
import { DEFAULT_CLASSIFICATIONS, RECORD_KINDS, type Audience, type Config, type RecordKind, type RiskMethod, type Role, type RuleSetting, type Standard } from './config.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; file: string; problems: Problem[] };

/**
 * Reads and validates `isms.config.yaml`: YAML with positions, the JSON schema, then the references
 * inside it (approver roles, rule ids, risk levels). Every problem carries its line and column.
 */
export function loadConfig(file: string, knownRules: readonly string[]): ConfigResult {
  const absolute = path.resolve(file);
  let bytes: Uint8Array;
  try {
    // A link could put the rules outside what git governs (another file, another folder).
    if (lstatSync(absolute).isSymbolicLink()) {
      return {
        ok: false,
        file: absolute,
        problems: [{ message: 'the configuration is a symbolic link: it must be a file in the documents folder, so that its history governs it', at: START_OF_FILE }],
      };
    }
    bytes = readFileCapped(absolute);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { ok: false, file: absolute, problems: [{ message: `cannot read the configuration: ${reason}`, at: START_OF_FILE }] };
  }
  return parseConfig(bytes, absolute, knownRules);
}

/** Validates configuration bytes as if read from `file` (absolute). Pure. */
/**
 * Parses a configuration. `history`: one read from a past commit, to judge the sign-offs after it by
 * its roles and settings; what only the current configuration must obey (the form of git.baseline,
 * the lock on git-config-change, rule ids this version knows, audiences) is not asked of it, so that
 * a configuration an earlier version of isms accepted still judges its own time after an upgrade.
 */
export function parseConfig(bytes: Uint8Array, absolute: string, knownRules: readonly string[], options: { history?: boolean } = {}): ConfigResult {
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return { ok: false, file: absolute, problems: [{ message: decoded.message, at: decoded.at ?? START_OF_FILE }] };

  const source = parseYamlSource(decoded.text);
  if (source.problems.length > 0) return { ok: false, file: absolute, problems: source.problems };
  if (source.value === null || source.value === undefined) {
    return { ok: false, file: absolute, problems: [{ message: 'the configuration is empty: it needs at least "organization" and "roles"', at: source.map.fallback }] };
  }
  const problems = schemaProblems(validate('config', source.value), source.map);
  if (problems.length > 0) return { ok: false, file: absolute, problems };

  const raw = source.value as RawConfig;
  const references = referenceProblems(raw, source.map, knownRules, options.history === true);
  if (references.length > 0) return { ok: false, file: absolute, problems: references };
  return { ok: true, config: toConfig(raw, absolute, source.map) };
}

interface RawConfig {
  organization: string;
  standard?: Standard;
  ignore?: string[];
  roles: Record<string, { title: string; members?: Array<{ name: string; email: string }> }>;
  approvers?: Record<string, string[]>;
  classifications?: string[];
  review_interval_months?: number;
  required_sections?: Record<string, string[]>;
  risk?: Omit<RiskMethod, 'maxAcceptanceMonths' | 'maxReviewMonths'> & { max_acceptance_months?: number; max_review_months?: number };
  max_review_interval_months?: number;
  git?: { signed_approvals?: boolean; allowed_signers?: string; allow_self_approval?: boolean; max_backdate_days?: number; baseline?: string; config_approvers?: string[] };
  rules?: Record<string, RuleSetting>;
  mandatory_documents?: boolean;
  records?: Partial<Record<RecordKind, { every_months?: number }>>;
  publish?: { title?: string; order?: string[]; exclude?: string[]; templates?: string; audiences?: Record<string, { max_classification?: string }>; default_audience?: string };
}

function referenceProblems(raw: RawConfig, map: SourceMap, knownRules: readonly string[], history: boolean): Problem[] {
  const problems: Problem[] = [];
  const roles = Object.keys(raw.roles);
  const unknownRole = (role: string, pointer: string) => {
    const suggestion = closest(role, roles);
    problems.push({ message: `"${role}" is not a role defined under "roles"${suggestion ? `; did you mean "${suggestion}"?` : ''}`, at: map.valueAt(pointer) });
  };
  for (const [type, list] of Object.entries(raw.approvers ?? {})) {
    list.forEach((role, index) => {
      if (!roles.includes(role)) unknownRole(role, childPointer(childPointer('/approvers', type), index));
    });
  }
  (raw.git?.config_approvers ?? []).forEach((role, index) => {
    if (!roles.includes(role)) unknownRole(role, `/git/config_approvers/${index}`);
  });
  const signers = raw.git?.allowed_signers;
  if (signers !== undefined && (path.isAbsolute(signers) || path.posix.normalize(signers.replace(/\\/g, '/')).split('/')[0] === '..')) {
    problems.push({
      message: `git.allowed_signers "${signers}" leaves the documents folder: keep it inside, where git.config_approvers govern it (for example .isms/allowed_signers)`,
      at: map.valueAt('/git/allowed_signers'),
    });
  }
  const baseline = history ? undefined : raw.git?.baseline;
  if (baseline !== undefined && /^[0-9a-fA-F]{7,39}$/.test(baseline)) {
    problems.push({
      message: `git.baseline "${baseline}" is an abbreviated hash, which a branch or tag of the same name would shadow: write the full commit hash (git rev-parse ${baseline})`,
      at: map.valueAt('/git/baseline'),
    });
  } else if (baseline !== undefined && !/^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(baseline)) {
    // A ref is moved by whoever can push it, and git keeps no record of where it pointed when the setting was made.
    problems.push({
      message: `git.baseline "${baseline}" is not a full commit hash: a tag or branch can be moved later, by anyone who can push it, to import other history. Write the full commit hash (git rev-parse "${baseline}^{commit}")`,
      at: map.valueAt('/git/baseline'),
    });
  }
  const locked = history ? undefined : raw.rules?.['git-config-change'];
  if (locked !== undefined && locked !== 'error') {
    problems.push({
      message: 'git-config-change cannot be turned off or down: it proves the configuration itself, so a configuration that weakened it could approve its own change',
      at: map.valueAt('/rules/git-config-change'),
    });
  }
  for (const rule of history ? [] : Object.keys(raw.rules ?? {})) {
    if (!knownRules.includes(rule)) {
      const suggestion = closest(rule, knownRules);
      problems.push({ message: `"${rule}" is not a rule id${suggestion ? `; did you mean "${suggestion}"?` : ' (isms rules lists them)'}`, at: map.keyAt(childPointer('/rules', rule)) });
    }
  }
  if (!history) problems.push(...audienceProblems(raw, map));
  // A limit on the default interval matters to the documents of today, not to judging a past sign-off.
  const maxInterval = history ? undefined : raw.max_review_interval_months;
  if (maxInterval !== undefined && raw.review_interval_months !== undefined && raw.review_interval_months > maxInterval) {
    problems.push({
      message: `review_interval_months ${raw.review_interval_months} is above max_review_interval_months ${maxInterval}: the default interval must keep the limit the configuration sets`,
      at: map.valueAt('/review_interval_months'),
    });
  }
  const risk = raw.risk;
  if (risk) {
    const levelNames = risk.levels.map((level) => level.name);
    if (!levelNames.includes(risk.acceptable)) {
      problems.push({ message: `risk.acceptable "${risk.acceptable}" is not one of the levels (${levelNames.join(', ')})`, at: map.valueAt('/risk/acceptable') });
    }
    if (!roles.includes(risk.escalation)) unknownRole(risk.escalation, '/risk/escalation');
    if (risk.scoring === 'multiply') {
      let previous = -1;
      risk.levels.forEach((level, index) => {
        if (level.max === undefined) {
          problems.push({ message: `risk.levels[${index}] needs "max" (the highest score of the level) with scoring: multiply`, at: map.valueAt(`/risk/levels/${index}`) });
        } else if (level.max <= previous) {
          problems.push({ message: `risk.levels[${index}].max must be greater than the level before it`, at: map.valueAt(`/risk/levels/${index}/max`) });
        } else previous = level.max;
      });
      const top = risk.likelihood.length * risk.impact.length;
      const last = risk.levels.at(-1)?.max;
      if (last !== undefined && last < top) {
        problems.push({
          message: `the highest level ends at ${last}, but scores reach ${top} (${risk.likelihood.length} x ${risk.impact.length})`,
          at: map.valueAt(`/risk/levels/${risk.levels.length - 1}/max`),
        });
      }
    } else {
      const grid = risk.grid;
      if (!grid) {
        problems.push({ message: 'scoring: grid needs "grid": one row per likelihood, one level index per impact', at: map.keyAt('/risk/scoring') });
      } else if (grid.length !== risk.likelihood.length || grid.some((row) => row.length !== risk.impact.length)) {
        problems.push({ message: `risk.grid must have ${risk.likelihood.length} rows of ${risk.impact.length} level indexes`, at: map.valueAt('/risk/grid') });
      } else if (grid.some((row) => row.some((cell) => cell >= risk.levels.length))) {
        problems.push({ message: `risk.grid cells are level indexes from 0 to ${risk.levels.length - 1}`, at: map.valueAt('/risk/grid') });
      }
    }
  }
  return problems;
}

/** Each audience's max_classification must be a configured classification; default_audience must be set with audiences, and name one. */
function audienceProblems(raw: RawConfig, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  const classifications = raw.classifications ?? DEFAULT_CLASSIFICATIONS;
  const audiences = raw.publish?.audiences ?? {};
  for (const [name, audience] of Object.entries(audiences)) {
    const max = audience.max_classification;
    if (max !== undefined && !classifications.includes(max)) {
      const suggestion = closest(max, classifications);
      problems.push({
        message: `publish.audiences.${name}.max_classification "${max}" is not one of the classifications (${classifications.join(', ')})${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        at: map.valueAt(childPointer(childPointer('/publish/audiences', name), 'max_classification')),
      });
    }
  }
  const fallback = raw.publish?.default_audience;
  if (fallback === undefined && Object.keys(audiences).length > 0) {
    // Without it, a build without --audience would publish everything, the confidential documents included.
    problems.push({
      message: `publish.audiences is set but publish.default_audience is not: name the audience a build without --audience publishes for (one of ${Object.keys(audiences).join(', ')}), so that no build publishes everything by accident`,
      at: map.keyAt('/publish/audiences'),
    });
  }
  if (fallback !== undefined && !Object.hasOwn(audiences, fallback)) {
    const names = Object.keys(audiences);
    const suggestion = closest(fallback, names);
    problems.push({
      message:
        names.length === 0
          ? `publish.default_audience "${fallback}" names an audience, but publish.audiences defines none`
          : `publish.default_audience "${fallback}" is not one of publish.audiences (${names.join(', ')})${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      at: map.valueAt('/publish/default_audience'),
    });
  }
  return problems;
}

/** An object without a prototype: looking up a key the file does not hold ("constructor") finds nothing. */
function dictionary<T>(entries: ReadonlyArray<[string, T]>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}

function riskMethod(raw: NonNullable<RawConfig['risk']>): RiskMethod {
  const { max_acceptance_months: maxAcceptanceMonths, max_review_months: maxReviewMonths, ...method } = raw;
  return { ...method, ...(maxAcceptanceMonths !== undefined ? { maxAcceptanceMonths } : {}), ...(maxReviewMonths !== undefined ? { maxReviewMonths } : {}) };
}

/** The keys findings about the configuration point at (the switches of repository-wide rules). */
function keyRanges(raw: RawConfig, map: SourceMap): Record<string, Range> {
  const pointers = ['/mandatory_documents', '/records', ...Object.keys(raw.records ?? {}).map((kind) => childPointer('/records', kind))];
  return dictionary(pointers.filter((pointer) => map.get(pointer)).map((pointer): [string, Range] => [pointer, map.keyAt(pointer)]));
}

function recordIntervals(raw: RawConfig): Config['records'] {
  if (raw.records === undefined) return undefined;
  const records: NonNullable<Config['records']> = {};
  for (const kind of RECORD_KINDS) {
    const every = raw.records[kind]?.every_months;
    if (every !== undefined) records[kind] = { everyMonths: every };
  }
  return records;
}

function toConfig(raw: RawConfig, file: string, map: SourceMap): Config {
  return {
    file,
    root: path.dirname(file),
    organization: raw.organization,
    standard: raw.standard ?? 'iso27001-2022',
    ignore: raw.ignore ?? [],
    roles: dictionary(Object.entries(raw.roles).map(([id, role]): [string, Role] => [id, { title: role.title, members: role.members ?? [] }])),
    approvers: dictionary(Object.entries(raw.approvers ?? {})),
    classifications: raw.classifications ?? DEFAULT_CLASSIFICATIONS,
    reviewIntervalMonths: raw.review_interval_months ?? 12,
    maxReviewIntervalMonths: raw.max_review_interval_months,
    requiredSections: dictionary(Object.entries(raw.required_sections ?? {})),
    risk: raw.risk ? riskMethod(raw.risk) : undefined,
    git: {
      signedApprovals: raw.git?.signed_approvals ?? false,
      allowedSigners: raw.git?.allowed_signers ?? '.isms/allowed_signers',
      allowSelfApproval: raw.git?.allow_self_approval ?? false,
      maxBackdateDays: raw.git?.max_backdate_days ?? 30,
      baseline: raw.git?.baseline,
      // Default: whoever approves the manual governs the rules the manual sets up.
      configApprovers: raw.git?.config_approvers ?? raw.approvers?.['manual'] ?? raw.approvers?.['*'] ?? [],
    },
    rules: dictionary(Object.entries(raw.rules ?? {})),
    mandatoryDocuments: raw.mandatory_documents ?? false,
    records: recordIntervals(raw),
    keyRanges: keyRanges(raw, map),
    publish: {
      title: raw.publish?.title ?? `${raw.organization} ISMS`,
      order: raw.publish?.order ?? [],
      exclude: raw.publish?.exclude ?? [],
      templates: raw.publish?.templates,
      audiences: dictionary(Object.entries(raw.publish?.audiences ?? {}).map(([name, audience]): [string, Audience] => [name, { maxClassification: audience.max_classification }])),
      defaultAudience: raw.publish?.default_audience,
    },
  };
}
