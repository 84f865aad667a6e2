import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SENTINEL = join('partials', 'letterhead.html.hbs');
const looksLikeTemplates = (dir: string): boolean => existsSync(join(dir, SENTINEL));

/**
 * Where the built-in templates live. They are not compiled, so they stay in libs/documents/templates: next to
 * the sources (jest, tsc --noEmit) and, for the build in dist/, found by walking up to the package root; the
 * working directory is the last resort (node started from the repository root).
 */
export const resolveTemplatesDir = (explicit?: string): string => {
  if (explicit) {
    if (!looksLikeTemplates(explicit)) throw new Error(`No document templates in ${explicit} (expected ${SENTINEL}).`);
    return resolve(explicit);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../templates')];
  for (let dir = here; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'libs', 'documents', 'templates'));
    if (dirname(dir) === dir) break;
  }
  candidates.push(resolve(process.cwd(), 'libs', 'documents', 'templates'));
  const found = candidates.find(looksLikeTemplates);
  if (!found) throw new Error(`Cannot find the document templates; looked in ${candidates.join(', ')}.`);
  return found;
};
