import { Hono } from 'hono';
import { IMPORTED_LABEL, LIST_PAGE_SIZE, formatCount, historyText, matchesTyped, pageOf, rewardDocument, type Caller, type RewardList } from '@kd/domain';
import { rewardList } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { Layout } from './layout';
import { pageHandler } from './page-handler';
import { WEB_API_BASE } from '../base-paths';
import { askedPage, listHref, ListFilter, Pager } from './list-view';

/** What the rewards page shows: rows containing a typed text, and a page of each list (`s1`…`s3`: the sections, `all`: every member). */
interface RewardsView {
  q?: string | undefined;
  pages: Record<string, number>;
}

function RewardsPage(props: { caller: Caller; list: RewardList; view: RewardsView }) {
  const { list, view } = props;
  const doc = rewardDocument(list);
  const unitPath = `/campaigns/${list.year}/units/${encodeURIComponent(list.unitId)}`;
  const api = `${WEB_API_BASE}${unitPath}`;
  const importedYears = [...new Set(list.members.flatMap((m) => m.history).filter((h) => h.imported).map((h) => h.year))].sort();
  // Each list pages on its own; its links keep the filter and the other lists' pages.
  const href = (key: string) => (page: number) => listHref(`${unitPath}/rewards`, { q: view.q, ...Object.fromEntries(Object.entries(view.pages).filter(([k, v]) => k !== key && v > 1)), [key]: page > 1 ? page : undefined }, 1);
  const everyone = pageOf(list.members.filter((m) => matchesTyped(view.q, m.fullName, m.memberId, m.unitName)), view.pages.all, LIST_PAGE_SIZE);
  return (
    <Layout title={`${doc.title} — ${list.unitName}`} caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${encodeURIComponent(list.unitId)}`}>{list.unitName}</a> › <a href={unitPath}>Năm {list.year}</a> ›
      </div>
      <h1 data-testid="page-title">{doc.title} — {list.unitName}</h1>
      <p class="muted">{doc.subtitle}</p>
      <p><a class="button" href={`${api}/rewards.xlsx`} data-testid="rewards-xlsx">Tải danh sách (.xlsx)</a></p>
      {importedYears.length > 0 ? <p data-testid="imported-years">Có số liệu {IMPORTED_LABEL}: năm {importedYears.join(', ')} (đánh dấu *).</p> : null}
      <ListFilter action={`${unitPath}/rewards`} q={view.q} label="Họ tên, mã đảng viên hoặc chi bộ" testid="rewards-filter" />
      {doc.sections.map((section, i) => {
        const key = `s${i + 1}`;
        const shown = pageOf(section.rows.filter((row) => matchesTyped(view.q, ...row.slice(1))), view.pages[key], LIST_PAGE_SIZE);
        return (
          <section class="card" data-testid={`section-${i + 1}`}>
            <h2>{section.heading}</h2>
            {shown.total === 0 ? <p class="muted">{section.rows.length === 0 ? 'Không có.' : 'Không có dòng nào khớp với bộ lọc.'}</p> : (
              <table>
                <thead><tr>{section.headers.map((h) => <th>{h}</th>)}</tr></thead>
                <tbody>{shown.items.map((row) => <tr>{row.map((cell) => <td style="white-space:pre-line">{cell}</td>)}</tr>)}</tbody>
              </table>
            )}
            <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="dòng" href={href(key)} testid={`section-${i + 1}-pager`} />
          </section>
        );
      })}
      <section class="card">
        <h2>Ghi chú</h2>
        <ul>{doc.notes.map((n) => <li>{n}</li>)}</ul>
        <details open={everyone.page > 1 || Boolean(view.q)} data-testid="all-members">
          <summary>Xếp loại các năm của mọi đảng viên ({formatCount(list.members.length)})</summary>
          <table><tbody>{everyone.items.map((m) => <tr><td>{m.fullName}</td><td>{m.unitName}</td><td>{historyText(m.history)}</td></tr>)}</tbody></table>
          <Pager page={everyone.page} pages={everyone.pages} total={everyone.total} noun="đảng viên" href={href('all')} testid="all-members-pager" />
        </details>
      </section>
    </Layout>
  );
}

/** The rewards list of a unit's year (for the rating meeting and the dossier). */
export function rewardPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get('/campaigns/:year/units/:unitId/rewards', pageHandler(deps, async (c, caller) => {
    const list = await rewardList(deps, caller, Number(c.req.param('year')), c.req.param('unitId') ?? '');
    const pages = Object.fromEntries(['s1', 's2', 's3', 'all'].map((k) => [k, askedPage(c.req.query(k))]));
    return c.html(<RewardsPage caller={caller} list={list} view={{ q: c.req.query('q'), pages }} />);
  }));
  return r;
}
