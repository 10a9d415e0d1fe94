import type { Config } from '../config/config.js';
import type { SourceDocument } from './document.js';
import { discoverDocuments } from './discover.js';
import { loadDocument, type ReadOptions } from './load-document.js';
import { displayPath } from '../text/paths.js';

/** Everything the checks look at: the configuration and every controlled document, already parsed. */
export interface Workspace {
  config: Config;
  /** The configuration file as output shows it (relative to the current folder). */
  configFile: string;
  documents: SourceDocument[];
  /** Every file and folder ("name/") under the root, POSIX, relative to it: what a link may point at. */
  entries: ReadonlySet<string>;
}

export async function loadWorkspace(config: Config, cwd: string, exclude: readonly string[] = [], options: ReadOptions = {}): Promise<Workspace> {
  const discovery = await discoverDocuments({ root: config.root, cwd, ignore: config.ignore, exclude });
  const documents = await Promise.all(discovery.documents.map((location) => loadDocument(location, options)));
  return { config, configFile: displayPath(cwd, config.file), documents, entries: discovery.entries };
}
