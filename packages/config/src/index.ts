export * from './auth-paths';
export * from './csp';
export * from './lambda';
export * from './local';
export * from './sender';
