import { inject } from 'vitest';

/**
 * This worker's DynamoDB Local, started by `global-setup.ts` for the projects that declare it
 * (vitest.config.ts). A file that needs it but runs elsewhere fails here, before any client could
 * fall back to the real AWS endpoint.
 */
export function dynamoEndpoint(): string {
  const endpoints = inject('dynamoEndpoints');
  if (!endpoints?.length) {
    throw new Error(
      'This test needs DynamoDB Local, but the vitest project running it does not start one: ' +
        'put the file in a folder the "integration" project includes (vitest.config.ts).',
    );
  }
  // VITEST_POOL_ID numbers the workers from 1.
  const worker = Math.max(1, Number(process.env.VITEST_POOL_ID) || 1);
  return endpoints[(worker - 1) % endpoints.length]!;
}
