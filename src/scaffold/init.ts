import { stringify } from 'yaml';
import type { Standard } from '../config/config.js';
import { newDocumentFile, type PlannedFile } from './documents.js';
import { withEditorSchemas } from './editor-schemas.js';

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
    },
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
  ].join('\n');
  return `${head}\n${stringify(value, { lineWidth: 0 })}`;
}

/** The files of a new documents repository: a configuration and five draft documents that validate clean. */
export function planInit(options: InitOptions): PlannedFile[] {
  const author = options.person?.name ?? 'isms init';
  const common = { author, date: options.date, owner: 'ciso', standard: options.standard };
  const files: PlannedFile[] = [
    { path: 'isms.config.yaml', text: config(options) },
    { path: '.gitignore', text: '# isms build output\n_site/\n' },
    newDocumentFile(
      {
        ...common,
        id: 'ISMS-MAN',
        title: `${options.organization} Information Security Management System Manual`,
        type: 'manual',
        requiredSections: REQUIRED_SECTIONS.manual,
        intro: `_The boundaries of the ISMS of ${options.organization}. The Statement of Applicability is DOC SoA; the policy is DOC A5._`,
      },
      'manual.md',
    ),
    newDocumentFile({ ...common, id: 'DOC-A5', title: 'Information Security Policy', type: 'policy', requiredSections: REQUIRED_SECTIONS.policy }, 'policies/information-security-policy.md'),
    newDocumentFile({ ...common, id: 'DOC-RM', title: 'Risk Assessment and Treatment Methodology', type: 'methodology', requiredSections: REQUIRED_SECTIONS.methodology }, 'risk/methodology.md'),
    newDocumentFile({ ...common, id: 'DOC-SOA', title: 'Statement of Applicability', type: 'soa' }, 'statement-of-applicability.yaml'),
    newDocumentFile({ ...common, id: 'DOC-RR', title: 'Risk Register', type: 'risk-register', classification: 'confidential' }, 'risk/register.yaml'),
  ];
  return options.editorSchemas ? withEditorSchemas(files, options.editorSchemas) : files;
}
