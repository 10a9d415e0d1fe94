import { brokenReference } from '../../src/rules/broken-reference.js';
import { registerYaml, soaLine, soaYaml } from '../helpers/domain.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

/** An SoA control that names documents by id. */
const controlNaming = (ids: string) => `  - { control: "5.1", applicable: true, reasons: [risk], justification: x, implementation: implemented, owner: ciso, documents: [${ids}] }`;

/** A procedure with an id that depends on the ids given. */
const dependent = (id: string, on: string[]) => markdown({ id, type: 'procedure', extra: `depends_on: [${on.join(', ')}]` });
const DEPENDS_LINE = 10;
const circle = (id: string, on: string, chain: string, also = '') =>
  `depends_on names ${on}, which depends back on ${id} (${chain}${also}): documents cannot each be written against the other; keep the dependency one way`;

const manual = markdown({ id: 'ISMS-MAN', type: 'manual', approval: null, status: 'draft', body: '## Scope\n\nAll offices.' });
const retiredProcedure = markdown({ id: 'DOC-OLD', type: 'procedure', approval: null, status: 'retired', body: 'Superseded. See [the policy](policy.md) and DOC-A5.' });

ruleTester(brokenReference, {
  valid: [
    {
      name: 'accepts dependencies that meet without going round: DOC-A on DOC-B and DOC-C, DOC-B on DOC-C',
      files: { 'a.md': dependent('DOC-A', ['DOC-B', 'DOC-C']), 'b.md': dependent('DOC-B', ['DOC-C']), 'c.md': dependent('DOC-C', []) },
    },
    {
      name: 'accepts links to existing documents, headings and files, and external links',
      files: {
        'policies/policy.md': markdown({
          body: 'See [scope](../manual.md#scope), [logo](../img/logo.png), [site](https://example.com), [mail](mailto:a@b.c) and [top](#information-security-policy).',
        }),
        'manual.md': manual,
        'img/logo.png': 'png',
      },
    },
    {
      name: 'accepts DOC mentions of existing ids in any case',
      files: { 'policy.md': markdown({ body: 'This is DOC a5, also written DOC-A5; the manual is ISMS-MAN.' }), 'manual.md': manual },
    },
    { name: 'ignores DOC mentions inside code', files: { 'policy.md': markdown({ body: 'Write `DOC XYZ` to mention one.' }) } },
    {
      name: 'lets a retired document depend on another retired one, and leaves an SoA id no document has to soa-reference',
      files: {
        'old.md': retiredProcedure.replace('status: retired', 'status: retired\ndepends_on: [DOC-OLDER]'),
        'older.md': markdown({ id: 'DOC-OLDER', type: 'procedure', approval: null, status: 'retired' }),
        'policy.md': markdown(),
        'soa.yaml': soaYaml({ replace: { '5.1': controlNaming('DOC-NONE') } }),
      },
    },
    {
      name: 'lets a retired document refer to live ones, to other retired ones and to itself',
      files: {
        'policy.md': markdown(),
        'old.md': retiredProcedure.replace('DOC-A5.', 'DOC-A5, DOC-OLDER and [itself](old.md).'),
        'older.md': markdown({ id: 'DOC-OLDER', type: 'procedure', approval: null, status: 'retired' }),
      },
    },
  ],
  invalid: [
    {
      name: 'reports depends_on and an SoA control naming a retired document, from live documents',
      files: {
        'policy.md': markdown({ extra: 'depends_on: [DOC-OLD]' }),
        'old.md': retiredProcedure,
        'soa.yaml': soaYaml({ replace: { '5.1': controlNaming('DOC-A5, DOC-OLD') } }),
      },
      errors: [
        { message: 'depends_on names DOC-OLD, which is retired: name what replaces it, or remove it', line: 10, column: 14 },
        {
          file: 'soa.yaml',
          message: 'control 5.1 names DOC-OLD, which is retired: name what replaces it, or remove it',
          line: soaLine('5.1'),
          column: controlNaming('DOC-A5, DOC-OLD').indexOf('DOC-OLD') + 1,
        },
      ],
    },
    {
      name: 'reports a document that depends on itself, at the id',
      files: { 'policy.md': markdown({ extra: 'depends_on: [DOC-RM, DOC-A5]' }), 'method.md': markdown({ id: 'DOC-RM', type: 'methodology' }) },
      errors: [{ message: 'depends_on names DOC-A5, this document itself: a document is not written against itself; remove it', line: DEPENDS_LINE, column: 22 }],
    },
    {
      name: 'reports two documents that depend on each other, in each of them',
      files: { 'a.md': dependent('DOC-A', ['DOC-B']), 'b.md': dependent('DOC-B', ['DOC-A']) },
      errors: [
        { file: 'a.md', message: circle('DOC-A', 'DOC-B', 'DOC-A -> DOC-B -> DOC-A'), line: DEPENDS_LINE, column: 14 },
        { file: 'b.md', message: circle('DOC-B', 'DOC-A', 'DOC-B -> DOC-A -> DOC-B'), line: DEPENDS_LINE, column: 14 },
      ],
    },
    {
      name: 'reports a circle of three documents, and one through the methodology a register depends on',
      files: {
        'a.md': dependent('DOC-A', ['DOC-B']),
        'b.md': dependent('DOC-B', ['DOC-C']),
        'c.md': dependent('DOC-C', ['DOC-A']),
        'method.md': markdown({ id: 'DOC-RM', type: 'methodology', extra: 'depends_on: [DOC-RR]' }),
        'register.yaml': registerYaml([]),
      },
      errors: [
        { file: 'a.md', message: circle('DOC-A', 'DOC-B', 'DOC-A -> DOC-B -> DOC-C -> DOC-A'), line: DEPENDS_LINE },
        { file: 'b.md', message: circle('DOC-B', 'DOC-C', 'DOC-B -> DOC-C -> DOC-A -> DOC-B'), line: DEPENDS_LINE },
        { file: 'c.md', message: circle('DOC-C', 'DOC-A', 'DOC-C -> DOC-A -> DOC-B -> DOC-C'), line: DEPENDS_LINE },
        {
          file: 'method.md',
          message: circle('DOC-RM', 'DOC-RR', 'DOC-RM -> DOC-RR -> DOC-RM', '; an SoA and a risk register depend on the methodology'),
          line: DEPENDS_LINE,
        },
      ],
    },
    {
      name: 'reports a depends_on id no document has, with the nearest id',
      files: { 'policy.md': markdown({ extra: 'depends_on: [DOC-RM]' }), 'method.md': markdown({ id: 'DOC-RN', type: 'methodology', approval: null, status: 'draft' }) },
      errors: [{ message: 'depends_on names document DOC-RM, which no document has; did you mean DOC-RN?', line: 10, column: 14 }],
    },
    {
      name: 'reports a link and a DOC mention from a live document to a retired one, naming it',
      files: { 'policy.md': markdown({ body: 'Follow [the old procedure](old.md), DOC-OLD.' }), 'old.md': retiredProcedure },
      errors: [
        { message: '"old.md" refers to DOC-OLD, which is retired: refer to what replaces it, or remove the reference', line: 14, column: 8 },
        { message: '"DOC-OLD" refers to DOC-OLD, which is retired: refer to what replaces it, or remove the reference', line: 14, column: 37 },
      ],
    },
    {
      name: 'reports a draft that still refers to a retired document',
      files: { 'manual.md': manual.replace('All offices.', 'All offices (DOC OLD).'), 'old.md': retiredProcedure, 'policy.md': markdown() },
      errors: [{ message: '"DOC OLD" refers to DOC-OLD, which is retired: refer to what replaces it, or remove the reference', line: 15, column: 14 }],
    },
    {
      name: 'reports a link to a missing file',
      files: { 'policy.md': markdown({ body: 'See [x](missing.md).' }) },
      errors: [{ message: '"missing.md" links to missing.md, which does not exist', line: 14, column: 5 }],
    },
    {
      name: 'reports a link to a missing heading',
      files: { 'policy.md': markdown({ body: 'See [x](manual.md#nowhere).' }), 'manual.md': manual },
      errors: [{ message: '"manual.md#nowhere": manual.md has no heading with the anchor #nowhere', line: 14, column: 5 }],
    },
    {
      name: 'reports a DOC mention of an id no document has',
      files: { 'policy.md': markdown({ body: 'As stated in DOC SoA.' }) },
      errors: [{ message: '"DOC SoA" names document DOC-SOA, which no document in the repository has', line: 14, column: 14 }],
    },
    {
      name: 'proposes the heading a misspelt anchor means',
      files: { 'policy.md': markdown({ body: '## Policy statement\n\nSee [above](#policy-statment) and [scope](manual.md#scop).' }), 'manual.md': manual },
      errors: [
        { message: '"#policy-statment": this document has no heading with the anchor #policy-statment; did you mean #policy-statement?', line: 16, column: 5 },
        { message: '"manual.md#scop": manual.md has no heading with the anchor #scop; did you mean #scope?', line: 16, column: 35 },
      ],
    },
    {
      name: 'proposes the one file of that name in another folder, as the link would write it',
      files: {
        'policies/policy.md': markdown({ body: 'Report it ([procedure](incident-response.md#steps)).' }),
        'procedures/incident-response.md': markdown({ id: 'DOC-IR', type: 'procedure', approval: null, status: 'draft', body: '## Steps' }),
      },
      errors: [
        { message: '"incident-response.md#steps" links to policies/incident-response.md, which does not exist; did you mean "../procedures/incident-response.md#steps"?', line: 14, column: 12 },
      ],
    },
    {
      name: 'proposes the nearest file for a misspelt file name',
      files: { 'policy.md': markdown({ body: 'See [it](incident-respons.md).' }), 'incident-response.md': markdown({ id: 'DOC-IR', type: 'procedure', approval: null, status: 'draft' }) },
      errors: [{ message: '"incident-respons.md" links to incident-respons.md, which does not exist; did you mean "incident-response.md"?', line: 14, column: 5 }],
    },
    {
      name: 'proposes the id a DOC mention of a missing document means',
      files: { 'manual.md': manual.replace('All offices.', 'All offices (DOC A6).'), 'policy.md': markdown() },
      errors: [{ message: '"DOC A6" names document DOC-A6, which no document in the repository has; did you mean DOC-A5?', line: 15, column: 14 }],
    },
    {
      name: 'reports links that leave the documents folder, encoded or not',
      files: { 'policy.md': markdown({ body: '[a](../../etc/passwd) [b](%2e%2e/%2e%2e/etc/passwd) [c](file:///etc/passwd) [d](/etc/passwd)' }) },
      errors: [
        { message: '"../../etc/passwd" leaves the documents folder', line: 14, column: 1 },
        { message: '"%2e%2e/%2e%2e/etc/passwd" leaves the documents folder', line: 14, column: 23 },
        { message: '"file:///etc/passwd" points at a file outside the repository; link with a relative path', line: 14, column: 53 },
        { message: '"/etc/passwd" is an absolute path; link relative to this document', line: 14, column: 77 },
      ],
    },
  ],
});
