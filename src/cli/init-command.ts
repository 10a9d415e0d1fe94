import path from 'node:path';
import { EDITOR_SCHEMA_OF } from '../scaffold/editor-schemas.js';
import { planInit } from '../scaffold/init.js';
import { bundledSchemaText } from '../schema/bundle.js';
import { todayIso } from '../text/dates.js';
import { gitIdentity } from '../git/identity.js';
import { ensureRepository } from '../git/repository.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { writeNewFiles } from './write-files.js';
import { displayPath } from '../text/paths.js';

export async function initCommand(dir: string | undefined, options: { organization: string; standard: string }, io: CliIo): Promise<ExitCode> {
  if (options.standard !== 'iso27001-2022' && options.standard !== 'iso27001-2013') {
    throw new UsageError(messages.badStandard(options.standard));
  }
  const root = path.resolve(io.cwd, dir ?? 'isms-docs');
  const person = await gitIdentity(io.cwd);
  const editorSchemas = Object.fromEntries(Object.values(EDITOR_SCHEMA_OF).map((name) => [name, bundledSchemaText(name) ?? '']));
  const files = planInit({ organization: options.organization, standard: options.standard, date: todayIso(), person, editorSchemas });
  try {
    writeNewFiles(root, files);
  } catch (error) {
    const existing = (error as { existing?: string[] }).existing;
    if (existing) throw new UsageError(messages.wouldOverwrite(existing.map((file) => displayPath(io.cwd, file))));
    throw new UsageError(messages.cannotWrite(displayPath(io.cwd, root), (error as Error).message));
  }
  const createdRepository = await ensureRepository(root);
  const where = displayPath(io.cwd, root);
  io.stdout.write(
    [
      `Created ${files.length} files in ${where}/:`,
      ...files.map((file) => `  ${file.path}`),
      ...(createdRepository ? [`and a git repository in ${where}/ (isms proves versions and approvals from its history).`] : []),
      '',
      'Next:',
      `  1. In ${where}/isms.config.yaml, add the people who hold each role (name and git email).`,
      '  2. Commit the drafts; write each document in place of its prompts (italics, [fill in]); decide each control in the Statement of Applicability.',
      `  3. Run: isms validate${where === 'isms-docs' || where === '.' ? '' : ` --config ${where}/isms.config.yaml`}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
