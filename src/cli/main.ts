import { Command, CommanderError, Option } from 'commander';
import { FORMAT_NAMES } from '../reporters/index.js';
import { escapeControls } from '../text/controls.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { COMMAND_HELP, helpText } from './help.js';
import { messages } from './messages.js';
import type { BuildCommandOptions } from './build-command.js';
import type { ChangesOptions } from './changes-command.js';
import type { ExportOptions } from './export-command.js';
import type { SoaMigrateOptions } from './soa-migrate-command.js';
import type { StatusOptions } from './status-command.js';
import type { VerifyCommandOptions } from './verify-command.js';
import { TOOL_VERSION } from './tool-version.js';
import type { ValidateOptions } from './validate-command.js';

// A command's module (and what it needs: parsers, git, rendering, PDF) is loaded when that command
// runs, so `isms --version` and `isms rules` load none of the others (DESIGN section 7).
const acceptCommand: Lazy<typeof import('./accept-command.js').acceptCommand> = async (...args) => (await import('./accept-command.js')).acceptCommand(...args);
const approveCommand: Lazy<typeof import('./approve-command.js').approveCommand> = async (...args) => (await import('./approve-command.js')).approveCommand(...args);
const buildCommand: Lazy<typeof import('./build-command.js').buildCommand> = async (...args) => (await import('./build-command.js')).buildCommand(...args);
const changesCommand: Lazy<typeof import('./changes-command.js').changesCommand> = async (...args) => (await import('./changes-command.js')).changesCommand(...args);
const exportCommand: Lazy<typeof import('./export-command.js').exportCommand> = async (...args) => (await import('./export-command.js')).exportCommand(...args);
const initCommand: Lazy<typeof import('./init-command.js').initCommand> = async (...args) => (await import('./init-command.js')).initCommand(...args);
const newCommand: Lazy<typeof import('./new-command.js').newCommand> = async (...args) => (await import('./new-command.js')).newCommand(...args);
const reviewCommand: Lazy<typeof import('./review-command.js').reviewCommand> = async (...args) => (await import('./review-command.js')).reviewCommand(...args);
const rulesCommand: Lazy<typeof import('./rules-command.js').rulesCommand> = async (...args) => (await import('./rules-command.js')).rulesCommand(...args);
const soaMigrateCommand: Lazy<typeof import('./soa-migrate-command.js').soaMigrateCommand> = async (...args) => (await import('./soa-migrate-command.js')).soaMigrateCommand(...args);
const statusCommand: Lazy<typeof import('./status-command.js').statusCommand> = async (...args) => (await import('./status-command.js')).statusCommand(...args);
const versionCommand: Lazy<typeof import('./version-command.js').versionCommand> = async (...args) => (await import('./version-command.js')).versionCommand(...args);
const verifyCommand: Lazy<typeof import('./verify-command.js').verifyCommand> = async (...args) => (await import('./verify-command.js')).verifyCommand(...args);
const schemaCommand: Lazy<typeof import('./schema-command.js').schemaCommand> = async (...args) => (await import('./schema-command.js')).schemaCommand(...args);
const validateCommand: Lazy<typeof import('./validate-command.js').validateCommand> = async (...args) => (await import('./validate-command.js')).validateCommand(...args);

/** A command function whose module is imported on its first call. */
type Lazy<F extends (...args: never[]) => unknown> = (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;

function program(io: CliIo, done: (code: ExitCode) => void): Command {
  const root = new Command('isms')
    .description('Documentation as code for ISO/IEC 27001: validate, prove and publish an ISMS kept in git')
    .version(TOOL_VERSION, '-v, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    // Commander quotes arguments back (a file name from a pull request, say) in its errors.
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(escapeControls(text, { keepLineBreaks: true })) });

  root
    .command('validate')
    .description('check the documents against the schemas and the rules')
    .argument('[paths...]', 'report only on documents under these paths, or matching these globs (quoted: "policies/*.md"); every document is still read')
    .option('-c, --config <file>', 'isms.config.yaml to use (default: the nearest in this folder or above, then ./isms-docs/isms.config.yaml)')
    .addOption(new Option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')}`).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--force', 'let --output overwrite a controlled document or a file git tracks')
    .option('--as-of <date>', 'the date that counts as today for date rules (YYYY-MM-DD)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--base <ref>', 'for pull requests: documents whose content differs from this ref need a newer version')
    .option('--no-git', 'check without git history (the git-* rules are skipped)')
    .option('--no-cache', 'neither read nor write the cache of facts from git history (.git/isms-cache)')
    .option('-q, --quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--color', 'colour the report, even when not a terminal')
    .option('--no-color', 'never colour the report')
    .exitOverride()
    .action(async (paths: string[], options: ValidateOptions) => done(await validateCommand(paths, options, io)));

  root
    .command('rules')
    .description('list the rules')
    .addOption(new Option('-f, --format <name>', 'table, json or md').default('table'))
    .exitOverride()
    .action(async (options: { format: string }) => done(await rulesCommand(options, io)));

  root
    .command('init')
    .description(
      'create a documents repository that validates: configuration, manual, policy, methodology, SoA, register, objectives, audit programme, management review, nonconformity log, competence and monitoring records',
    )
    .argument('[dir]', 'the folder to create the documents in', 'isms-docs')
    .option('--organization <name>', 'the organisation', 'Example Organization')
    .option('--standard <id>', 'iso27001-2022 or iso27001-2013', 'iso27001-2022')
    .exitOverride()
    .action(async (dir: string, options: { organization: string; standard: string }) => done(await initCommand(dir, options, io)));

  root
    .command('new')
    .description('add a draft document of a type from its template')
    .argument('<type>', 'manual, policy, procedure, methodology, soa, risk-register, plan, record or other')
    .argument('<id>', 'the document id, like DOC-A9')
    .option('--title <text>', 'the title (default: the id)')
    .option('--record <kind>', 'for a record: internal-audit, management-review, nonconformity, objective, competence or monitoring')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .exitOverride()
    .action(async (type: string, id: string, options: { title?: string; record?: string; config?: string }) => done(await newCommand(type, id, options, io)));

  const soa = root.command('soa').description('Statement of Applicability tools');
  soa
    .command('migrate')
    .description('turn an ISO/IEC 27001:2013 SoA into a 2022 draft through the control mapping')
    .argument('<file>', 'the 2013 SoA (YAML)')
    .option('-o, --out <file>', 'write the 2022 SoA here (default: standard output)')
    .option('--force', 'let --out overwrite a controlled document or a file git tracks')
    .exitOverride()
    .action(async (file: string, options: SoaMigrateOptions) => done(await soaMigrateCommand(file, options, io)));

  root
    .command('version')
    .description('record a new version: append a version history row, set version and status')
    .argument('<doc>', 'the document (path or id)')
    .requiredOption('--details <text>', 'what changed')
    .option('--major', 'a new major version (2.0 after 1.3) instead of the next minor')
    .option('--date <date>', 'the date of the row (default: today)')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .exitOverride()
    .action(async (doc: string, options: { details: string; major?: boolean; date?: string; config?: string }) => done(await versionCommand(doc, options, io)));

  root
    .command('approve')
    .description("record the git user's approval of a document and commit it")
    .argument('<doc>', 'the document (path or id)')
    .option('--sign', 'sign the approval commit (git commit -S)')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .exitOverride()
    .action(async (doc: string, options: { sign?: boolean; config?: string }) => done(await approveCommand(doc, options, io)));

  root
    .command('review')
    .description("record the git user's review of an approved document (review.last) and commit it")
    .argument('<doc>', 'the document (path or id)')
    .option('--sign', 'sign the review commit (git commit -S)')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .exitOverride()
    .action(async (doc: string, options: { sign?: boolean; config?: string }) => done(await reviewCommand(doc, options, io)));

  root
    .command('accept')
    .description("record the git user's acceptance of a risk's residual risk and commit it")
    .argument('<risk-id>', 'the risk, like R-001')
    .option('--expires <date>', 'when the acceptance ends (YYYY-MM-DD; default: a year from today)')
    .option('--sign', 'sign the acceptance commit (git commit -S)')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .exitOverride()
    .action(async (risk: string, options: { expires?: string; sign?: boolean; config?: string }) => done(await acceptCommand(risk, options, io)));

  root
    .command('build')
    .description('publish the documents: the intranet site, a PDF per document and the distributable manual')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .option('-o, --out <dir>', 'output folder (default: _site in the documents folder)')
    .option('--html', 'build the site (default: site and PDFs)')
    .option('--pdf', 'build the PDFs (default: site and PDFs)')
    .option('--release', 'refuse uncommitted changes and validation errors; publish approved documents only; dates from the commit, so the output is reproducible')
    .option('--audience <name>', 'publish for this audience of publish.audiences (default: publish.default_audience): documents classified above it are left out')
    .option('--at <ref-or-date>', 'publish the ISMS as it stood at a commit, branch or tag, or on a date (the newest commit on or before it), read from git; dates from that commit')
    .option('--sign-key <file>', 'with --release: sign the PDFs and the manifest with this PKCS#12 key (passphrase in --passphrase-file or ISMS_SIGN_PASSPHRASE)')
    .option('--passphrase-file <file>', 'a file (mode 600) holding the passphrase of --sign-key')
    .exitOverride()
    .action(async (options: BuildCommandOptions) => done(await buildCommand(options, io)));

  root
    .command('verify')
    .description('check signed publications: signatures, certificates, the manifest, and each document against git')
    .argument('<file-or-dir>', 'a PDF, or a build folder (with manifest.json)')
    .option('--ca <file>', 'PEM file of the CA certificate(s) a signer must lead to (without it, no signer is trusted)')
    .addOption(new Option('-f, --format <name>', 'table or json').default('table'))
    .option('-c, --config <file>', 'isms.config.yaml of the documents repository to check against')
    .exitOverride()
    .action(async (target: string, options: VerifyCommandOptions) => done(await verifyCommand(target, options, io)));

  root
    .command('status')
    .description('the document register, the SoA summary and the risk summary')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .addOption(new Option('-f, --format <name>', 'table or json').default('table'))
    .option('--as-of <date>', 'the date that counts as today (YYYY-MM-DD; with --at, default: that day)')
    .option('--at <ref-or-date>', 'the ISMS as it stood at a commit, branch or tag, or on a date (the newest commit on or before it), read from git')
    .option('--no-git', 'without git history')
    .option('--no-cache', 'neither read nor write the cache of facts from git history (.git/isms-cache)')
    .exitOverride()
    .action(async (options: StatusOptions) => done(await statusCommand(options, io)));

  root
    .command('export')
    .description('evidence for auditors: the SoA, the master list of documented information (register) or the risk register, as a workbook, CSV or JSON')
    .argument('<what>', 'soa, register or risks')
    .addOption(new Option('-f, --format <name>', 'xlsx, csv or json').default('xlsx'))
    .option('-o, --output <file>', 'write the export to a file instead of stdout')
    .option('--force', 'let --output overwrite a controlled document or a file git tracks')
    .option('--at <ref-or-date>', 'the ISMS as it stood at a commit, branch or tag, or on a date (the newest commit on or before it), read from git')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .option('--no-cache', 'neither read nor write the cache of facts from git history (.git/isms-cache)')
    .exitOverride()
    .action(async (what: string, options: ExportOptions) => done(await exportCommand(what, options, io)));

  root
    .command('changes')
    .description('what changed between two points of history, and who made and approved it: versions, content, approvals, reviews, acceptances, risks, SoA decisions, the configuration')
    .argument('<from>', 'the earlier point: a commit, branch or tag, or a date (the newest commit on or before it; before the history: from the start)')
    .argument('<to>', 'the later point: a commit, branch or tag (HEAD), or a date')
    .addOption(new Option('-f, --format <name>', 'md, json or html').default('md'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--force', 'let --output overwrite a controlled document or a file git tracks')
    .option('-c, --config <file>', 'isms.config.yaml to use')
    .option('--no-cache', 'neither read nor write the cache of facts from git history (.git/isms-cache)')
    .exitOverride()
    .action(async (from: string, to: string, options: ChangesOptions) => done(await changesCommand(from, to, options, io)));

  root
    .command('schema')
    .description('print a self-contained JSON schema for editors (every $ref resolvable offline)')
    .argument(
      '<name>',
      'isms-config, metadata, markdown-document, yaml-document, statement-of-applicability, risk-register, or record-<kind> for a record (record-objective, record-internal-audit, ...)',
    )
    .exitOverride()
    .action(async (name: string) => done(await schemaCommand(name, io)));

  addHelp(root, 'isms');
  return root;
}

/** Examples and environment variables after the options of every command's --help. */
function addHelp(command: Command, name: string): void {
  const help = COMMAND_HELP[name];
  if (help) command.addHelpText('after', helpText(help));
  for (const sub of command.commands) addHelp(sub, name === 'isms' ? sub.name() : `${name} ${sub.name()}`);
}

/** Runs the CLI; returns the exit code (0 clean, 1 findings, 2 usage/config/internal failure). */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    }
    // Messages quote configuration keys, file names and values: none may act on the terminal.
    if (error instanceof UsageError) {
      io.stderr.write(`isms: ${escapeControls(error.message, { keepLineBreaks: true })}\n`);
      for (const detail of error.details) io.stderr.write(`  ${escapeControls(detail)}\n`);
      return EXIT.failure;
    }
    io.stderr.write(`isms: ${escapeControls(messages.internal((error as Error)?.message ?? String(error)))}\n`);
    if (io.env['ISMS_DEBUG'] === '1') io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT.failure;
  }
}
