import { handle } from 'hono/aws-lambda';
import { createAwsApp, installLiteFetch } from '@kd/api';

// Requests and answers without loading Node's fetch implementation (packages/api/src/lite-fetch.ts).
installLiteFetch();
export const handler = handle(createAwsApp());
