import { catalogOf } from '../../src/catalog/catalog.js';
import { mandatoryDocuments } from '../../src/rules/mandatory-documents.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { BASE_CONFIG, markdown } from '../helpers/workspace.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The configuration of the examples with the switch on, on line 10. */
const ON = `${BASE_CONFIG}mandatory_documents: true\n`;
const ON_LINE = 10;
/** The line of `covers` in `covering`'s documents. */
const COVERS_LINE = 10;
const CLAUSES_2022 = catalogOf('iso27001-2022').mandatoryClauses.map((c) => c.id);
const CLAUSES_2013 = catalogOf('iso27001-2013').mandatoryClauses.map((c) => c.id);
const covering = (id: string, clauses: string[], status = 'approved') =>
  markdown({ id, status, ...(status === 'approved' ? {} : { approval: null }), extra: `covers: [${clauses.map((c) => JSON.stringify(c)).join(', ')}]` });

ruleTester(mandatoryDocuments, {
  valid: [
    { name: 'says nothing without mandatory_documents in the configuration', files: { 'manual.md': covering('ISMS-MAN', ['4.3']) } },
    {
      name: 'accepts a repository whose live documents cover every clause of 2022 that requires documented information',
      config: ON,
      files: { 'manual.md': covering('ISMS-MAN', CLAUSES_2022.slice(0, 8)), 'records.md': covering('DOC-REC', CLAUSES_2022.slice(8), 'draft') },
    },
    {
      name: 'numbers the clauses of a 2013 configuration as 2013 does',
      config: `${ON}standard: iso27001-2013\n`,
      files: { 'manual.md': covering('ISMS-MAN', CLAUSES_2013) },
    },
  ],
  invalid: [
    {
      name: 'reports each mandatory clause of a repository holding only the manual, at mandatory_documents',
      config: ON,
      files: { 'manual.md': covering('ISMS-MAN', ['4.3']) },
      errors: [...CLAUSES_2022.slice(1)]
        .sort((a, b) => (`${a} ` < `${b} ` ? -1 : 1))
        .map((id) => ({
          file: 'isms.config.yaml',
          line: ON_LINE,
          column: 1,
          message: new RegExp(`^ISO/IEC 27001:2022 ${escapeRegExp(id)} .*: add "${escapeRegExp(id)}" to the covers of the document that provides it$`),
        })),
    },
    {
      name: 'says what a clause requires and how to cover it',
      config: ON,
      files: {
        'manual.md': covering(
          'ISMS-MAN',
          CLAUSES_2022.filter((id) => id !== '9.3.3'),
        ),
      },
      errors: [
        {
          file: 'isms.config.yaml',
          line: ON_LINE,
          message:
            'ISO/IEC 27001:2022 9.3.3 Management review results requires documented information (the results of management reviews), and no live document covers it: add "9.3.3" to the covers of the document that provides it',
        },
      ],
    },
    {
      name: 'does not count a retired document, and names it',
      config: ON,
      files: {
        'manual.md': covering(
          'ISMS-MAN',
          CLAUSES_2022.filter((id) => id !== '6.2'),
        ),
        'objectives.md': covering('DOC-OBJ', ['6.2'], 'retired'),
      },
      errors: [
        {
          file: 'isms.config.yaml',
          line: ON_LINE,
          message:
            'ISO/IEC 27001:2022 6.2 Information security objectives and planning to achieve them requires documented information (the information security objectives), and no live document covers it (only retired documents name it: DOC-OBJ): add "6.2" to the covers of the document that provides it',
        },
      ],
    },
    {
      name: 'wants 9.3 of a 2013 configuration, where 2022 would want 9.3.3',
      config: `${ON}standard: iso27001-2013\n`,
      files: { 'manual.md': covering('ISMS-MAN', [...CLAUSES_2013.filter((id) => id !== '9.3'), '9.3.3']) },
      errors: [
        {
          file: 'isms.config.yaml',
          line: ON_LINE,
          message:
            'ISO/IEC 27001:2013 9.3 Management review requires documented information (the results of management reviews), and no live document covers it: add "9.3" to the covers of the document that provides it',
        },
        {
          file: 'manual.md',
          line: COVERS_LINE,
          message:
            'covers names 9.3.3, which is no clause of ISO/IEC 27001:2013 that requires documented information: ISO/IEC 27001:2022 numbers the results of management reviews 9.3.3, ISO/IEC 27001:2013 9.3',
        },
      ],
    },
    {
      name: 'reports a covers entry that is no clause requiring documented information at its value, with the clause it may mean, even without mandatory_documents',
      files: { 'manual.md': covering('ISMS-MAN', ['4.3', '9.9', '9.3', '4.1.1']) },
      errors: [
        { line: COVERS_LINE, column: 17, message: 'covers names 9.9, which is no clause of ISO/IEC 27001:2022 that requires documented information; did you mean 9.1?' },
        {
          line: COVERS_LINE,
          column: 24,
          message:
            'covers names 9.3, which is no clause of ISO/IEC 27001:2022 that requires documented information: ISO/IEC 27001:2013 numbers the results of management reviews 9.3, ISO/IEC 27001:2022 9.3.3',
        },
        {
          line: COVERS_LINE,
          column: 31,
          message:
            'covers names 4.1.1, which is no clause of ISO/IEC 27001:2022 that requires documented information (4.3, 5.2, 6.1.2, 6.1.3, 6.1.3 d, 6.1.3 e, 6.2, 7.2, 8.1, 8.2, 8.3, 9.1, 9.2.2, 9.3.3, 10.2)',
        },
      ],
    },
  ],
});
