import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { LinearRouter } from 'hono/router/linear-router';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { contentSecurityPolicy } from '@kd/config';
import { DomainError, assertNoControlCharacters } from '@kd/domain';
import { MAX_FILE_BYTES } from '@kd/domain';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { API_BASE, LOCAL_AUTHORIZE_PATH, LOCAL_TOKEN_PATH, WEB_API_BASE } from './base-paths';
import { requireCaller } from './auth/middleware';
import { csrfGuard, csrfSecretOf, csrfTokenFor } from './auth/csrf';
import { docsPage } from './routes/docs';
import type { OpenApiDocument } from './routes/openapi-document';
import { assertWritable } from '@kd/services';
import { LOCAL_PROVIDER_PATHS, PAGE_PATHS } from './pages/page-paths';
import { API_PATHS } from './routes/api-paths';
import { afterOpenApi } from './late-import';
import { requestContextStorage } from './request-context';
import { forwardedToGroup, routeGroupDispatch } from './routes/route-group-dispatch';

export { API_BASE, WEB_API_BASE };

/** Body limits (docs/security.md, "Body limits"): JSON 1 MB, page forms 64 KB; uploads 5 MB, counted as they stream. */
export const JSON_BODY_LIMIT = 1024 * 1024;
export const FORM_BODY_LIMIT = 64 * 1024;
export const FILE_FORM_BODY_LIMIT = MAX_FILE_BYTES + 64 * 1024;

const parseOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/**
 * A request the browser makes to show what comes back (a link followed, an address typed), as
 * opposed to a page script's call: Sec-Fetch-Dest says so where browsers send it, Accept elsewhere.
 */
export function isNavigation(req: Request): boolean {
  if (req.method !== 'GET') return false;
  const dest = req.headers.get('sec-fetch-dest');
  return dest ? dest === 'document' : /text\/html/.test(req.headers.get('accept') ?? '');
}

/** The routes whose body is a spreadsheet file, read as a stream by the upload code. */
function isUploadBody(method: string, path: string): boolean {
  return method === 'POST' && (/\/(roster|results|workplaces|member-results|unit-results)$/.test(path) || /\/reconciliation\/runs$/.test(path));
}

const tooLarge = () => {
  throw new DomainError('BODY_TOO_LARGE', 'Nội dung gửi lên quá lớn.');
};
const fileTooLarge = () => {
  throw new DomainError('FILE_TOO_LARGE', 'Tệp lớn hơn 5 MB.', { limitBytes: MAX_FILE_BYTES });
};

/** Page forms posting a spreadsheet (results of earlier years, an export of the central database). */
function isFilePageForm(method: string, path: string): boolean {
  return method === 'POST' && /^\/units\/[^/]+\/(history\/(members|units)|reconciliation\/runs)$/.test(path);
}

/**
 * The API's bodies: JSON at most 1 MB (buffered); an upload's file is counted by `readTable` as it
 * streams and refused past 5 MB, and refused at once when its Content-Length already says so.
 */
function apiBodyLimit(): MiddlewareHandler<AppEnv> {
  const json = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge });
  return async (c, next) => {
    if (!isUploadBody(c.req.method, c.req.path)) return json(c, next);
    if (Number(c.req.header('content-length') ?? 0) > MAX_FILE_BYTES) {
      throw new DomainError('FILE_TOO_LARGE', 'Tệp lớn hơn 5 MB.', { limitBytes: MAX_FILE_BYTES });
    }
    return next();
  };
}

/**
 * The one application object: served by @hono/node-server locally and by hono/aws-lambda in AWS.
 * Everything it needs comes in `deps`.
 */
export function createApp(deps: AppDeps) {
  // The three shells below register every address of the app (about 250), and a cold start pays
  // for building Hono's default router over them before its first answer; LinearRouter builds
  // nothing and tries the routes in order, microseconds a request at this size (measured with
  // `npm run bench -- bundle`: about 12 ms off a cold start's CPU). The route groups keep the default.
  const app = new Hono<AppEnv>({ router: new LinearRouter() });
  const csp = deps.contentSecurityPolicy ?? contentSecurityPolicy({ connectSrc: deps.uploads ? ['https://*.amazonaws.com'] : [] });
  // Pages read the request's CSRF token while they render (PostForm). Not on the bearer API, which
  // renders no page: an AsyncLocalStorage in use puts hooks on every promise of the process, about a
  // quarter of the CPU of a cold start's first request (`npm run bench -- bundle`).
  const storage = requestContextStorage();
  app.use('*', (c, next) => (under(c.req.path, API_BASE) ? next() : storage(c, next)));
  app.use('*', secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'same-origin' }));
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', csp);
  });
  // The JSON APIs answer errors in JSON; every other address (the pages) with a Vietnamese page.
  const json = (path: string) => under(path, API_BASE) || under(path, WEB_API_BASE) || path === '/openapi.json';
  // The error page's views load with the first one, as the pages do (below), not at a cold start.
  const errorPage = async (c: Context<AppEnv>, error: unknown) => (await afterOpenApi(() => import('./pages/page-handler'))).errorPage(deps, c, error);
  app.onError((error, c) => (json(c.req.path) ? errorResponse(c, error) : errorPage(c, error)));
  app.notFound((c) =>
    json(c.req.path)
      ? errorResponse(c, new DomainError('ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.'))
      : errorPage(c, new DomainError('ROUTE_NOT_FOUND', 'Không có trang này. Địa chỉ có thể đã gõ sai hoặc trang đã được chuyển đi.')),
  );

  // Page forms, sign-in and everything else outside the two JSON APIs: small bodies only; the
  // few page forms that carry a spreadsheet, the file's 5 MB and room for their fields.
  const formLimit = bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: tooLarge });
  const fileLimit = bodyLimit({ maxSize: FILE_FORM_BODY_LIMIT, onError: fileTooLarge });
  app.use('*', async (c, next) => {
    if (under(c.req.path, API_BASE) || under(c.req.path, WEB_API_BASE)) return next();
    return isFilePageForm(c.req.method, c.req.path) ? fileLimit(c, next) : formLimit(c, next);
  });
  app.use('*', async (c, next) => {
    const secret = csrfSecretOf(c);
    if (secret) c.set('csrf', csrfTokenFor(secret));
    await next();
  });
  app.use(
    '*',
    csrfGuard({
      skip: (path) => under(path, API_BASE) || path === LOCAL_TOKEN_PATH,
      jsonPath: (path) => under(path, WEB_API_BASE),
      alwaysToken: (path) => path === LOCAL_AUTHORIZE_PATH,
      // The page views load with the first page request (below), this one too.
      page: async (c, e) => (await afterOpenApi(() => import('./pages/page-handler'))).refusedPage(c, e),
    }),
  );

  const api = new Hono<AppEnv>({ router: new LinearRouter() });
  api.onError((error, c) => errorResponse(c, error));
  api.notFound((c) => errorResponse(c, new DomainError('ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.')));
  api.use('*', apiBodyLimit());
  // No control character is stored from a JSON body, whichever field it is in (issue 10).
  api.use('*', async (c, next) => {
    if (!isUploadBody(c.req.method, c.req.path) && /json/i.test(c.req.header('content-type') ?? '') && c.req.method !== 'GET') {
      // Read as text and parsed here: the validator and a route group that loads late read the same
      // text again from Hono's body cache, and a body that does not parse stays the validator's to
      // refuse (MALFORMED_JSON).
      const body = parseOrUndefined(await c.req.text());
      assertNoControlCharacters(body);
    }
    await next();
  });
  if (deps.local) {
    // Local runs only (demo identities and tokens), loaded like the route groups.
    const local = deps.local;
    let dev: Promise<Hono<AppEnv>> | undefined;
    const loadDev = () => (dev ??= afterOpenApi(() => import('./routes/dev')).then((m) => m.devRoutes(local)));
    api.get('/dev/identities', async (c) => (await loadDev()).fetch(await forwardedToGroup(c), c.env));
    api.post('/dev/token', async (c) => (await loadDev()).fetch(await forwardedToGroup(c), c.env));
  }
  const secured = new Hono<AppEnv>({ router: new LinearRouter() });
  secured.use('*', requireCaller(deps));
  // A frozen province (merged into another) is read-only: every write answers 409 TENANT_FROZEN.
  secured.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await assertWritable(deps, c.get('caller').tenant);
    await next();
  });
  // Each group of routes loads with the first request to one of them (route-groups.ts).
  const dispatch = routeGroupDispatch(deps);
  for (const [method, path, group] of API_PATHS) secured.on(method, path, (c) => dispatch(group, c));
  api.route('/', secured);
  app.route(API_BASE, api);
  // The pages' JSON API: the same routes, the session cookie as the credential (requireCaller reads
  // `session` from the bindings, which no request can set), behind the CSRF guard above.
  app.all(`${WEB_API_BASE}/*`, async (c: Context<AppEnv>) => {
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(WEB_API_BASE.length);
    const raw = c.req.raw;
    const init: RequestInit & { duplex?: 'half' } = { method: raw.method, headers: raw.headers, signal: raw.signal };
    if (raw.body) Object.assign(init, { body: raw.body, duplex: 'half' });
    const res = await api.fetch(new Request(url, init), { ...(c.env ?? {}), session: true });
    // A link followed from a page (a file to download) never shows raw JSON: its refusal is a page.
    if (res.status >= 400 && isNavigation(raw)) return (await afterOpenApi(() => import('./pages/page-handler'))).linkErrorPage(deps, c, res);
    return res;
  });

  // The OpenAPI document is built from every group, loaded for it, once.
  let document: Promise<OpenApiDocument> | undefined;
  const openApi = () =>
    (document ??= afterOpenApi(() => import('./routes/openapi-document')).then((m) => m.openApiDocument(deps)).catch((error: unknown) => {
      document = undefined;
      throw error;
    }));
  app.get('/openapi.json', async (c) => c.json(await openApi()));
  app.route('/', docsPage(openApi as () => Promise<never>));

  // Sign-in (Cognito's hosted login in AWS; locally the app's own provider, reached in process)
  // and the pages: their views load with the first page request, not at a cold start.
  const inProcess = async (input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init));
  let pages: Promise<Hono<AppEnv>> | undefined;
  const loadPages = () =>
    (pages ??= afterOpenApi(() => import('./pages/page-app')).then((m) => m.pageApp(deps, inProcess as typeof fetch)).catch((error: unknown) => {
      pages = undefined;
      throw error;
    }));
  // A form whose body the CSRF guard has read (for its token) goes to the pages as the form it
  // parsed, with the media type (and boundary) that the new body brings.
  const pageRequest = async (c: Context<AppEnv>) => {
    const raw = c.req.raw;
    if (!raw.bodyUsed) return raw;
    const headers = new Headers(raw.headers);
    headers.delete('content-type');
    headers.delete('content-length');
    return new Request(raw.url, { method: raw.method, headers, body: await c.req.formData(), signal: raw.signal });
  };
  for (const [method, path] of [...PAGE_PATHS, ...(deps.local ? LOCAL_PROVIDER_PATHS : [])]) {
    app.on(method, path, async (c) => (await loadPages()).fetch(await pageRequest(c), c.env));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
