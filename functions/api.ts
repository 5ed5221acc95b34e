import { handle } from 'hono/aws-lambda';
import { createAwsApp } from '@kd/api';

export const handler = handle(createAwsApp());
