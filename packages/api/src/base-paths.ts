/** The JSON API: bearer tokens only (API Gateway's JWT authorizer checks them in AWS). */
export const API_BASE = '/api/v1';

/**
 * The same JSON API for the web pages, authenticated by the session cookie instead of a bearer
 * token (a page's script cannot read the HttpOnly cookie, and the gateway's authorizer reads only
 * the Authorization header). Writes through it need the CSRF token (docs/security.md).
 */
export const WEB_API_BASE = '/web/api/v1';
