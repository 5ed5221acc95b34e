import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { homeOf, search, unitHistory, unitOverview } from '@kd/services';
import { UnitPage } from './unit-page';
import { HomePage } from './home-page';
import { SearchPage } from './search-page';
import { pageHandler } from './page-handler';
import { askedPage } from './list-view';

/** Server-rendered pages. They read the caller from the session cookie; no session → the login page. */
export function pageRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  // The home: what needs the caller now (services/home/home.ts), whatever the role.
  r.get(
    '/',
    pageHandler(deps, async (c, caller) => {
      const home = await homeOf(deps, caller);
      return c.html(<HomePage caller={caller} unit={home.unit} campaign={home.campaign} items={home.items} now={deps.clock()} />);
    }),
  );

  r.get(
    '/units/:unitId',
    pageHandler(deps, async (c, caller) => {
      const unitId = c.req.param('unitId') ?? '';
      const [{ unit, ancestors, subtree, members, groups }, history] = await Promise.all([unitOverview(deps, caller, unitId), unitHistory(deps, caller, unitId)]);
      const list = { q: c.req.query('q')?.slice(0, 100), page: askedPage(c.req.query('page')), tree: askedPage(c.req.query('tree')) };
      return c.html(<UnitPage caller={caller} unit={unit} ancestors={ancestors} subtree={subtree} members={members} groups={groups} history={history} list={list} />);
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
