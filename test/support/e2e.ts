import type { Page } from 'playwright-core';
import type { Store } from '@kd/data';
import { createTestStore } from './store';
import { createTestApp, type TestApp } from './app';
import { seedFixture } from './fixture';
import { launchChromium } from './browser';
import { serveApp } from './server';

export interface BrowserHarness {
  store: Store;
  t: TestApp;
  url: string;
  browser: Awaited<ReturnType<typeof launchChromium>>;
  /** A new page logged in through the real login page as the fixture identity with this `sub`. */
  login(sub: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The fixture provinces on their own table, plus whatever `seed` adds, served on 127.0.0.1 with a
 * set clock, and Chromium to drive it.
 */
export async function startBrowserHarness(name: string, options: { now?: string; seed?: (store: Store) => Promise<unknown>; stream?: boolean } = {}): Promise<BrowserHarness> {
  const store = await createTestStore(name, { stream: options.stream });
  await seedFixture(store);
  await options.seed?.(store);
  const t = await createTestApp(store, options.now);
  const server = await serveApp(t.app);
  const browser = await launchChromium();
  return {
    store,
    t,
    url: server.url,
    browser,
    async login(sub, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage({ viewport });
      await page.goto(server.url + '/login');
      await page.click(`[data-testid="login-${sub}"]`);
      // The home page (or the page the login came back to).
      await page.waitForSelector('[data-testid="home"], [data-testid="unit-name"]');
      return page;
    },
    async close() {
      await browser.cleanup();
      await server.close();
    },
  };
}
