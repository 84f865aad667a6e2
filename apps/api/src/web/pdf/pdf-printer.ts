import { existsSync } from 'node:fs';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { environment } from '#libs/config';

/** The flags the tests use too: no sandbox (containers), nothing fetched from the network, a fresh profile. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export class PdfUnavailable extends Error {}

/** Prints HTML documents as PDF with headless Chromium: one browser, started at the first print, a fresh context per print. */
@Injectable()
export class PdfPrinter implements OnApplicationShutdown {
  private browser: Promise<Browser> | null = null;
  readonly executablePath = environment().get('CHROMIUM_PATH') ?? '/usr/bin/chromium';

  available(): boolean {
    return existsSync(this.executablePath);
  }

  async print(html: string): Promise<Buffer> {
    if (!this.available()) throw new PdfUnavailable(this.executablePath);
    // Loaded at the first print: the library is large, and the service's start should not wait for it.
    this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS }))
      .catch((error) => {
        this.browser = null;
        throw new PdfUnavailable(String(error));
      });
    const browser = await this.browser;
    // No network: the document is self-contained (print CSS inline), and nothing it names is fetched.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }
}
