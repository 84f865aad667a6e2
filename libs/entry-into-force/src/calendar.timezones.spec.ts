/**
 * The date tables must give the same answers in any time zone. A running process cannot change its own
 * zone inside Jest (the sandbox's process.env is a copy), so this reruns the date specs in child Jest
 * processes with TZ set: zones with DST in either hemisphere, one whose DST began at midnight (Sao Paulo 2018) and one at UTC+12:45/13:45.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const specs = ['calendar.spec.ts', 'entry-into-force.evaluate.spec.ts', 'term.evaluate.spec.ts', 'withdrawal.evaluate.spec.ts'].map((f) =>
  relative(root, join(here, f)),
);
const ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'America/Sao_Paulo', 'Pacific/Chatham'];

// Inside a child run, do not recurse.
const describeOutsideChild = process.env.EIF_EXPECT_TZ ? describe.skip : describe;

describeOutsideChild('date tables in other time zones', () => {
  it.each(ZONES)('given TZ=%s, when the date specs run, then they all pass', (zone) => {
    const result = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'unit', '--verbose', '--runTestsByPath', ...specs], {
      cwd: root,
      env: { ...process.env, TZ: zone, EIF_EXPECT_TZ: zone, NODE_OPTIONS: '--experimental-vm-modules' },
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`Date specs failed under TZ=${zone}:\n${output.slice(-4000)}`);
    expect(output).toMatch(new RegExp(`runs in ${zone.replace('/', '\\/')}`));
    expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
  }, 60_000);
});
