import type { Mailer } from './mailer';

/** What the web app needs to send a report a board asked for now. */
export interface ReportDeps {
  mailer: Mailer;
  from: string;
  appUrl: string;
  /** Local runs only: where the outbox `.eml` files are (the Outbox page lists them). */
  outboxDir?: string;
}
