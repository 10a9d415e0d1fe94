import { parseError } from '../../src/rules/parse-error.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { markdown } from '../helpers/workspace.js';

ruleTester(parseError, {
  valid: [
    { name: 'accepts a Markdown document with YAML front matter', files: { 'policy.md': markdown() } },
    { name: 'accepts a Markdown file with CRLF line endings and a BOM', files: { 'policy.md': '\uFEFF' + markdown().replace(/\n/g, '\r\n') } },
    { name: 'accepts a YAML document', files: { 'plan.yaml': 'id: DOC-P\ntitle: Plan\n' } },
  ],
  invalid: [
    {
      name: 'reports ---js front matter without running it',
      files: { 'policy.md': '---js\n{ id: (globalThis.__ISMS_PWNED__ = 1) }\n---\n# x\n' },
      errors: [{ message: 'front matter must be YAML and open with a line of exactly "---"; "---js" front matter is not read', line: 1, column: 1 }],
    },
    {
      name: 'reports unclosed front matter',
      files: { 'policy.md': '---\nid: DOC-A5\ntitle: x\n' },
      errors: [{ message: 'front matter is not closed: add a line "---" after the metadata', line: 1 }],
    },
    {
      name: 'reports a YAML syntax error where the parser finds it, counted from the top of the file',
      files: { 'policy.md': '---\nid: DOC-A5\ntitle: [unclosed\nowner: ciso\n---\n' },
      errors: [{ message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', line: 4, column: 1 }],
    },
    {
      name: 'reports a duplicate key at its second occurrence',
      files: { 'plan.yaml': 'id: DOC-P\ntitle: One\ntitle: Two\n' },
      errors: [{ message: 'duplicate key "title" (first at line 2)', line: 3, column: 1 }],
    },
    {
      name: 'reports YAML aliases, which could expand without bound',
      files: { 'plan.yaml': 'id: DOC-P\na: &x [1, 2]\nb: *x\n' },
      errors: [{ message: 'YAML alias *x is not allowed in a controlled document; write the value out', line: 3, column: 4 }],
    },
    {
      name: 'reports __proto__ keys and keeps them away from objects',
      files: { 'plan.yaml': 'id: DOC-P\n__proto__: { polluted: true }\n' },
      errors: [{ message: 'key "__proto__" is not allowed', line: 2, column: 1 }],
    },
    {
      name: 'reports tags the core schema does not know',
      files: { 'plan.yaml': 'id: DOC-P\nblob: !!binary aGVsbG8=\n' },
      errors: [{ message: 'unsupported YAML tag !!binary: controlled documents use plain values', line: 2, column: 16 }],
    },
    {
      name: 'reports a custom tag on a map',
      files: { 'plan.yaml': 'id: DOC-P\nthing: !custom { a: 1 }\n' },
      errors: [{ message: 'unsupported YAML tag !custom: controlled documents use plain values', line: 2 }],
    },
    {
      name: 'reports a %YAML 1.1 directive, under which yes and no would change meaning',
      files: { 'plan.yaml': '%YAML 1.1\n---\nid: DOC-P\napplicable: yes\n' },
      errors: [{ message: '%YAML 1.1 directive: only YAML 1.2 is read (so "yes" and "no" are text, not booleans); remove the directive', line: 1 }],
    },
    {
      name: 'reports a file that is not UTF-8',
      files: { 'policy.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]) },
      errors: [{ message: 'file is not valid UTF-8; save it as UTF-8', line: 1 }],
    },
    {
      name: 'reports a UTF-16 file',
      files: { 'policy.md': new Uint8Array([0xff, 0xfe, 0x2d, 0x00]) },
      errors: [{ message: 'file is UTF-16; save it as UTF-8', line: 1 }],
    },
    {
      name: 'reports a NUL character where it stands',
      files: { 'policy.md': '---\nid: DOC-A5\n---\nab\u0000c\n' },
      errors: [{ message: 'file contains a NUL character (binary file?)', line: 4, column: 3 }],
    },
    {
      name: 'reports a YAML document that is a list rather than a map',
      files: { 'plan.yaml': '- one\n- two\n' },
      errors: [{ message: 'a YAML document must be a map of keys (id, title, type, ...)', line: 1 }],
    },
  ],
});
