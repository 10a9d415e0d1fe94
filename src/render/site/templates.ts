import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { isInside } from '../../text/paths.js';
import { FileTooLargeError, readFileCapped } from '../../text/read-capped.js';

/** The templates shipped with the package. */
export const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../../templates/site/', import.meta.url));

const PAGES = ['layout', 'register', 'document', 'soa', 'risks', 'record', 'changes'] as const;
const PARTIALS = ['metadata', 'approval', 'control', 'value'] as const;
export type PageTemplate = (typeof PAGES)[number];

export interface SiteTemplates {
  pages: Record<PageTemplate, Handlebars.TemplateDelegate>;
  css: string;
}

export class TemplateError extends Error {}

/**
 * Loads the site templates: each from the configured folder when it has it, else from the package.
 * Templates come only from files (never from document text); the folder must be inside the documents
 * root; the Handlebars instance is private, with prototype access off (its default).
 */
export function loadTemplates(root: string, configured: string | undefined): SiteTemplates {
  let custom: string | undefined;
  if (configured !== undefined) {
    const resolved = path.resolve(root, configured);
    const real = existsSync(resolved) ? realpathSync(resolved) : undefined;
    if (!real || !isInside(realpathSync(root), real)) throw new TemplateError(`publish.templates ${configured} must be a folder inside the documents folder`);
    custom = real;
  }
  const read = (file: string) => {
    const own = custom ? path.join(custom, file) : undefined;
    if (!custom || !own || !existsSync(own)) return readFileSync(path.join(PACKAGE_TEMPLATES, file), 'utf8');
    const shown = path.posix.join(configured ?? '', file);
    // A link out of the folder would publish whatever it points at; a pipe would never end.
    const real = realpathSync(own);
    if (!isInside(custom, real) || !statSync(real).isFile()) throw new TemplateError(`template ${shown} is not a file inside the templates folder`);
    try {
      return readFileCapped(real).toString('utf8');
    } catch (error) {
      if (error instanceof FileTooLargeError) throw new TemplateError(`template ${shown}: ${error.message}`);
      throw error;
    }
  };
  const handlebars = Handlebars.create();
  handlebars.registerHelper('join', (list: unknown) => (Array.isArray(list) ? list.join(', ') : ''));
  handlebars.registerHelper('is', (value: unknown, expected: unknown) => value === expected);
  for (const partial of PARTIALS) handlebars.registerPartial(partial, read(`partials/${partial}.hbs`));
  const pages = Object.fromEntries(PAGES.map((name) => [name, handlebars.compile(read(`${name}.hbs`))])) as Record<PageTemplate, Handlebars.TemplateDelegate>;
  return { pages, css: read('site.css') };
}
