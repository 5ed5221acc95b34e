import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcardResource } from '../nag';
import type { NodeFunction } from './node-function';

export interface UploadsProps {
  /** Origins the browser uploads from (the API's own URL, plus any custom domain). */
  readonly webOrigins: string[];
  /** Days an uploaded file is kept before S3 deletes it. */
  readonly expireAfterDays?: number;
}

/**
 * Staging for spreadsheets that are too large for an API request body: the browser PUTs to a
 * presigned URL, the API reads the file back and stores what it decided in the table.
 */
export class Uploads extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: UploadsProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        // A file is processed within minutes; keeping it longer only keeps personal data around.
        { id: 'expire-uploads', expiration: Duration.days(props.expireAfterDays ?? 3) },
        { id: 'abort-incomplete', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: props.webOrigins,
          allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
    });
    acknowledge(
      this.bucket,
      'S1',
      'Objects are written and read only through presigned URLs that the API function issues to a caller the JWT ' +
        'authorizer accepted; the API access log records each of those requests with the caller\'s sub, and every ' +
        'object expires within days. A second bucket only to hold access logs of short-lived staging files is not kept.',
    );
  }

  /** PutObject to presign uploads and GetObject to read them back; nothing else (no list, no delete). */
  grantPresignAndRead(grantee: NodeFunction): void {
    grantee.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    acknowledgeWildcardResource(
      grantee.role,
      this.bucket.arnForObjects('*'),
      'Object keys are generated per upload at run time, so the grant names every object of this one bucket; ' +
        'the actions are only s3:PutObject (to presign the browser upload) and s3:GetObject (to read it back).',
    );
  }
}
