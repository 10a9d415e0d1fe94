import type { OutFolderProblem } from './write-tree.js';

/** Tool-error wording in one place (ESLint `messages/` style), tested as text. */
export const messages = {
  noConfig: (cwd: string) => `no isms.config.yaml in ${cwd}, a folder above it, or ${cwd === '.' ? '' : cwd + '/'}isms-docs/: pass --config FILE, or run isms in (or below) the folder that holds it`,
  twoConfigs: (files: readonly string[]) => `${files.join(' and ')} are both configurations where isms looks for one: name the one that governs with --config, and remove the other`,
  brokenConfig: (count: number) => `the configuration has ${count === 1 ? 'a problem' : `${count} problems`}; nothing was checked`,
  unknownSchema: (name: string, names: readonly string[]) => `unknown schema "${name}": use one of ${names.join(', ')}`,
  badFormat: (format: string, formats: readonly string[]) => `unknown format "${format}": use one of ${formats.join(', ')}`,
  badAsOf: (value: string) => `--as-of takes a date YYYY-MM-DD, not "${value}"`,
  badMaxWarnings: (value: string) => `--max-warnings takes a whole number of 0 or more, not "${value}"`,
  noDocumentAt: (target: string) => `no controlled document at ${target}`,
  noDocumentMatches: (glob: string) => `no controlled document matches ${glob} (a glob is matched against paths relative to the current folder)`,
  tooManyWarnings: (warnings: number, max: number) => `${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found; --max-warnings allows ${max}`,
  cannotWrite: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
  badStandard: (value: string) => `unknown standard "${value}": use iso27001-2022 or iso27001-2013`,
  badType: (value: string, types: readonly string[]) => `unknown document type "${value}": use one of ${types.join(', ')}`,
  recordKindNeeded: (kinds: readonly string[]) => `a record says what it records: add --record with one of ${kinds.join(', ')}`,
  badRecordKind: (value: string, kinds: readonly string[]) => `unknown record kind "${value}": use one of ${kinds.join(', ')}`,
  recordKindOnlyForRecords: (type: string) => `--record is for records (isms new record <id> --record <kind>), not for a ${type}`,
  badId: (value: string) => `"${value}" is not a document id: capital letters, digits and hyphens, like DOC-A5`,
  idTaken: (id: string, file: string) => `id ${id} is already used by ${file}`,
  wouldOverwrite: (files: readonly string[]) => `refusing to overwrite ${files.join(', ')}`,
  keptFile: (file: string, reason: string) => `refusing to overwrite ${file}: ${reason} (--force overwrites it)`,
  cannotRead: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  migrateUnreadable: (file: string) => `${file} cannot be read as YAML; nothing was migrated`,
  migrateNotSoa: (file: string) => `${file} is not a Statement of Applicability (type: soa)`,
  migrateNot2013: (file: string, standard: string | undefined) =>
    standard === 'iso27001-2022' ? `${file} is already an ISO/IEC 27001:2022 SoA` : `${file} must say standard: iso27001-2013 to be migrated`,
  baseWithoutGit: () => '--base compares with git history, so it cannot be used with --no-git',
  noSuchDocument: (name: string) => `no controlled document is named ${name} (give its path or its id)`,
  nameNotUtf8: (file: string) => `${file}: the path is not valid UTF-8; rename it first`,
  badDate: (value: string) => `--date takes a date YYYY-MM-DD, not "${value}"`,
  emptyDetails: () => '--details must say what changed',
  noVersionToFollow: (file: string) => `${file} has no MAJOR.MINOR version to follow; fix it first (isms validate)`,
  cannotApproveUnreadable: (file: string) => `${file} cannot be read; run isms validate`,
  versionNotRecorded: (file: string) => `${file}: the version is not the newest version history row; record it first (isms version)`,
  noGitIdentity: () => 'git has no author identity here (GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, or user.name and user.email): sign-offs are proven by the commit author, so set them first',
  notAnApprover: (email: string, type: string, roles: readonly string[]) =>
    `${email} is not a member of a role that approves a ${type} (${roles.length > 0 ? roles.join(', ') : 'none configured'}; see roles and approvers in isms.config.yaml)`,
  signOffNeedsHistory: (act: string, kind: string) => `${act}s are recorded as git commits, but the git history is not usable here (${kind}); run isms validate`,
  signOffUncommittedDocument: (act: string, file: string) => `${file} is not committed: commit it first, so that git can attribute its ${act}`,
  signOffModifiedDocument: (act: string, file: string) => `${file} has uncommitted changes: commit or discard them first, so the ${act} covers what git holds`,
  notAReviewer: (email: string, roles: readonly string[]) =>
    `${email} is not a member of the owner role or of a role that approves this document (${roles.length > 0 ? roles.join(', ') : 'none configured'}; see roles and approvers in isms.config.yaml)`,
  reviewNeedsApproval: (file: string, status: string) => `${file} is ${status}: a review confirms an approved document still fits; approve it first (isms approve)`,
  noSuchRisk: (id: string) => `no risk register holds a risk with id ${id}`,
  riskNeedsNoAcceptance: (id: string) => `risk ${id} is avoided: there is no residual risk to accept`,
  notAnAcceptor: (email: string, id: string, role: string) => `${email} is not a member of role "${role}", which accepts the residual risk of ${id} (see roles in isms.config.yaml)`,
  placeholdersLeft: (doc: string, count: number) => `${doc} is not approved: it still has ${count === 1 ? 'a placeholder' : `${count} placeholders`} (placeholder)`,
  selfApproval: (name: string, commit: string) => `${name} wrote content being approved (${commit}); another member of an approving role must approve (or set git.allow_self_approval)`,
  commitFailed: (reason: string) => `the sign-off could not be committed, and the file was restored: ${reason}`,
  nothingToRecord: (document: string, act: string) =>
    `nothing to record: ${document} already says exactly this ("${act}" would change no line, and git cannot commit the same text twice). A review or an acceptance recorded today stands; to accept a risk again after it changed, give another --expires`,
  outContainsDocuments: (out: string) => `--out ${out} would replace the documents themselves; choose a folder for the output only`,
  outNotReplaceable: (out: string, problem: OutFolderProblem) =>
    problem.kind === 'unlisted'
      ? `${out} holds ${problem.file}, which its manifest.json does not list: move it away or choose another --out; nothing was replaced`
      : problem.kind === 'not-a-folder'
        ? `${out} exists and is not a folder: choose another --out`
        : `${out} exists and is not an earlier isms build (no manifest.json written by isms): choose another --out, or empty it`,
  outNotRemovable: (out: string, entry: string, code: string) => `cannot write ${out}: ${entry} cannot be removed (${code}), so the previous output was left as it was`,
  previousOutputLeft: (folder: string, reason: string) => `the new output is in place, but the previous one could not be removed completely: ${folder} is left (${reason}); remove it`,
  badSourceDateEpoch: (value: string) => `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${value}"`,
  releaseNeedsGit: (kind: string) => `--release builds from a commit, but the git history is not usable here (${kind}); run isms validate`,
  releaseRefused: (errors: number, dirty: readonly string[], unrendered: readonly string[] = []) =>
    [
      'release refused: nothing was written.',
      ...(errors > 0 ? [`  ${errors} validation error${errors === 1 ? '' : 's'} (run isms validate)`] : []),
      ...(dirty.length > 0 ? [`  not committed: ${dirty.slice(0, 10).join(', ')}${dirty.length > 10 ? ` and ${dirty.length - 10} more` : ''}`] : []),
      ...unrendered.map((line) => `  ${line}`),
    ].join('\n'),
  unknownAudience: (name: string, defined: readonly string[]) =>
    defined.length === 0
      ? `--audience ${name}: the configuration defines no audiences (publish.audiences), so everything is published; leave --audience out`
      : `unknown audience "${name}": publish.audiences defines ${defined.join(', ')}`,
  leftOutForAudience: (audience: string, max: string | undefined, ids: string) => `left out for ${audience}${max !== undefined ? ` (classified above ${max})` : ''}: ${ids}`,
  leftOutNotApproved: (ids: string) => `left out (not approved): ${ids}`,
  publishedAsDraft: (ids: string) => `published as DRAFT (not validly approved): ${ids}`,
  publishedAsObsolete: (ids: string) => `published as OBSOLETE (retired, not in the manual): ${ids}`,
  releaseWithoutApproved: (audience: string | undefined, notApproved: readonly string[]) =>
    [
      'release refused: nothing was written.',
      `  no approved document to publish${audience !== undefined ? ` for ${audience}` : ''}: a release publishes approved documents only (isms approve)`,
      ...(notApproved.length > 0 ? [`  left out (not approved): ${notApproved.join(', ')}`] : []),
    ].join('\n'),
  renderFailed: (file: string, output: string, reason: string) => `${file}: ${output} could not be rendered (it says so in its place): ${reason}`,
  builtWithErrors: (errors: number) => `built with ${errors} validation error${errors === 1 ? '' : 's'}; isms validate says which (a --release build refuses them)`,
  secretFile: (what: 'key file' | 'passphrase file', file: string, problem: 'missing' | 'symlink' | 'not-a-file' | 'too-large' | 'shared', detail: string | undefined) =>
    problem === 'symlink'
      ? `the ${what} ${file} is a symbolic link: give the file itself (a link lets whoever can change it swap the ${what === 'key file' ? 'key' : 'passphrase'}); nothing was written`
      : problem === 'shared'
        ? `the ${what} ${file} can be read or written by others (mode ${detail ?? '?'}): run chmod 600 ${file}, and make sure nobody else has had it; nothing was written`
        : problem === 'missing'
          ? `cannot read the ${what} ${file} (${detail ?? 'unreadable'}); nothing was written`
          : `the ${what} ${file} is ${problem === 'too-large' ? 'too large to be one' : 'not a regular file'}; nothing was written`,
  noPassphrase: () =>
    '--sign-key needs the passphrase of the key: set ISMS_SIGN_PASSPHRASE in the environment of this command only, or give --passphrase-file FILE (mode 600); never on the command line. Nothing was written',
  twoPassphrases: () => 'both ISMS_SIGN_PASSPHRASE and --passphrase-file give a passphrase: give one; nothing was written',
  passphraseWithoutKey: () => '--passphrase-file is the passphrase of a --sign-key FILE.p12, which was not given',
  signingNeedsRelease: () =>
    '--sign-key signs release builds only: add --release, which refuses a dirty tree, validation errors and drafts, so that a signature never vouches for what git does not prove; nothing was written',
  signingKeyProblem: (file: string, problem: 'not-pkcs12' | 'passphrase' | 'no-key' | 'no-certificate' | 'unsupported-key', detail?: string) =>
    ({
      'not-pkcs12': `${file} is not a PKCS#12 file (.p12 or .pfx) that can be read`,
      passphrase: `the passphrase does not open ${file}: wrong passphrase, or a file made for another one`,
      'no-key': `${file} holds no private key: export the key with its certificate (openssl pkcs12 -export -inkey KEY -in CERT)`,
      'no-certificate': `${file} holds no certificate for its private key: export the key with its certificate (openssl pkcs12 -export -inkey KEY -in CERT)`,
      'unsupported-key': `${file} holds ${detail ?? 'a key'} that isms cannot sign with: use RSA, or ECDSA on P-256 or P-384`,
    })[problem] + '; nothing was written',
  certificateExpired: (file: string, subject: string, until: string) => `the certificate in ${file} (${subject}) expired on ${until}: make a new one (README, Signing); nothing was written`,
  certificateNotYetValid: (file: string, subject: string, from: string, at: string) =>
    `the certificate in ${file} (${subject}) is valid from ${from}, after the signing time ${at} (the build time; under --release the commit's): sign a later commit, or set SOURCE_DATE_EPOCH; nothing was written`,
  certificateMayNotSign: (file: string, subject: string, why: string) => `the certificate in ${file} (${subject}) may not sign documents: ${why} (README, Signing); nothing was written`,
  certificateNotYetValidNow: (file: string, subject: string, from: string) =>
    `the certificate in ${file} (${subject}) is not valid before ${from}: isms verify judges it now as well as at the signing time, so sign once it is valid; nothing was written`,
  noSuchTarget: (target: string) => `${target} does not exist: give a PDF, or a build folder that holds manifest.json`,
  badTarget: (target: string) => `${target} is neither a file nor a folder`,
  badCaFile: (file: string, reason: string) => `--ca ${file}: ${reason}; give the PEM file of the CA certificate(s) that issued the signing key`,
  badExport: (what: string, kinds: readonly string[]) => `unknown export "${what}": use one of ${kinds.join(', ')}`,
  workbookToTerminal: () => 'an xlsx workbook is a binary file: give --output FILE.xlsx (or pipe it on, or choose --format csv or json)',
  nothingToExport: (what: string, type: string) => `nothing to export as ${what}: no document has type: ${type}`,
  severalToExport: (what: string, type: string, ids: readonly string[]) => `${ids.join(', ')} all have type: ${type} and are not retired: export ${what} takes one (retire the one that is superseded)`,
  exported: (title: string, rows: number, source: string) => `${title}, ${rows} ${rows === 1 ? 'row' : 'rows'}, from ${source}`,
  fromNotBeforeTo: (from: string, to: string) => `from ${from} is not in the history of to ${to}: name an earlier commit (or date) first, then a later one`,
  changesWindow: (months: number, since: string, until: string) => `The ${months} months before this build: changes committed after ${since}, up to ${until}.`,
  atWithoutGit: () => '--at reads the ISMS from git history, so it cannot be used with --no-git',
  pointNotADate: (option: string, value: string) => `${option} ${value} is not a date: write a real date YYYY-MM-DD, or name a commit, branch or tag`,
  pointNotACommit: (option: string, value: string) => `${option} ${value} is not a commit of this repository: name a commit, branch or tag, or a date YYYY-MM-DD`,
  pointBeforeHistory: (option: string, date: string, first: string) => `${option} ${date} is before the history of HEAD, which begins with ${first}: there was no ISMS in git before it`,
  pointWithoutHistory: (option: string, value: string, why: string) => `${option} ${value} is read from git history, but ${why}`,
  configMissingAt: (file: string, commit: string) => `${commit} has no ${file}: the documents were not kept with isms at that commit`,
  configLinkAt: (file: string, commit: string) => `${file} is a symbolic link in ${commit}: the configuration must be a file in the documents folder`,
  brokenConfigAt: (commit: string, count: number) => `the configuration at ${commit} has ${count === 1 ? 'a problem' : `${count} problems`}; nothing was read`,
  internal: (message: string) => `internal error: ${message} (run with ISMS_DEBUG=1 for the stack trace)`,
  ruleFailed: (rule: string, stack: string) => `rule ${rule} failed (reported as internal-error):\n${stack}`,
} as const;
