import { z } from 'zod';
import { createStore } from '@kd/data/client';
import { createApp } from './app';
import { cognitoClaims } from './auth/claims-sources';
import { S3Client } from '@aws-sdk/client-s3';
import { s3UploadStore } from '@kd/files/spreadsheet/upload-source';

/** Configuration the deployed API function reads from its environment (set by the CDK stack). */
const AwsEnv = z.object({
  TABLE_NAME: z.string().min(1),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  AWS_REGION: z.string().min(1),
  /** The spreadsheet upload bucket (pre-signed PUTs from the browser, read back by the API). */
  UPLOAD_BUCKET: z.string().min(1).optional(),
});

/** The app as the Lambda function serves it: Cognito claims, no dev routes, the real clock. */
export function createAwsApp() {
  const env = AwsEnv.parse(process.env);
  return createApp({
    store: createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION }),
    clock: () => new Date(),
    claims: cognitoClaims({ region: env.AWS_REGION, userPoolId: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID }),
    ...(env.UPLOAD_BUCKET ? { uploads: s3UploadStore(new S3Client({ region: env.AWS_REGION }), env.UPLOAD_BUCKET) } : {}),
  });
}
