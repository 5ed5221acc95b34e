import { Hono } from 'hono';
import { IMPORTED_LABEL, historyText, rewardDocument, type Caller, type RewardList } from '@kd/domain';
import { rewardList } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { Layout } from './layout';
import { pageHandler } from './page-handler';
import { WEB_API_BASE } from '../base-paths';

function RewardsPage(props: { caller: Caller; list: RewardList }) {
  const { list } = props;
  const doc = rewardDocument(list);
  const api = `${WEB_API_BASE}/campaigns/${list.year}/units/${encodeURIComponent(list.unitId)}`;
  const importedYears = [...new Set(list.members.flatMap((m) => m.history).filter((h) => h.imported).map((h) => h.year))].sort();
  return (
    <Layout title={`${doc.title} — ${list.unitName}`} caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${encodeURIComponent(list.unitId)}`}>{list.unitName}</a> › <a href={`/campaigns/${list.year}/units/${encodeURIComponent(list.unitId)}`}>Năm {list.year}</a> ›
      </div>
      <h1 data-testid="page-title">{doc.title} — {list.unitName}</h1>
      <p class="muted">{doc.subtitle}</p>
      <p><a class="button" href={`${api}/rewards.xlsx`} data-testid="rewards-xlsx">Tải danh sách (.xlsx)</a></p>
      {importedYears.length > 0 ? <p data-testid="imported-years">Có số liệu {IMPORTED_LABEL}: năm {importedYears.join(', ')} (đánh dấu *).</p> : null}
      {doc.sections.map((section, i) => (
        <section class="card" data-testid={`section-${i + 1}`}>
          <h2>{section.heading}</h2>
          {section.rows.length === 0 ? <p class="muted">Không có.</p> : (
            <table>
              <thead><tr>{section.headers.map((h) => <th>{h}</th>)}</tr></thead>
              <tbody>{section.rows.map((row) => <tr>{row.map((cell) => <td style="white-space:pre-line">{cell}</td>)}</tr>)}</tbody>
            </table>
          )}
        </section>
      ))}
      <section class="card">
        <h2>Ghi chú</h2>
        <ul>{doc.notes.map((n) => <li>{n}</li>)}</ul>
        <details>
          <summary>Xếp loại các năm của mọi đảng viên ({list.members.length})</summary>
          <table><tbody>{list.members.map((m) => <tr><td>{m.fullName}</td><td>{m.unitName}</td><td>{historyText(m.history)}</td></tr>)}</tbody></table>
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
    return c.html(<RewardsPage caller={caller} list={list} />);
  }));
  return r;
}
