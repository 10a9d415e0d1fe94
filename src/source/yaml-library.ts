import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

/**
 * The yaml library, loaded on first use: the plain YAML of most documents is read by the simple reader
 * (simple-yaml.ts), so a run over them never pays for loading it.
 */
export function yamlLibrary(): typeof import('yaml') {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return loaded;
}
