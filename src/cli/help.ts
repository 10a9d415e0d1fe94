/** What `--help` shows after a command's options: examples, then the environment variables it reads. */
export interface CommandHelp {
  examples: ReadonlyArray<readonly [command: string, what: string]>;
  environment: ReadonlyArray<readonly [name: string, what: string]>;
}

const DEBUG = ['ISMS_DEBUG', '1: print the stack trace of an internal error'] as const;
const GIT_IDENTITY = ['GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL', 'who signs off (else git config user.name and user.email): the commit author is the proof'] as const;

/** The help of every command, by its name as typed (`soa migrate` included). */
export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  isms: {
    examples: [
      ['isms validate', 'check the documents found from here (isms.config.yaml here, above, or in isms-docs/)'],
      ['isms validate --base origin/main --format markdown', 'the summary of a pull request'],
      ['isms build', 'publish the site and the PDFs'],
      ['isms <command> --help', 'the options of a command'],
    ],
    environment: [['NO_COLOR', 'set (not empty): no colour'], ['FORCE_COLOR', '0 or false: no colour; anything else: colour even when not a terminal'], DEBUG],
  },
  validate: {
    examples: [
      ['isms validate', 'every document; exit 1 on an error'],
      ["isms validate 'policies/*.md' --quiet", 'report errors only, on the policies (a quoted glob)'],
      ['isms validate --base origin/main --format sarif --output isms.sarif', 'a pull request, for code scanning'],
      ['isms validate --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"', 'the pull-request summary'],
      ['isms validate --as-of 2026-01-31 --max-warnings 0', 'reproducible dates; warnings fail too'],
    ],
    environment: [
      ['NO_COLOR', 'set (not empty): no colour'],
      ['FORCE_COLOR', '0 or false: no colour; anything else: colour even when not a terminal (--color and --no-color win)'],
      ['GITHUB_SERVER_URL, GITHUB_REPOSITORY', 'GitHub Actions: --format markdown links findings to the checked commit'],
      ['CI_PROJECT_URL', 'GitLab CI: the same'],
      DEBUG,
    ],
  },
  build: {
    examples: [
      ['isms build', 'site and PDFs for publish.default_audience, into _site/'],
      ['isms build --audience auditors --pdf', 'the PDFs for auditors'],
      ['isms build --at v1.0 --out site-v1.0', 'the site and PDFs as they stood at a tag'],
      ['isms build --release --sign-key key.p12 --passphrase-file pass.txt', 'a signed, reproducible release'],
    ],
    environment: [
      ['ISMS_SIGN_PASSPHRASE', 'the passphrase of --sign-key (prefer --passphrase-file)'],
      ['SOURCE_DATE_EPOCH', 'the build time of a release, in seconds since 1970 (default: the commit time)'],
      DEBUG,
    ],
  },
  verify: {
    examples: [
      ['isms verify _site --ca ca.pem', 'every signature, the manifest and each document against git'],
      ['isms verify DOC-A5.pdf --format json', 'one PDF, for scripts'],
    ],
    environment: [DEBUG],
  },
  status: {
    examples: [
      ['isms status', 'the document register, the SoA and the risks'],
      ['isms status --format json --as-of 2026-06-30', 'for scripts, as of a date'],
      ['isms status --at 2026-06-30', 'the ISMS as it stood on a date, read from git'],
    ],
    environment: [DEBUG],
  },
  export: {
    examples: [
      ['isms export soa --output soa.xlsx', 'the Statement of Applicability as a workbook'],
      ['isms export register --output documented-information.xlsx', 'the master list of documented information'],
      ['isms export risks --format csv --at 2026-06-30 > risks.csv', 'the risk register as it stood on a date'],
    ],
    environment: [['SOURCE_DATE_EPOCH', 'the time a workbook is stamped with, in seconds since 1970 (default: the commit time)'], DEBUG],
  },
  changes: {
    examples: [
      ['isms changes 2025-11-20 HEAD', 'what changed since the last audit, one line per event'],
      ['isms changes v1.0 v2.0 --format html --output changes.html', 'between two tags, as one self-contained page'],
    ],
    environment: [DEBUG],
  },
  version: {
    examples: [
      ['isms version DOC-A5 --details "Scope extended to suppliers"', 'the next minor version'],
      ['isms version policies/access.md --details "Rewritten" --major', 'the next major version'],
    ],
    environment: [['GIT_AUTHOR_NAME', 'the author of the row (else git config user.name)'], DEBUG],
  },
  approve: {
    examples: [
      ['isms approve DOC-A5', 'approve and commit'],
      ['isms approve DOC-A5 --sign', 'the same, as a signed commit'],
    ],
    environment: [GIT_IDENTITY, DEBUG],
  },
  review: {
    examples: [['isms review DOC-A5', 'record that the approved document still fits, and commit']],
    environment: [GIT_IDENTITY, DEBUG],
  },
  accept: {
    examples: [
      ['isms accept R-001', 'accept the residual risk for a year'],
      ['isms accept R-001 --expires 2027-03-01 --sign', 'until a date, signed'],
    ],
    environment: [GIT_IDENTITY, DEBUG],
  },
  init: {
    examples: [
      ['isms init', 'isms-docs/ with a configuration, five drafts and editor schemas'],
      ['isms init docs --organization "Wacky Widget" --standard iso27001-2022', 'in docs/'],
    ],
    environment: [['GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL', "the CISO's member and the drafts' author (else git config user.name and user.email)"], DEBUG],
  },
  new: {
    examples: [['isms new policy DOC-A9 --title "Access Control Policy"', 'policies/access-control-policy.md, draft 0.1']],
    environment: [['GIT_AUTHOR_NAME', 'the author of the first row (else git config user.name)'], DEBUG],
  },
  'soa migrate': {
    examples: [
      ['isms soa migrate soa-2013.yaml', 'the 2022 draft on standard output, the summary on standard error'],
      ['isms soa migrate statement-of-applicability.yaml --out statement-of-applicability.yaml --force', 'in place'],
    ],
    environment: [DEBUG],
  },
  rules: {
    examples: [
      ['isms rules', 'every rule and its default severity'],
      ['isms rules --format md', "the README's rule table"],
    ],
    environment: [DEBUG],
  },
  soa: {
    examples: [['isms soa migrate soa-2013.yaml', 'turn a 2013 SoA into a 2022 draft (see isms soa migrate --help)']],
    environment: [DEBUG],
  },
  schema: {
    examples: [
      ['isms schema statement-of-applicability > .isms/schemas/statement-of-applicability.schema.json', 'refresh an editor schema after an upgrade'],
      ['isms schema isms-config', 'print the configuration schema'],
    ],
    environment: [DEBUG],
  },
};

/** The text `--help` prints after the options: each example under a comment saying what it does. */
export function helpText(help: CommandHelp): string {
  const examples = help.examples.flatMap(([command, what]) => [`  # ${what}`, `  $ ${command}`]);
  const width = Math.max(...help.environment.map(([name]) => name.length));
  const environment = help.environment.map(([name, what]) => `  ${name.padEnd(width)}  ${what}`);
  return ['', 'Examples:', ...examples, '', 'Environment variables:', ...environment, ''].join('\n');
}
