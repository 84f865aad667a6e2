/**
 * The domain is pure: decide and evolve, and the entry-into-force rules they use, import no framework, no
 * driver and no I/O. This checks the imports of every non-test source file of those folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PURE_FOLDERS = [join(here, 'instrument'), join(here, 'party'), join(here, 'shared'), join(here, '../../entry-into-force/src')];
const ALLOWED = [/^\.{1,2}\//, /^#libs\/entry-into-force$/, /^date-fns$/];

const sources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')
        ? [join(folder, entry.name)]
        : [],
  );

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);

describe('the domain is pure', () => {
  const files = PURE_FOLDERS.flatMap(sources);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(join(here, '../..'), f), f]))('%s imports only the domain, its rules and date-fns', (_name, file) => {
    const outside = importsOf(file).filter((specifier) => !ALLOWED.some((pattern) => pattern.test(specifier)));
    expect(outside).toEqual([]);
  });

  it('recognises a forbidden import', () => {
    const sample = "import { Injectable } from '@nestjs/common';\nimport { x } from './x.js';";
    const found = [...sample.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect(found.filter((s) => !ALLOWED.some((p) => p.test(s)))).toEqual(['@nestjs/common']);
  });
});
