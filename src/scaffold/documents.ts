import { stringify } from 'yaml';
import { catalogOf } from '../catalog/catalog.js';
import type { RecordKind, Standard } from '../config/config.js';
import { sectionName } from '../text/section-name.js';
import { markdownPrompt, REQUIRED_SECTION_PROMPT, SOA_JUSTIFICATION_PROMPT } from './prompts.js';
import { recordTemplate } from './records.js';
import { SECTIONS } from './sections.js';

export interface NewDocument {
  id: string;
  title: string;
  type: string;
  owner: string;
  author: string;
  date: string;
  classification?: string;
  standard?: Standard;
  /** Headings the configuration requires for the type (added when the template lacks them). */
  requiredSections?: readonly string[];
  /** Text for the first section, after its prompt. */
  intro?: string;
  /** The sections to start with, instead of the type's. */
  sections?: ReadonlyArray<[string, string]>;
  /** The clauses whose documented information it provides (`covers`). */
  covers?: readonly string[];
  /** What a record records (`record`); a record is YAML. */
  record?: RecordKind;
  /** How long it is kept after it is superseded. */
  retentionYears?: number;
}

export interface PlannedFile {
  /** POSIX path relative to the documents root. */
  path: string;
  text: string;
}

const YAML_TYPES = new Set(['soa', 'risk-register', 'record']);
const FOLDERS: Record<string, string> = { policy: 'policies', procedure: 'procedures', plan: 'plans', record: 'records', methodology: 'risk', 'risk-register': 'risk' };

export function isYamlType(type: string): boolean {
  return YAML_TYPES.has(type);
}

/** `DOC-A5` + `Access Control Policy` -> `access-control-policy`; ids alone when there is no title. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'document'
  );
}

export function defaultPath(type: string, title: string): string {
  const folder = FOLDERS[type];
  const name = `${slug(title)}.${isYamlType(type) ? 'yaml' : 'md'}`;
  return folder ? `${folder}/${name}` : name;
}

function metadata(doc: NewDocument): Record<string, unknown> {
  return {
    id: doc.id,
    title: doc.title,
    type: doc.type,
    ...(doc.standard ? { standard: doc.standard } : {}),
    owner: doc.owner,
    classification: doc.classification ?? 'internal',
    status: 'draft',
    version: '0.1',
    ...(doc.record ? { record: doc.record } : {}),
    ...(doc.covers && doc.covers.length > 0 ? { covers: [...doc.covers] } : {}),
    ...(doc.retentionYears ? { retention: { years: doc.retentionYears } } : {}),
  };
}

const firstDraft = (doc: NewDocument) => ({ versions: [{ version: '0.1', date: doc.date, author: doc.author, details: 'First draft' }] });

const yaml = (value: unknown) => stringify(value, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });

/** A new Markdown document: draft 0.1, the type's sections plus any the configuration requires, a version history. */
export function markdownDocument(doc: NewDocument): string {
  const sections = [...(doc.sections ?? SECTIONS[doc.type] ?? SECTIONS['other'] ?? [])];
  for (const required of doc.requiredSections ?? []) {
    if (!sections.some(([name]) => sectionName(name) === sectionName(required))) sections.push([required, REQUIRED_SECTION_PROMPT]);
  }
  const body = sections.map(([name, prompt], index) => `## ${name}\n\n${markdownPrompt(prompt)}\n${index === 0 && doc.intro ? `\n${doc.intro}\n` : ''}`).join('\n');
  return `---\n${yaml(metadata(doc))}---\n\n# ${doc.title}\n\n${body}\n## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n| 0.1 | ${doc.date} | ${doc.author.replace(/\|/g, '\\|')} | First draft |\n`;
}

/**
 * A new Statement of Applicability: every control of the edition, applicable and planned until the
 * risk assessment decides otherwise, so it validates as an honest draft and `isms status` counts it.
 */
export function soaDocument(doc: NewDocument & { standard: Standard }): string {
  const controls = catalogOf(doc.standard).controls.map((control) => ({
    control: control.id,
    title: control.title,
    applicable: true,
    reasons: ['risk'],
    justification: SOA_JUSTIFICATION_PROMPT,
    implementation: 'planned',
    owner: doc.owner,
  }));
  const head = `# Draft made by isms: decide every control from your risk assessment (applicable with reasons, or excluded with a justification).\n`;
  return head + yaml({ ...metadata(doc), ...firstDraft(doc), controls });
}

/** A new, empty risk register. */
export function registerDocument(doc: NewDocument & { standard: Standard }): string {
  return yaml({ ...metadata(doc), ...firstDraft(doc), risks: [] });
}

/** A new record of its kind: the fields its schema requires, to fill in (see schemas/record-<kind>.schema.json). */
export function recordDocument(doc: NewDocument & { record: RecordKind }): string {
  const head = `# Draft made by isms: replace every [fill in] before the record goes for approval (schemas/record-${doc.record}.schema.json lists its fields).\n`;
  return head + yaml({ ...metadata(doc), ...firstDraft(doc), ...recordTemplate(doc.record, { date: doc.date, owner: doc.owner }) });
}

export function newDocumentFile(doc: NewDocument, path: string): PlannedFile {
  if (doc.type === 'record') {
    if (!doc.record) throw new Error('a record needs its kind');
    return { path, text: recordDocument({ ...doc, record: doc.record }) };
  }
  if (doc.type === 'soa') return { path, text: soaDocument({ ...doc, standard: doc.standard ?? 'iso27001-2022' }) };
  if (doc.type === 'risk-register') return { path, text: registerDocument({ ...doc, standard: doc.standard ?? 'iso27001-2022' }) };
  return { path, text: markdownDocument(doc) };
}
