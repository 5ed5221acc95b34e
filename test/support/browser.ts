import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with every background connection off (docs/local-machines.md).
 * Playwright gives each launch a fresh profile of its own (it refuses `--user-data-dir`).
 */
export async function launchChromium(): Promise<Browser & { cleanup(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return Object.assign(browser, {
    async cleanup() {
      await browser.close();
    },
  });
}
