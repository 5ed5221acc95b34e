/**
 * Where the sign-in provider sends the browser back with a code, and where it lands after
 * sign-out: the app serves them (packages/api), the stack registers them on the Cognito app client
 * for each web origin (infra/constructs/auth.ts).
 */
export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/signed-out';
