import { chromium, type Browser } from 'playwright-core';

let shared: Promise<Browser> | undefined;

function launch(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Debian's Chromium, headless, with every background connection off (docs/local-machines.md).
 * One browser per test worker, shared by the files that run in it one after another (a launch is
 * a second or two of CPU on these two cores); each page a file opens has a context of its own
 * (`newPage` makes one, with a fresh profile: no cookie crosses from one file to the next), and
 * `cleanup()` closes the file's contexts, not the browser, which Playwright closes when the worker
 * exits.
 */
export async function launchChromium(): Promise<Browser & { cleanup(): Promise<void> }> {
  let browser = await (shared ??= launch());
  if (!browser.isConnected()) browser = await (shared = launch());
  const open = browser;
  return Object.assign(open, {
    async cleanup() {
      await Promise.all(open.contexts().map((context) => context.close()));
    },
  });
}
