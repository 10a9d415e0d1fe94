import { bundledSchemaText, schemaNames } from '../schema/bundle.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';

/** Prints a shipped JSON schema made self-contained (every `$ref` local), for editors. */
export async function schemaCommand(name: string, io: CliIo): Promise<ExitCode> {
  const text = bundledSchemaText(name);
  if (text === undefined) throw new UsageError(messages.unknownSchema(name, schemaNames()));
  io.stdout.write(text);
  return EXIT.ok;
}
