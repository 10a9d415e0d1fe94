/** The sections a new document of each type starts with, and what each asks its author to write. */
export const SECTIONS: Record<string, Array<[string, string]>> = {
  manual: [
    ['Scope', 'The boundaries and applicability of the ISMS: activities, locations, assets, and what is left out and why.'],
    [
      'Context of the organization',
      'The external and internal issues relevant to the purpose of the ISMS and to what it must achieve (ISO/IEC 27001 4.1), and whether climate change is one: for example floods, heat or storms at offices, suppliers and data centres, or changes in energy supply and regulation.',
    ],
    [
      'Interested parties',
      'The interested parties relevant to the ISMS, their requirements (legal, regulatory, contractual), which of those the ISMS addresses, and whether any of them has requirements related to climate change (ISO/IEC 27001 4.2).',
    ],
    ['Information security policy', 'Where the policy is stated (DOC A5) and how objectives are set.'],
    ['Roles, responsibilities and authorities', 'Who is accountable for the ISMS and for information security.'],
    ['Operational planning and control', 'How the processes of the ISMS are planned, carried out and controlled, and which records show that they were carried out as planned (ISO/IEC 27001 8.1).'],
    ['Control of documented information', 'How documents are kept in this repository: reviewed in pull requests, approved by the roles in isms.config.yaml, versioned in git.'],
    ['Document control and approval', 'The owner of this document, who approves it, and how often it is reviewed.'],
  ],
  policy: [
    ['Purpose', 'Why this policy exists.'],
    ['Scope', 'Whom and what it covers.'],
    ['Policy statement', 'What the organisation commits to.'],
    ['Objectives', 'The information security objectives this policy sets the framework for.'],
    ['Responsibilities', 'Who does what under this policy.'],
  ],
  procedure: [
    ['Purpose', 'What this procedure achieves.'],
    ['Scope', 'When it applies.'],
    ['Procedure', 'The steps, who performs each, and the records they leave.'],
    ['Records', 'What is kept, where, and for how long.'],
  ],
  methodology: [
    ['Purpose', 'What this methodology is for (ISO/IEC 27001 6.1.2 and 6.1.3).'],
    ['Risk criteria', 'The likelihood and impact scales and the risk levels (see "risk" in isms.config.yaml).'],
    ['Risk acceptance criteria', 'Which residual levels the risk owner may accept, and which need the escalation role.'],
    ['Risk treatment', 'The treatment options (modify, retain, avoid, share) and how controls are chosen from Annex A.'],
    ['Review', 'When risks are reassessed.'],
  ],
  plan: [
    ['Purpose', 'What this plan achieves.'],
    ['Actions', 'What will be done, by whom, with what resources, by when, and how results are evaluated.'],
  ],
  record: [['Record', 'What happened, when, and who was involved.']],
  other: [['Content', 'The content of this document.']],
};

/** The sections of the internal audit programme `isms init` makes (a plan covering ISO/IEC 27001 9.2.2). */
export const AUDIT_PROGRAMME_SECTIONS: Array<[string, string]> = [
  [
    'Purpose',
    "What the internal audit programme achieves: whether the ISMS conforms to the organisation's own requirements and to ISO/IEC 27001, and is effectively implemented and maintained (9.2).",
  ],
  ['Audit programme', 'How often audits are held, the methods, who is responsible, how audits are planned, and which clauses and controls each audit covers, so that the cycle covers them all.'],
  ['Auditors', 'Who audits, and how their objectivity and impartiality are ensured (no one audits their own work).'],
  ['Reporting', 'To whom results are reported, and where the results are kept: one record (type: record, record: internal-audit) per audit, its nonconformities in the nonconformity log.'],
];

/** Prompts of templates of earlier versions of isms, still found in documents made with them. */
export const EARLIER_PROMPTS: readonly string[] = ['Interested parties, their requirements relevant to information security, and the internal processes.'];
