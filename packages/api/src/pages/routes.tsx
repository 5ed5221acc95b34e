import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { resolveCaller } from '../auth/middleware';
import { search, unitHistory, unitOverview } from '@kd/services';
import { UnitPage } from './unit-page';
import { SearchPage } from './search-page';
import { pageHandler, toLogin } from './page-handler';

/** Server-rendered pages. They read the caller from the session cookie; no session → the login page. */
export function pageRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const caller = await resolveCaller(deps, c);
    if (!caller) return toLogin(c);
    return c.redirect(`/units/${encodeURIComponent(caller.unit)}`, 302);
  });

  r.get(
    '/units/:unitId',
    pageHandler(deps, async (c, caller) => {
      const unitId = c.req.param('unitId') ?? '';
      const [{ unit, ancestors, subtree, members, groups }, history] = await Promise.all([unitOverview(deps, caller, unitId, c.req.query('cursor') ?? null), unitHistory(deps, caller, unitId)]);
      const treePage = Number(c.req.query('tree') ?? 1);
      return c.html(<UnitPage caller={caller} unit={unit} ancestors={ancestors} subtree={subtree} members={members} groups={groups} history={history} treePage={Number.isInteger(treePage) && treePage > 0 ? treePage : 1} />);
    }),
  );

  r.get(
    '/units/:unitId/search',
    pageHandler(deps, async (c, caller) => {
      const result = await search(deps, caller, c.req.param('unitId') ?? '', { q: (c.req.query('q') ?? '').slice(0, 100), cursor: c.req.query('cursor') ?? null });
      return c.html(<SearchPage caller={caller} result={result} />);
    }),
  );

  return r;
}
