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
  internal: (message: string) => `internal error: ${message} (run with ISMS_DEBUG=1 for the stack trace)`,
} as const;
