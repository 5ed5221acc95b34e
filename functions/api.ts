import { handle } from 'hono/aws-lambda';
import { createAwsApp } from '@kd/api/aws-app';

export const handler = handle(createAwsApp());
