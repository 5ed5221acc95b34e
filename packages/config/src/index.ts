export { lambdaEnv, lambdaConfig, lambdaConfigSchemas, type LambdaFunction, type LambdaConfig } from './lambda';
export { localConfig, applyNoNetworkDefaults, type LocalConfig } from './local';
export { DEFAULT_SES_IDENTITY, DEFAULT_SENDER, senderOf } from './sender';
export { localNationalIdSecret, extensionNationalIdSecret } from './national-id-secret';
