/**
 * The layer rules of the whole tree, executable: which library may import which, and what importing the pure
 * domain loads at run time. The graph is read from the sources (static imports and re-exports; type-only ones
 * are erased by the compiler and load nothing), following relative paths and the `#libs/...` mapping of
 * package.json, so a new file or library is checked without being listed here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imports: Record<string, { source: string }> };

/** Which libraries each library may import (the apps may import any). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  config: [],
  'entry-into-force': [],
  lifecycle: ['entry-into-force', 'event-store'],
  'event-store': ['config'],
  'read-models': ['config', 'event-store', 'lifecycle', 'entry-into-force', 'identity'],
  documents: ['event-store', 'lifecycle', 'entry-into-force'],
  identity: ['config', 'event-store', 'lifecycle', 'entry-into-force'],
  integrity: ['event-store'],
  portability: ['event-store', 'integrity'],
  notifications: ['config', 'documents', 'event-store', 'lifecycle'],
};
/** What the pure domain may load at run time, transitively. */
const PURE_ENTRIES = ['#libs/lifecycle', '#libs/entry-into-force', '#libs/config'];
const PURE_MAY_LOAD = [/^date-fns(\/|$)/, /^node:crypto$/];

interface Import {
  readonly specifier: string;
  /** `import type` / `export type`: erased, loads nothing. */
  readonly typeOnly: boolean;
}

const importsOf = (file: string): Import[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?'([^']+)'/gms)].map((m) => ({
    specifier: m[3],
    typeOnly: !!m[2],
  }));

const resolveLibs = (specifier: string): string | null => {
  const exact = pkg.imports[specifier];
  if (exact) return join(root, exact.source);
  const match = /^#libs\/([^/]+)$/.exec(specifier);
  return match ? join(root, pkg.imports['#libs/*'].source.replace('*', match[1])) : null;
};

/** A file for a specifier, or null for a package (a bare name or `node:`). */
const resolveFile = (from: string, specifier: string): string | null => {
  if (specifier.startsWith('#')) return resolveLibs(specifier);
  if (!specifier.startsWith('.')) return null;
  const target = resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
  return existsSync(target) ? target : null;
};

const libraryOf = (file: string): string | null => /^libs\/([^/]+)\//.exec(relative(root, file))?.[1] ?? null;

const sources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : entry.name.endsWith('.ts') && !/\.(spec|e2e-spec|contract)\.ts$/.test(entry.name) && !entry.name.endsWith('.fixture.ts')
        ? [join(folder, entry.name)]
        : [],
  );

/** Packages loaded at run time from an entry, following value imports only. */
const packagesLoadedFrom = (entry: string): Map<string, string> => {
  const loaded = new Map<string, string>(); // package → the file that imports it
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      const target = resolveFile(file, specifier);
      if (target) visit(target);
      else if (!specifier.startsWith('.')) loaded.set(specifier, relative(root, file));
    }
  };
  visit(resolveLibs(entry)!);
  return loaded;
};

describe('layer rules', () => {
  const files = sources(join(root, 'libs')).filter((f) => !relative(root, f).includes('/testing/'));

  it('has library sources to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(Object.keys(MAY_IMPORT))('libs/%s imports only the libraries it may', (library) => {
    const breaches = files
      .filter((file) => libraryOf(file) === library)
      .flatMap((file) =>
        importsOf(file)
          .map(({ specifier }) => resolveFile(file, specifier))
          .filter((target): target is string => target !== null)
          .map((target) => libraryOf(target))
          .filter((other): other is string => other !== null && other !== library && !MAY_IMPORT[library].includes(other))
          .map((other) => `${relative(root, file)} → ${other}`),
      );
    expect(breaches).toEqual([]);
  });

  it('names every library in the table', () => {
    const libraries = readdirSync(join(root, 'libs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(libraries.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it.each(PURE_ENTRIES)('importing %s loads no driver, no framework and no I/O', (entry) => {
    const outside = [...packagesLoadedFrom(entry)].filter(([name]) => !PURE_MAY_LOAD.some((allowed) => allowed.test(name)));
    expect(outside).toEqual([]);
  });

  it('sees a driver where one is loaded: the adapters load better-sqlite3, the EventStoreDB entry its client, and the port neither', () => {
    const adapters = [...packagesLoadedFrom('#libs/event-store/adapters').keys()];
    expect(adapters).toEqual(expect.arrayContaining(['better-sqlite3', '@nestjs/common']));
    // The embedded default does not load the gRPC client (it is imported when EVENT_STORE=eventstoredb).
    expect(adapters).not.toContain('@eventstore/db-client');
    expect([...packagesLoadedFrom('#libs/event-store/esdb').keys()]).toContain('@eventstore/db-client');
    expect([...packagesLoadedFrom('#libs/event-store').keys()].filter((name) => !PURE_MAY_LOAD.some((allowed) => allowed.test(name)))).toEqual([]);
  });
});
