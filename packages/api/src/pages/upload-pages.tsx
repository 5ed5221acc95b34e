import { Hono, type Context } from 'hono';
import { LIST_PAGE_SIZE, matchesTyped, pageOf, ratingLabels, isCell, partyPositionLabels, dossierStateLabels, isEditable, type Member, type Caller } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler } from './page-handler';
import { currentCampaignOf, resultsUploadView, rosterUploadView, unitInScope } from '@kd/services';
import { Layout } from './layout';
import { ErrorPage } from './unit-page';
import { YearSelector } from './campaign/year-selector';
import { UPLOAD_SCRIPT_PATH } from './assets';
import { WEB_API_BASE } from '../base-paths';
import { askedPage, listHref, ListFilter, Pager } from './list-view';

/** The page's script calls the pages' JSON API (the session cookie is its credential). */
const API = WEB_API_BASE;
const notRatedLabels = { exempt: 'miễn công tác và sinh hoạt đảng', suspended: 'đình chỉ sinh hoạt đảng', newMember: 'đảng viên mới chưa đủ 6 tháng', absent: 'vắng họp, xếp loại sau', pending: 'chưa đủ điều kiện hoặc chưa biểu quyết' };

/** The link the unit page shows for a cell (one place for its wording and address). */
export function resultsUploadHref(unitId: string): string {
  return `/units/${encodeURIComponent(unitId)}/results-upload`;
}

/** The members a page of an upload page lists: those matching the typed name or id, a page at a time. */
function memberPage(c: Context<AppEnv>, members: Member[]) {
  const q = c.req.query('q');
  return pageOf(members.filter((m) => matchesTyped(q, m.fullName, m.id)), askedPage(c.req.query('page')), LIST_PAGE_SIZE);
}

/** Upload pages of a cell: results of a year, and the roster. Pages resolve the caller themselves. */
export function uploadPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  /** Runs a page for a caller allowed to `action` on the unit; no caller → login, refusals → error page. */
  const page = (action: 'results.write' | 'member.write', render: (c: Context<AppEnv>, caller: Caller, unit: StoredUnit) => Promise<Response>) =>
    pageHandler(deps, async (c, caller) => render(c, caller, await unitInScope(deps.store, caller, c.req.param('unitId') ?? '', action)));


  r.get(
    '/units/:unitId/results-upload',
    // The current campaign (the latest open one), never a year taken from the clock.
    page('results.write', async (c, caller, unit) => c.redirect(`/campaigns/${(await currentCampaignOf(deps, caller)).year}/units/${encodeURIComponent(unit.id)}/results-upload`, 302)),
  );

  r.get(
    '/campaigns/:year/units/:unitId/results-upload',
    page('results.write', async (c, caller, scoped) => {
      const year = Number(c.req.param('year'));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        return c.html(<ErrorPage caller={caller} status={404} message="Không có đợt kiểm điểm của năm này." />, 404);
      }
      const { unit, campaign, members, dossier, results, years } = await resultsUploadView(deps, caller, year, scoped.id);
      const closed = campaign.closedAt !== null;
      const locked = closed || !isEditable(dossier.state);
      const shown = memberPage(c, members);
      const here = `/campaigns/${year}/units/${encodeURIComponent(unit.id)}/results-upload`;
      const base = `${API}/campaigns/${year}/units/${encodeURIComponent(unit.id)}`;
      return c.html(
        <UploadFrame caller={caller} unit={unit} title={`Tải kết quả kiểm điểm lên — năm ${year}`} endpoint={`${base}/results`} kind="results" locked={locked} bucket={Boolean(deps.uploads)} members={members} rulebook={`/campaigns/${year}/units/${encodeURIComponent(unit.id)}/rulebook`}>
          <YearSelector years={years} current={year} href={(y) => `/campaigns/${y}/units/${encodeURIComponent(unit.id)}/results-upload`} />
          <div class="card">
            <p>
              Hồ sơ năm {year}: <strong data-testid="dossier-state">{dossierStateLabels[dossier.state]}</strong> · Kết quả hiện hành:{' '}
              <strong id="current-version" data-testid="current-version">
                {dossier.currentVersion === null ? 'chưa có' : `Phiên bản ${dossier.currentVersion}`}
              </strong>
            </p>
            {closed ? (
              <p class="error" data-testid="campaign-closed">Đợt kiểm điểm năm {year} đã kết thúc: chỉ xem, không tải kết quả lên được.</p>
            ) : locked ? (
              <p class="error">Hồ sơ đã gửi cấp trên hoặc đã được thẩm định: không thể tải kết quả lên.</p>
            ) : null}
            <p>
              Bước 1: <a href={`${base}/results-template`} data-testid="template-link">Tải tệp mẫu kết quả năm {year} (.xlsx)</a>, điền theo hướng dẫn
              trong trang "Hướng dẫn" của tệp.
            </p>
          </div>
          <h2>Đảng viên của chi bộ ({members.length})</h2>
          <ListFilter action={here} q={c.req.query('q')} label="Họ tên hoặc mã đảng viên" testid="members-filter" />
          <table data-testid="members">
            <thead>
              <tr>
                <th>Mã đảng viên</th>
                <th>Họ và tên</th>
                <th>Chức vụ Đảng</th>
                <th>Chi bộ xếp loại (phiên bản hiện hành)</th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((m) => {
                const decided = results.get(m.id)?.facts.decided;
                return (
                  <tr data-member-id={m.id} data-member-name={m.fullName}>
                    <td>{m.id}</td>
                    <td>{m.fullName}</td>
                    <td>{m.partyPosition ? partyPositionLabels[m.partyPosition] : ''}</td>
                    <td>{decided ? ratingLabels[decided] : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="đảng viên" href={(p) => listHref(here, { q: c.req.query('q') }, p)} testid="members-pager" />
        </UploadFrame>,
      );
    }),
  );

  r.get(
    '/units/:unitId/roster-upload',
    page('member.write', async (c, caller, scoped) => {
      const { unit, members, groups } = await rosterUploadView(deps, caller, scoped.id);
      const href = `${API}/units/${encodeURIComponent(unit.id)}`;
      const shown = memberPage(c, members);
      const here = `/units/${encodeURIComponent(unit.id)}/roster-upload`;
      return c.html(
        <UploadFrame caller={caller} unit={unit} title="Tải danh sách đảng viên lên" endpoint={`${href}/roster`} kind="roster" locked={!isCell(unit.kind)} bucket={Boolean(deps.uploads)} members={members}>
          <div class="card">
            <p>
              Bước 1: <a href={`${href}/roster-template`} data-testid="template-link">Tải tệp mẫu danh sách đảng viên (.xlsx)</a>, đã điền sẵn đảng
              viên hiện có. Tệp tải lên chỉ thêm và cập nhật đảng viên; không xóa ai (chuyển sinh hoạt, ra khỏi Đảng là thao tác riêng).
            </p>
          </div>
          <h2>Đảng viên hiện có ({members.length})</h2>
          <ListFilter action={here} q={c.req.query('q')} label="Họ tên hoặc mã đảng viên" testid="members-filter" />
          <table data-testid="members">
            <thead>
              <tr>
                <th>Mã đảng viên</th>
                <th>Họ và tên</th>
                <th>Tổ đảng</th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((m) => (
                <tr data-member-id={m.id} data-member-name={m.fullName}>
                  <td>{m.id}</td>
                  <td>{m.fullName}</td>
                  <td>{m.groupId ? (groups.get(m.groupId) ?? '') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="đảng viên" href={(p) => listHref(here, { q: c.req.query('q') }, p)} testid="members-pager" />
        </UploadFrame>,
      );
    }),
  );

  return r;
}

function UploadFrame(props: {
  caller: Caller;
  unit: StoredUnit;
  title: string;
  endpoint: string;
  kind: 'results' | 'roster';
  locked: boolean;
  /** Files go through the upload bucket (AWS) instead of the request body. */
  bucket: boolean;
  members: Member[];
  /** The campaign's rulebook page, where the answer's rule ids link. */
  rulebook?: string;
  children?: unknown;
}) {
  const { caller, unit } = props;
  return (
    <Layout title={`${props.title} — ${unit.name}`} caller={caller} scripts={[UPLOAD_SCRIPT_PATH]}>
      <div class="crumbs">
        <a href={`/units/${encodeURIComponent(unit.id)}`}>{unit.name}</a> ›
      </div>
      <h1 data-testid="page-title">
        {props.title} — {unit.name}
      </h1>
      <div
        id="upload"
        data-endpoint={props.endpoint}
        data-kind={props.kind}
        data-locked={String(props.locked)}
        data-bucket={String(props.bucket)}
        data-labels={JSON.stringify(ratingLabels)}
        data-reasons={JSON.stringify(notRatedLabels)}
        data-rulebook={props.rulebook}
        // Every member's name, for the check's answer: the table below shows one page of them.
        data-names={JSON.stringify(Object.fromEntries(props.members.map((m) => [m.id, m.fullName])))}
      >
        {props.children as never}
        <div class="card">
          <p>
            <label for="file">Bước 2: chọn tệp (.xlsx hoặc .csv, tối đa 5 MB, 20.000 dòng): </label>
            <input type="file" id="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          </p>
          <p>
            <button type="button" id="check" disabled={props.locked}>
              Kiểm tra (chạy thử, chưa ghi)
            </button>{' '}
            <button type="button" id="commit" disabled>
              Xác nhận ghi
            </button>{' '}
            <progress id="progress" hidden value="0" max="1"></progress> <span id="progress-text" class="muted"></span>
          </p>
        </div>
        <div id="status" data-testid="status" role="status"></div>
        <div id="result" data-testid="result"></div>
      </div>
    </Layout>
  );
}
