import { existsSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_TYPES, RECORD_KINDS, requiredSectionsFor, type RecordKind } from '../config/config.js';
import { defaultPath, newDocumentFile } from '../scaffold/documents.js';
import { EDITOR_SCHEMA_FOLDER, EDITOR_SCHEMA_OF_TYPE, modeline } from '../scaffold/editor-schemas.js';
import { todayIso } from '../text/dates.js';
import { authorName } from '../git/identity.js';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io.js';
import { messages } from './messages.js';
import { openWorkspace } from './open-workspace.js';
import { writeNewFiles } from './write-files.js';
import { displayPath } from '../text/paths.js';

const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/** The record kind of `isms new record`, checked; undefined for other types. */
function recordKind(type: string, record: string | undefined): RecordKind | undefined {
  if (type !== 'record') {
    if (record !== undefined) throw new UsageError(messages.recordKindOnlyForRecords(type));
    return undefined;
  }
  if (record === undefined) throw new UsageError(messages.recordKindNeeded(RECORD_KINDS));
  if (!(RECORD_KINDS as readonly string[]).includes(record)) throw new UsageError(messages.badRecordKind(record, RECORD_KINDS));
  return record as RecordKind;
}

export async function newCommand(type: string, id: string, options: { title?: string; record?: string; config?: string }, io: CliIo): Promise<ExitCode> {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(type)) throw new UsageError(messages.badType(type, DOCUMENT_TYPES));
  if (!ID.test(id)) throw new UsageError(messages.badId(id));
  const record = recordKind(type, options.record);
  const workspace = await openWorkspace(io, options.config);
  const { config } = workspace;
  const taken = workspace.documents.find((doc) => doc.meta.id === id);
  if (taken) throw new UsageError(messages.idTaken(id, taken.file));
  const roles = Object.keys(config.roles);
  const owner = roles.includes('ciso') ? 'ciso' : (config.approvers['*']?.[0] ?? roles[0] ?? 'ciso');
  const title = options.title ?? id;
  const relative = defaultPath(type, title);
  const file = newDocumentFile(
    {
      id,
      title,
      type,
      owner,
      author: await authorName(io.cwd),
      date: todayIso(),
      standard: type === 'soa' || type === 'risk-register' ? config.standard : undefined,
      requiredSections: requiredSectionsFor(config, type),
      ...(record ? { record } : {}),
    },
    relative,
  );
  // Where isms init wrote editor schemas, the new YAML document names its own, as init's do.
  const schema = EDITOR_SCHEMA_OF_TYPE[type];
  const planned = schema && existsSync(path.join(config.root, EDITOR_SCHEMA_FOLDER, `${schema}.schema.json`)) ? { ...file, text: modeline(relative, schema) + file.text } : file;
  try {
    writeNewFiles(config.root, [planned]);
  } catch (error) {
    const existing = (error as { existing?: string[] }).existing;
    if (existing) throw new UsageError(messages.wouldOverwrite(existing.map((f) => displayPath(io.cwd, f))));
    throw error;
  }
  io.stdout.write(`Created ${displayPath(io.cwd, path.join(config.root, relative))} (${id}, ${type}, draft 0.1)\n`);
  return EXIT.ok;
}
