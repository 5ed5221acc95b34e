import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../packages/local/src/dynamo-local';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One DynamoDB Local per vitest worker, in worker order (see `dynamoEndpoint()`). */
    dynamoEndpoints: string[];
  }
}

/**
 * One DynamoDB Local per vitest worker for the whole run; each test file makes its own table (see
 * `test/support/store.ts`). Not one for all: DynamoDB Local serialises every write to a database
 * behind a single lock, so two busy files on one instance wait on each other and, on a loaded
 * machine, past its lock timeout ("too long waiting for a lock", a 500). Files running in the same
 * worker run one after another and share their worker's instance. Each instance serves the whole
 * run, minutes of work: the JVM's full compiler (`steady`) pays for itself.
 */
export default async function setup(project: TestProject) {
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const instances = await Promise.all(Array.from({ length: workers }, () => startDynamoLocal({ steady: true })));
  project.provide('dynamoEndpoints', instances.map((d) => d.endpoint));
  return async () => {
    await Promise.all(instances.map((d) => d.stop()));
  };
}
