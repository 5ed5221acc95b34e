/** The JSON API: bearer tokens only (API Gateway's JWT authorizer checks them in AWS). */
export const API_BASE = '/api/v1';

/**
 * The same JSON API for the web pages, authenticated by the session cookie instead of a bearer
 * token (a page's script cannot read the HttpOnly cookie, and the gateway's authorizer reads only
 * the Authorization header). Writes through it need the CSRF token (docs/security.md).
 */
export const WEB_API_BASE = '/web/api/v1';

/**
 * The local sign-in provider (auth/local-provider.tsx, local runs only). Here, not beside it, so
 * that the CSRF guard can name its paths without loading the provider's views at a cold start.
 */
export const LOCAL_PROVIDER_BASE = '/local-oidc';
export const LOCAL_TOKEN_PATH = `${LOCAL_PROVIDER_BASE}/oauth2/token`;
export const LOCAL_AUTHORIZE_PATH = `${LOCAL_PROVIDER_BASE}/oauth2/authorize`;

/**
 * The masses' comment form of one session (printed as a QR code, answered by the API when a
 * session is opened): one address shared by the JSON API and the pages.
 */
export const commentFormUrl = (tenant: string, sessionId: string) => `/y-kien?s=${encodeURIComponent(`${tenant}.${sessionId}`)}`;
