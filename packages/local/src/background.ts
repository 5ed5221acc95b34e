import type { Store } from '@kd/data';

/** What `npm start` runs beside the web app: the same handlers Lambda runs for streams and schedules. */
export interface BackgroundJob {
  name: string;
  stop(): Promise<void>;
}

export interface BackgroundContext {
  store: Store;
  /** DynamoDB Local's endpoint: the stream API is served on the same port. */
  endpoint: string;
  dataDir: string;
  clock: () => Date;
}

export type StartJob = (context: BackgroundContext) => Promise<BackgroundJob>;
