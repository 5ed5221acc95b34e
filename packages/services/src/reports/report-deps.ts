import type { Mailer } from './mailer';

/** How a report a board asks for now is sent: SES in AWS, the outbox folder locally. */
export interface ReportDelivery {
  mailer: Mailer;
  from: string;
  appUrl: string;
  /** Local runs only: the files in the outbox folder (the Outbox page marks the messages that have one). */
  outboxFiles?: () => Promise<string[]>;
}
