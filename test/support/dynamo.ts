import { inject } from 'vitest';

/**
 * The run's DynamoDB Local, provided by `global-setup.ts` to the projects that declare it
 * (vitest.config.ts). A file that needs it but runs elsewhere fails here, before any client could
 * fall back to the real AWS endpoint.
 */
export function dynamoEndpoint(): string {
  const endpoint = inject('dynamoEndpoint');
  if (!endpoint) {
    throw new Error(
      'This test needs DynamoDB Local, but the vitest project running it does not start one: ' +
        'put the file in a folder the "integration" project includes (vitest.config.ts).',
    );
  }
  return endpoint;
}
