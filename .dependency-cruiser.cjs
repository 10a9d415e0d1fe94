/** Layering of src/ (DESIGN section 6): no module cycles, between files or between the areas of src/. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module that imports itself back, through any chain, has no layer of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-areas',
      comment: 'The areas of src/ (config, documents, git, rules, render, ...) form layers: none imports one that imports it back.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'git-through-run-git',
      comment: 'Git runs only through src/git/run-git.ts (a scrubbed environment, a timeout, safe options) and the cat-file reader beside it.',
      severity: 'error',
      from: { pathNot: '^src/git/(run-git|cat-file)[.]ts$' },
      to: { path: '^(node:)?child_process$' },
    },
    {
      name: 'only-the-cli-wires',
      comment: 'The library never reaches up into the command line: the CLI calls it, not the other way round.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'checks-do-no-io',
      comment: 'Rules only report, the engine does no I/O and reporters only format: none of them touches the file system or starts a process.',
      severity: 'error',
      // rules/catalogue.ts is no rule: it reads the catalogue the build wrote, for isms rules.
      from: { path: '^src/(rules|engine|reporters)/', pathNot: '^src/rules/catalogue[.]ts$' },
      to: { path: '^(node:)?(fs|fs/promises|child_process)$' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
