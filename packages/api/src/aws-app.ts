import { z } from 'zod';
import { createStore } from '@kd/data/client';
import { s3UploadBucket } from '@kd/data/upload-bucket';
import { bucketUploadStore } from '@kd/files/spreadsheet/upload-source';
import { createApp } from './app';
import { cognitoClaims } from './auth/claims-sources';

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
    ...(env.UPLOAD_BUCKET ? { uploads: bucketUploadStore(s3UploadBucket({ bucket: env.UPLOAD_BUCKET, region: env.AWS_REGION })) } : {}),
  });
}
