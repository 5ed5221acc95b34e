import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { DomainError } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';
import { API_BASE } from '../base-paths';
import { ROUTE_GROUPS, type RouteGroupName } from './route-groups';

/**
 * Answers a request of the secured JSON API with its route group, loading the group with the
 * first request to one of its routes (route-groups.ts). The group sees the request as the API
 * does (paths relative to /api/v1), with the caller the API's middleware verified.
 */
export function routeGroupDispatch(deps: AppDeps) {
  const loaded = new Map<RouteGroupName, Promise<Hono<AppEnv>>>();
  const load = (name: RouteGroupName) => {
    let group = loaded.get(name);
    if (!group) {
      group = ROUTE_GROUPS[name]()
        .then((routes) => groupApp(routes(deps)))
        .catch((error: unknown) => {
          loaded.delete(name);
          throw error;
        });
      loaded.set(name, group);
    }
    return group;
  };
  return async (name: RouteGroupName, c: Context<AppEnv>): Promise<Response> => {
    const group = await load(name);
    return group.fetch(await forwardedToGroup(c), { ...(c.env ?? {}), caller: c.get('caller') });
  };
}

function groupApp(routes: OpenAPIHono<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, new DomainError('ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.')));
  app.use('*', async (c, next) => {
    // Only createApp's dispatch sets this binding, after requireCaller: no request can.
    const caller = c.env?.caller;
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'Chưa đăng nhập.');
    c.set('caller', caller);
    await next();
  });
  app.route('/', routes);
  return app;
}

/** The request as the group's routes expect it: its path under /api/v1, its body as the API middleware left it. */
export async function forwardedToGroup(c: Context<AppEnv>): Promise<Request> {
  const raw = c.req.raw;
  const url = new URL(raw.url);
  if (url.pathname.startsWith(`${API_BASE}/`)) url.pathname = url.pathname.slice(API_BASE.length);
  const init: RequestInit & { duplex?: 'half' } = { method: raw.method, headers: raw.headers, signal: raw.signal };
  // A JSON body was read (as text) by the API's middleware; an upload's stream was left unread.
  if (raw.bodyUsed) init.body = await c.req.text();
  else if (raw.body) Object.assign(init, { body: raw.body, duplex: 'half' });
  return new Request(url, init);
}
