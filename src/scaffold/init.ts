import { stringify } from 'yaml';
import type { Standard } from '../config/config.js';
import { newDocumentFile, type NewDocument, type PlannedFile } from './documents.js';
import { withEditorSchemas } from './editor-schemas.js';
import { AUDIT_PROGRAMME_SECTIONS } from './sections.js';

export interface InitOptions {
  organization: string;
  standard: Standard;
  /** Today, YYYY-MM-DD. */
  date: string;
  /** The git identity of whoever runs init: made the CISO's member, the author of the first drafts. */
  person?: { name: string; email: string };
  /** Self-contained schemas by name (`isms schema`): written to .isms/schemas/, with a modeline in each YAML file. */
  editorSchemas?: Readonly<Record<string, string>>;
}

const REQUIRED_SECTIONS = {
  manual: ['Scope', 'Control of documented information', 'Document control and approval'],
  policy: ['Policy statement', 'Objectives', 'Responsibilities'],
  methodology: ['Risk criteria', 'Risk acceptance criteria', 'Risk treatment'],
};

function config(options: InitOptions): string {
  const members = options.person ? [{ name: options.person.name, email: options.person.email }] : [];
  const value = {
    organization: options.organization,
    standard: options.standard,
    ignore: [],
    roles: {
      ceo: { title: 'Chief Executive Officer', members: [] },
      ciso: { title: 'Chief Information Security Officer', members },
      staff: { title: 'All staff', members: [] },
    },
    approvers: { manual: ['ceo'], policy: ['ceo'], '*': ['ciso'] },
    classifications: ['public', 'internal', 'confidential', 'restricted'],
    review_interval_months: 12,
    // The methodology's limits: no document reviewed less than yearly, no risk accepted or left unreviewed for more than a year.
    max_review_interval_months: 12,
    required_sections: REQUIRED_SECTIONS,
    risk: {
      likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
      impact: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
      scoring: 'multiply',
      levels: [
        { name: 'low', max: 4 },
        { name: 'medium', max: 9 },
        { name: 'high', max: 15 },
        { name: 'critical', max: 25 },
      ],
      acceptable: 'medium',
      escalation: 'ceo',
      max_acceptance_months: 12,
      max_review_months: 12,
    },
    // Every clause of the standard that requires documented information is covered by a document (covers).
    mandatory_documents: true,
    // Management reviews and internal audits are due yearly, counted from the first commit (the baseline).
    records: { 'management-review': { every_months: 12 }, 'internal-audit': { every_months: 12 } },
    // The CISO (whoever runs init) governs the configuration until top management takes it over.
    git: { signed_approvals: false, allowed_signers: '.isms/allowed_signers', allow_self_approval: false, max_backdate_days: 30, config_approvers: ['ciso'] },
    rules: {},
    publish: {
      title: `${options.organization} ISMS Manual`,
      order: ['ISMS-MAN', 'DOC-A5', 'DOC-SOA', 'DOC-RM', 'DOC-RR'],
      audiences: { staff: { max_classification: 'internal' }, auditors: {} },
      default_audience: 'staff',
    },
  };
  const head = [
    '# isms configuration: see the README of isms for every key.',
    '# Add the people who hold each role as members ({ name, email } as in their git commits):',
    '# approvals are proven by commits of those members.',
    '# The first commit is the baseline; every change after it is proven, this file included:',
    '# git.config_approvers (the CISO for now) may change it. Hand it to top management later.',
    '# isms build publishes for staff (documents up to internal); isms build --audience auditors, everything.',
    '# The drafts cover every clause of the standard that requires documented information (covers:);',
    '# replace every prompt ([fill in], the italic text) before a document goes for approval.',
  ].join('\n');
  return `${head}\n${stringify(value, { lineWidth: 0 })}`;
}

/** Where ISO/IEC 27001:2013 numbers the clauses that 2022 numbers otherwise. */
const CLAUSES_2013: Readonly<Record<string, string>> = { '9.2.2': '9.2', '9.3.3': '9.3', '10.2': '10.1' };

/** Clause ids (as 2022 numbers them) as the chosen edition numbers them. */
function clauses(standard: Standard, ids: readonly string[]): string[] {
  return standard === 'iso27001-2013' ? ids.map((id) => CLAUSES_2013[id] ?? id) : [...ids];
}

/**
 * The files of a new documents repository: a configuration and drafts that, between them, cover
 * every clause of the standard that requires documented information (the five documents, the
 * objectives, the audit programme, a management review, the nonconformity log, competence and
 * monitoring records), and validate clean.
 */
export function planInit(options: InitOptions): PlannedFile[] {
  const author = options.person?.name ?? 'isms init';
  const common = { author, date: options.date, owner: 'ciso', standard: options.standard };
  const doc = (fields: Omit<NewDocument, keyof typeof common | 'covers'> & { covers: string[] }, path: string) =>
    newDocumentFile({ ...common, ...fields, covers: clauses(options.standard, fields.covers) }, path);
  const record = { type: 'record', retentionYears: 3 } as const;
  const files: PlannedFile[] = [
    { path: 'isms.config.yaml', text: config(options) },
    { path: '.gitignore', text: '# isms build output\n_site/\n' },
    doc(
      {
        id: 'ISMS-MAN',
        title: `${options.organization} Information Security Management System Manual`,
        type: 'manual',
        requiredSections: REQUIRED_SECTIONS.manual,
        intro: 'The Statement of Applicability is DOC SoA, the information security policy DOC A5 and the risk methodology DOC RM.',
        covers: ['4.3', '8.1'],
      },
      'manual.md',
    ),
    doc({ id: 'DOC-A5', title: 'Information Security Policy', type: 'policy', requiredSections: REQUIRED_SECTIONS.policy, covers: ['5.2'] }, 'policies/information-security-policy.md'),
    doc({ id: 'DOC-RM', title: 'Risk Assessment and Treatment Methodology', type: 'methodology', requiredSections: REQUIRED_SECTIONS.methodology, covers: ['6.1.2', '6.1.3'] }, 'risk/methodology.md'),
    doc({ id: 'DOC-SOA', title: 'Statement of Applicability', type: 'soa', covers: ['6.1.3 d'] }, 'statement-of-applicability.yaml'),
    doc({ id: 'DOC-RR', title: 'Risk Register', type: 'risk-register', classification: 'confidential', covers: ['6.1.3 e', '8.2', '8.3'] }, 'risk/register.yaml'),
    doc({ ...record, id: 'DOC-OBJ', title: 'Information Security Objectives', record: 'objective', covers: ['6.2'] }, 'records/objectives.yaml'),
    doc({ ...record, id: 'DOC-COMP', title: 'Competence Record', record: 'competence', classification: 'confidential', covers: ['7.2'] }, 'records/competence.yaml'),
    doc({ ...record, id: 'DOC-MON', title: 'Monitoring and Measurement Results', record: 'monitoring', covers: ['9.1'] }, 'records/monitoring.yaml'),
    doc({ id: 'DOC-AUDIT', title: 'Internal Audit Programme', type: 'plan', sections: AUDIT_PROGRAMME_SECTIONS, covers: ['9.2.2'] }, 'plans/internal-audit-programme.md'),
    doc({ ...record, id: 'DOC-MR-1', title: 'Management Review 1', record: 'management-review', covers: ['9.3.3'] }, 'records/management-review-1.yaml'),
    doc({ ...record, id: 'DOC-NC', title: 'Nonconformity and Corrective Action Log', record: 'nonconformity', covers: ['10.2'] }, 'records/nonconformity-log.yaml'),
  ];
  return options.editorSchemas ? withEditorSchemas(files, options.editorSchemas) : files;
}
