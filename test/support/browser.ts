/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../apps/api/src/web/pdf/pdf-printer.js';

/** Debian's chromium, as .ci/run installs it; each test file launches one and gives each journey a fresh context (profile). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { target: readonly string[] }[];
}

/**
 * axe-core run in the page (evaluated through the DevTools protocol, so the page's CSP, which allows no inline
 * script, stays as served): the serious and critical violations, named with their elements.
 */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
};

export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

/** Written for review (the folder is git-ignored), one file per page of each journey. */
export const screenshot = async (page: Page, journey: string, name: string): Promise<void> => {
  mkdirSync(join(SCREENSHOTS, journey), { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, journey, `${name}.png`), fullPage: true });
};
