import { readFile } from 'node:fs/promises';
import { START_OF_FILE } from '../diagnostics/diagnostic.js';
import { decodeDocument } from '../text/decode.js';
import type { SourceDocument } from './document.js';
import { splitFrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';
import { readMetadata } from './metadata.js';
import { SourceMap } from '../source/source-map.js';
import { markdownHistory, yamlHistory } from './version-history.js';
import { parseYamlSource } from '../source/yaml-source.js';
import { isRecord } from '../text/is-record.js';

export interface DocumentLocation {
  absolutePath: string;
  file: string;
  path: string;
  escapesRoot?: string;
  /** The path's bytes, when its name is not UTF-8 (the other paths show it with `\xff` escapes). */
  bytes?: Buffer;
}

/**
 * How much of a document to read. `metadataOnly`: the metadata and YAML data, not the Markdown body
 * nor its version history (exports and change reports need no more; rules and publications do).
 */
export interface ReadOptions {
  metadataOnly?: boolean;
}

/** Reads and parses one file. Never throws: whatever goes wrong becomes a parse problem on the file. */
export async function loadDocument(location: DocumentLocation, options: ReadOptions = {}): Promise<SourceDocument> {
  if (location.escapesRoot !== undefined) return parseDocument(location, undefined);
  try {
    return parseDocument(location, await readFile(location.bytes ?? location.absolutePath), options);
  } catch (error) {
    const doc = parseDocument(location, undefined);
    doc.parseProblems.push({ message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, at: START_OF_FILE });
    return doc;
  }
}

/** Parses a document's bytes (undefined: not read). Pure; never throws. */
export function parseDocument(location: DocumentLocation, bytes: Uint8Array | undefined, options: ReadOptions = {}): SourceDocument {
  const format = /\.md$/i.test(location.path) ? 'markdown' : 'yaml';
  const doc: SourceDocument = {
    ...location,
    format,
    text: undefined,
    parseProblems: [],
    data: undefined,
    map: new SourceMap(START_OF_FILE),
    meta: {},
    markdown: undefined,
    history: undefined,
  };
  if (bytes === undefined) return doc;
  try {
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) {
      doc.parseProblems.push({ message: decoded.message, at: decoded.at ?? START_OF_FILE });
      return doc;
    }
    doc.text = decoded.text;
    if (format === 'markdown') parseMarkdownDocument(doc, decoded.text, options);
    else parseYamlDocument(doc, decoded.text);
  } catch (error) {
    // A parser bug or exhausted stack on hostile input is still a finding on this file, not a crash.
    doc.parseProblems.push({ message: `cannot parse the file: ${(error as Error).message}`, at: START_OF_FILE });
  }
  return doc;
}

function parseMarkdownDocument(doc: SourceDocument, text: string, options: ReadOptions): void {
  const split = splitFrontMatter(text);
  let body = text;
  if (split.kind === 'error') {
    doc.parseProblems.push({ message: split.message, at: split.at });
    return;
  }
  if (split.kind === 'yaml') {
    body = split.bodyText;
    // The splitter blanks the body in yamlText to keep file positions; the trailing blank lines mean nothing.
    const source = parseYamlSource(split.yamlText.trimEnd());
    doc.parseProblems.push(...source.problems);
    // The fallback position of the metadata is the opening delimiter.
    doc.map = source.map.withFallback({ line: 1, column: 1, endLine: 1, endColumn: 4 });
    if (source.problems.length === 0) {
      if (isRecord(source.value)) doc.data = source.value;
      else doc.parseProblems.push({ message: 'front matter must be a map of keys (id, title, type, ...)', at: { line: 1, column: 1, endLine: 1, endColumn: 4 } });
    }
  }
  doc.meta = readMetadata(doc.data);
  if (options.metadataOnly) return;
  doc.markdown = parseMarkdown(body);
  doc.parseProblems.push(...doc.markdown.problems);
  doc.history = markdownHistory(doc.markdown, START_OF_FILE);
}

function parseYamlDocument(doc: SourceDocument, text: string): void {
  const source = parseYamlSource(text);
  doc.map = source.map;
  doc.parseProblems.push(...source.problems);
  if (source.problems.length > 0) return;
  if (!isRecord(source.value)) {
    doc.parseProblems.push({ message: 'a YAML document must be a map of keys (id, title, type, ...)', at: source.map.fallback });
    return;
  }
  doc.data = source.value;
  doc.meta = readMetadata(doc.data);
  doc.history = yamlHistory(doc.data, doc.map);
}
