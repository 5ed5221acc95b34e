import { extensionNationalIdSecret, lambdaConfig } from '@kd/config';
import { createStore, s3UploadBucket } from '@kd/data';
import { hmacNationalIdKeys, lazyBucketUploadStore } from '@kd/services';
import { createApp } from './app';
import { cognitoClaims } from './auth/claims-sources';

/** The app as the Lambda function serves it: Cognito claims and hosted login, no dev routes, the real clock. */
export function createAwsApp() {
  const env = lambdaConfig('api');
  const issuer = `https://cognito-idp.${env.AWS_REGION}.amazonaws.com/${env.USER_POOL_ID}`;
  return createApp({
    store: createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION }),
    clock: () => new Date(),
    claims: cognitoClaims({ region: env.AWS_REGION, userPoolId: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID }),
    cursorKey: env.CURSOR_KEY,
    oidc: {
      discoveryUrl: () => `${issuer}/.well-known/openid-configuration`,
      clientId: env.USER_POOL_CLIENT_ID,
      scope: 'openid email profile',
      logoutEndpoint: () => `${env.AUTH_DOMAIN_URL.replace(/\/$/, '')}/logout`,
    },
    contentSecurityPolicy: env.CONTENT_SECURITY_POLICY,
    ...(env.UPLOAD_BUCKET ? { uploads: lazyBucketUploadStore(s3UploadBucket({ bucket: env.UPLOAD_BUCKET, region: env.AWS_REGION })) } : {}),
    ...(env.NATIONAL_ID_SECRET_ARN ? { nationalIdKeys: hmacNationalIdKeys(extensionNationalIdSecret(env.NATIONAL_ID_SECRET_ARN, { port: env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, sessionToken: env.AWS_SESSION_TOKEN })) } : {}),
  });
}
