import { lambdaConfig } from '@kd/config/lambda';
import { createStore } from '@kd/data/client';
import { createApp } from './app';
import { cognitoClaims } from './auth/claims-sources';
import { S3Client } from '@aws-sdk/client-s3';
import { s3UploadStore } from '@kd/files/spreadsheet/upload-source';

/** The app as the Lambda function serves it: Cognito claims, no dev routes, the real clock. */
export function createAwsApp() {
  const env = lambdaConfig('api');
  return createApp({
    store: createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION }),
    clock: () => new Date(),
    claims: cognitoClaims({ region: env.AWS_REGION, userPoolId: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID }),
    ...(env.UPLOAD_BUCKET ? { uploads: s3UploadStore(new S3Client({ region: env.AWS_REGION }), env.UPLOAD_BUCKET) } : {}),
  });
}
