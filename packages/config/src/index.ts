export * from './auth-paths';
export * from './csp';
export * from './cursor-key';
export * from './lambda';
export * from './local';
export * from './national-id-secret';
export * from './sender';
