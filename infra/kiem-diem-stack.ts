import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { DeployConfig } from './config';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { Data } from './constructs/data';
import { Reports } from './constructs/reports';
import { Rollups } from './constructs/rollups';
import { TreeJobs } from './constructs/tree-jobs';
import { Uploads } from './constructs/uploads';

export interface KiemDiemStackProps extends StackProps {
  readonly config: DeployConfig;
}

/** Everything one deployment needs, one construct per concern. */
export class KiemDiemStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly uploads: Uploads;
  readonly rollups: Rollups;
  readonly treeJobs: TreeJobs;
  readonly reports: Reports;

  constructor(scope: Construct, id: string, props: KiemDiemStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.data = new Data(this, 'Data');
    this.auth = new Auth(this, 'Auth', { domainPrefix: config.authDomainPrefix });
    this.api = new Api(this, 'Api', { data: this.data, auth: this.auth, webOrigins: config.webOrigins });
    this.uploads = new Uploads(this, 'Uploads', { webOrigins: [this.api.url, ...config.webOrigins] });
    this.api.useUploads(this.uploads);
    this.rollups = new Rollups(this, 'Rollups', { data: this.data });
    this.treeJobs = new TreeJobs(this, 'TreeJobs', { data: this.data });
    this.reports = new Reports(this, 'Reports', {
      data: this.data,
      sesIdentity: config.sesIdentity,
      sesFrom: config.sesFrom,
      appUrl: this.api.url,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the API and the web pages' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'HostedLoginUrl', { value: this.auth.domainUrl, description: 'Cognito hosted login the pages sign in at' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'UploadBucketName', { value: this.uploads.bucket.bucketName });
  }
}
