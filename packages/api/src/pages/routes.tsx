import { Hono, type Context } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { resolveCaller, TOKEN_COOKIE } from '../auth/middleware';
import { unitHistory, unitNames, unitOverview } from '@kd/services';
import { LoginPage } from './login-page';
import { UnitPage } from './unit-page';
import { pageHandler } from './page-handler';
import type { Caller } from '@kd/domain';

async function pageCaller(deps: AppDeps, c: Context): Promise<Caller | undefined> {
  return resolveCaller(deps, c);
}

/** Server-rendered pages. They read the token from the cookie set at login; no token → login page. */
export function pageRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/login', async (c) => {
    const identities = deps.local ? await deps.local.identities() : [];
    const names = await unitNames(deps, identities);
    return c.html(<LoginPage identities={identities} unitNames={names.units} tenantNames={names.tenants} />);
  });

  r.post('/login', async (c) => {
    if (!deps.local) return c.redirect('/login', 303);
    const form = await c.req.parseBody();
    const identities = await deps.local.identities();
    const identity = identities[Number(form.identity)];
    if (!identity) return c.redirect('/login', 303);
    const token = await deps.local.signer.sign(identity);
    setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 8 * 3600 });
    return c.redirect('/', 303);
  });

  r.post('/logout', (c) => {
    deleteCookie(c, TOKEN_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  r.get('/', async (c) => {
    const caller = await pageCaller(deps, c);
    if (!caller) return c.redirect('/login', 302);
    return c.redirect(`/units/${encodeURIComponent(caller.unit)}`, 302);
  });

  r.get(
    '/units/:unitId',
    pageHandler(deps, async (c, caller) => {
      const unitId = c.req.param('unitId') ?? '';
      const [{ unit, ancestors, subtree, members, groups }, history] = await Promise.all([unitOverview(deps, caller, unitId, c.req.query('cursor') ?? null), unitHistory(deps, caller, unitId)]);
      return c.html(<UnitPage caller={caller} unit={unit} ancestors={ancestors} subtree={subtree} members={members} groups={groups} history={history} />);
    }),
  );

  return r;
}
