/**
 * Keeps the AWS SDK off the network on this machine (engineering/stack.md): no metadata lookups,
 * fixed local credentials for DynamoDB Local, no version warnings. Imported first by every local script.
 */
const defaults: Record<string, string> = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  CDK_DISABLE_VERSION_CHECK: 'true',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
for (const [k, v] of Object.entries(defaults)) process.env[k] ??= v;
export {};
