/** Tool-error wording in one place (ESLint `messages/` style), tested as text. */
export const messages = {
  noConfig: (cwd: string) =>
    `no isms.config.yaml in ${cwd} or ${cwd === '.' ? '' : cwd + '/'}isms-docs/: pass --config FILE, or run isms in the folder that holds it`,
  brokenConfig: (count: number) => `the configuration has ${count === 1 ? 'a problem' : `${count} problems`}; nothing was checked`,
  badFormat: (format: string, formats: readonly string[]) => `unknown format "${format}": use one of ${formats.join(', ')}`,
  badAsOf: (value: string) => `--as-of takes a date YYYY-MM-DD, not "${value}"`,
  badMaxWarnings: (value: string) => `--max-warnings takes a whole number of 0 or more, not "${value}"`,
  noDocumentAt: (target: string) => `no controlled document at ${target}`,
  tooManyWarnings: (warnings: number, max: number) => `${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found; --max-warnings allows ${max}`,
  cannotWrite: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
  badStandard: (value: string) => `unknown standard "${value}": use iso27001-2022 or iso27001-2013`,
  badType: (value: string, types: readonly string[]) => `unknown document type "${value}": use one of ${types.join(', ')}`,
  badId: (value: string) => `"${value}" is not a document id: capital letters, digits and hyphens, like DOC-A5`,
  idTaken: (id: string, file: string) => `id ${id} is already used by ${file}`,
  wouldOverwrite: (files: readonly string[]) => `refusing to overwrite ${files.join(', ')}`,
  cannotRead: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  migrateUnreadable: (file: string) => `${file} cannot be read as YAML; nothing was migrated`,
  migrateNotSoa: (file: string) => `${file} is not a Statement of Applicability (type: soa)`,
  migrateNot2013: (file: string, standard: string | undefined) =>
    standard === 'iso27001-2022' ? `${file} is already an ISO/IEC 27001:2022 SoA` : `${file} must say standard: iso27001-2013 to be migrated`,
  internal: (message: string) => `internal error: ${message} (run with ISMS_DEBUG=1 for the stack trace)`,
} as const;
