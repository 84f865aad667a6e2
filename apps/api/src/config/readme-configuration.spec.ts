/**
 * README's Configuration table against the schema, both ways: every variable the service reads is in the
 * table, every name in the table is read, and the defaults the table states are the schema's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIGURATION_SCHEMA, type ConfigKey } from '#libs/config';

const README = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');

interface Row {
  readonly names: string[];
  readonly defaultCell: string;
}

const tableRows = (markdown: string): Row[] => {
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1];
  if (!section) throw new Error('README has no Configuration section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [names, defaultCell] = line.split(' | ').map((cell) => cell.replace(/^\| /, '').trim());
      return { names: [...names!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), defaultCell: defaultCell! };
    });
};

/** One value per variable when the cell lists values only (`a`, `b`, —); null for prose. */
const listedDefaults = (cell: string): (string | null)[] | 'prose' => {
  const parts = cell.split(/,\s*/);
  if (!parts.every((part) => /^`[^`]*`$/.test(part) || part === '—')) return 'prose';
  return parts.map((part) => (part === '—' ? null : part.slice(1, -1)));
};

const schemaDefault = (name: ConfigKey): string | null => {
  const spec = CONFIGURATION_SCHEMA[name] as { default?: unknown; type: { format(value: unknown): string } };
  return spec.default === undefined ? null : spec.type.format(spec.default);
};

const rows = tableRows(README);
const tabled = rows.flatMap((row) => row.names);

describe("README's Configuration table", () => {
  it('has rows to compare', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it('names every variable of the schema', () => {
    expect(Object.keys(CONFIGURATION_SCHEMA).filter((name) => !tabled.includes(name))).toEqual([]);
  });

  it('names only variables of the schema, each once', () => {
    expect(tabled.filter((name) => !(name in CONFIGURATION_SCHEMA))).toEqual([]);
    expect(tabled.filter((name, i) => tabled.indexOf(name) !== i)).toEqual([]);
  });

  it.each(rows.map((row) => [row.names.join(', '), row] as const))('states the schema\'s default for %s', (_, row) => {
    const names = row.names.filter((name): name is ConfigKey => name in CONFIGURATION_SCHEMA);
    const texts = names.map((name) => (CONFIGURATION_SCHEMA[name] as { defaultText?: string }).defaultText);
    if (texts.some((text) => text !== undefined)) {
      // A default in words (computed, or generated) is stated as the schema words it.
      expect([names.length, row.defaultCell]).toEqual([1, texts[0]]);
      return;
    }
    const listed = listedDefaults(row.defaultCell);
    expect(listed).not.toBe('prose');
    const perName = (listed as (string | null)[]).length === 1 ? names.map(() => (listed as (string | null)[])[0]!) : (listed as (string | null)[]);
    expect(names.map((name, i) => [name, perName[i]])).toEqual(names.map((name) => [name, schemaDefault(name)]));
  });

  it('gives each computed default its words in the schema', () => {
    const computed = Object.entries(CONFIGURATION_SCHEMA).filter(([, spec]) => typeof (spec as { default?: unknown }).default === 'function');
    expect(computed.filter(([, spec]) => !(spec as { defaultText?: string }).defaultText).map(([name]) => name)).toEqual([]);
  });
});
