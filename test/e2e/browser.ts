import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const SCREENSHOTS = join(__dirname, 'screenshots');

export interface Session {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile (flags that work on this machine). */
export async function openBrowser(viewport = { width: 1400, height: 900 }): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'flowscope-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    baseUrl: inject('baseUrl'),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
