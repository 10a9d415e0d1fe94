/** The sections a new document of each type starts with, and what each asks its author to write. */
export const SECTIONS: Record<string, Array<[string, string]>> = {
  manual: [
    ['Scope', 'The boundaries and applicability of the ISMS: activities, locations, assets, and what is left out and why.'],
    ['Context of the organization', 'Interested parties, their requirements relevant to information security, and the internal processes.'],
    ['Information security policy', 'Where the policy is stated (DOC A5) and how objectives are set.'],
    ['Roles, responsibilities and authorities', 'Who is accountable for the ISMS and for information security.'],
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
