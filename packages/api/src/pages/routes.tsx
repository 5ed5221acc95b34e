import { Hono, type Context } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { getUnit, listSubtree, requireUnit } from '@kd/data/unit-repository';
import { pageUnitMembers } from '@kd/data/member-repository';
import { isCell } from '@kd/domain/unit-kind';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { resolveCaller, TOKEN_COOKIE } from '../auth/middleware';
import { unitInScope } from '../access/scope';
import { LoginPage } from './login-page';
import { UnitPage } from './unit-page';
import { pageHandler } from './page-handler';
import type { Caller } from '../auth/claims';

async function pageCaller(deps: AppDeps, c: Context): Promise<Caller | undefined> {
  return resolveCaller(deps, c);
}

/** Server-rendered pages. They read the token from the cookie set at login; no token → login page. */
export function pageRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/login', async (c) => {
    const identities = deps.local ? await deps.local.identities() : [];
    const unitNames = new Map<string, string>();
    const tenantNames = new Map<string, string>();
    await Promise.all(
      identities.map(async (id) => {
        const unit = await getUnit(deps.store, id.tenant, id.unit);
        if (unit) unitNames.set(`${id.tenant}/${id.unit}`, unit.name);
        const root = unit ? await getUnit(deps.store, id.tenant, unit.path[0]!) : undefined;
        if (root) tenantNames.set(id.tenant, root.name);
      }),
    );
    return c.html(<LoginPage identities={identities} unitNames={unitNames} tenantNames={tenantNames} />);
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
      const unit = await unitInScope(deps.store, caller, c.req.param('unitId') ?? '', 'unit.read');
      const ancestorIds = unit.path.slice(unit.path.indexOf(caller.unit), -1);
      const [ancestors, subtree] = await Promise.all([
        Promise.all(ancestorIds.map((id) => requireUnit(deps.store, caller.tenant, id))),
        listSubtree(deps.store, caller.tenant, unit),
      ]);
      const members = isCell(unit.kind)
        ? await pageUnitMembers(deps.store, caller.tenant, unit.id, { limit: 100, cursor: c.req.query('cursor') ?? null })
        : null;
      const groups = new Map(subtree.filter((u) => u.kind === 'group').map((g) => [g.id, g.name]));
      return c.html(<UnitPage caller={caller} unit={unit} ancestors={ancestors} subtree={subtree} members={members} groups={groups} />);
    }),
  );

  return r;
}
