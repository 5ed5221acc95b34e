// Keep the SDK and the CDK off the network (docs/local-machines.md): every test process sets these.
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_REGION = 'ap-southeast-1';
process.env.AWS_ACCESS_KEY_ID = 'local';
process.env.AWS_SECRET_ACCESS_KEY = 'local';
process.env.CDK_DISABLE_VERSION_CHECK = 'true';
process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.TZ = 'UTC';
