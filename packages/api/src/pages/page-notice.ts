import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A notice every page of the request shows at its top (a frozen province's users are told where
 * their province went): set once by the page handler, read by the layout, whatever the page.
 */
const notice = new AsyncLocalStorage<string | null>();

export function withPageNotice<T>(text: string | null, render: () => T): T {
  return notice.run(text, render);
}

export function currentPageNotice(): string | null {
  return notice.getStore() ?? null;
}
