import { extensionNationalIdSecret, lambdaConfig } from '@kd/config';
import { createStore, s3UploadBucket } from '@kd/data';
import { bucketUploadStore } from '@kd/files';
import { hmacNationalIdKeys } from '@kd/services';
import { createApp } from './app';
import { cognitoClaims } from './auth/claims-sources';

/** The app as the Lambda function serves it: Cognito claims, no dev routes, the real clock. */
export function createAwsApp() {
  const env = lambdaConfig('api');
  return createApp({
    store: createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION }),
    clock: () => new Date(),
    claims: cognitoClaims({ region: env.AWS_REGION, userPoolId: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID }),
    ...(env.UPLOAD_BUCKET ? { uploads: bucketUploadStore(s3UploadBucket({ bucket: env.UPLOAD_BUCKET, region: env.AWS_REGION })) } : {}),
    ...(env.NATIONAL_ID_SECRET_ARN ? { nationalIdKeys: hmacNationalIdKeys(extensionNationalIdSecret(env.NATIONAL_ID_SECRET_ARN)) } : {}),
  });
}
