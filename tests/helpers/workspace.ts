import path from 'node:path';
import { parseConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/config.js';
import { parseDocument } from '../../src/documents/load-document.js';
import type { Workspace } from '../../src/documents/workspace.js';
import { RULE_IDS } from '../../src/rules/index.js';

export const ROOT = path.resolve('/virtual/isms-docs');

/** A configuration every test can start from: three roles with members, approvers, default classifications. */
export const BASE_CONFIG = `organization: Test Org
roles:
  ceo: { title: Chief Executive Officer, members: [{ name: R. Adeyemi, email: ceo@example.com }] }
  ciso: { title: Chief Information Security Officer, members: [{ name: M. Woolard, email: ciso@example.com }] }
  executive: { title: Executive leadership, members: [{ name: S. Lindqvist, email: exec@example.com }] }
approvers:
  manual: [executive]
  policy: [ceo]
  "*": [ciso]
`;

export function configFrom(text: string = BASE_CONFIG): Config {
  const result = parseConfig(new TextEncoder().encode(text), path.join(ROOT, 'isms.config.yaml'), RULE_IDS);
  if (!result.ok) throw new Error(`test configuration is broken: ${result.problems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`).join('; ')}`);
  return result.config;
}

/** A workspace built in memory from `{ "path/in/root.md": "text" }`; output paths are `isms-docs/<path>`. */
export function workspaceFrom(files: Record<string, string | Uint8Array>, config: Config = configFrom()): Workspace {
  const entries = new Set<string>();
  const documents = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, text]) => {
      entries.add(file);
      for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) entries.add(`${dir}/`);
      return parseDocument({ absolutePath: path.join(ROOT, file), file: `isms-docs/${file}`, path: file }, typeof text === 'string' ? new TextEncoder().encode(text) : text);
    })
    .filter((doc) => /\.(md|ya?ml)$/i.test(doc.path));
  return { config, configFile: 'isms-docs/isms.config.yaml', documents, entries };
}

export interface MarkdownOptions {
  id?: string;
  type?: string;
  owner?: string;
  classification?: string;
  status?: string;
  version?: string;
  approval?: string | null;
  review?: string;
  extra?: string;
  body?: string;
  history?: string;
}

/** A valid approved policy unless told otherwise; each option replaces one part. */
export function markdown(options: MarkdownOptions = {}): string {
  const approval = options.approval === undefined ? 'approval: { by: ceo, name: R. Adeyemi, date: 2026-01-10 }\n' : options.approval === null ? '' : options.approval + '\n';
  const history =
    options.history ??
    `## Version history

| Version | Date | Author(s) | Details |
|---|---|---|---|
| 0.1 | 2025-12-01 | M. Woolard | First draft |
| 1.0 | 2026-01-10 | M. Woolard | First published |
`;
  return `---
id: ${options.id ?? 'DOC-A5'}
title: Information Security Policy
type: ${options.type ?? 'policy'}
owner: ${options.owner ?? 'ciso'}
classification: ${options.classification ?? 'internal'}
status: ${options.status ?? 'approved'}
version: "${options.version ?? '1.0'}"
${approval}${options.review ? options.review + '\n' : ''}${options.extra ? options.extra + '\n' : ''}---

# Information Security Policy

${options.body ?? 'The policy.'}

${history}`;
}
