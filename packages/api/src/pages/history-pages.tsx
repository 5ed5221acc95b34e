import { Hono } from 'hono';
import { IMPORTED_LABEL, roleMay, formatVietnameseDateTime, type Caller } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import { importPastMembers, importPastUnits, pastYears, unitInScope, type PastImportAnswer } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { Layout } from './layout';
import { pageHandler } from './page-handler';
import { formWithFile } from './file-form';
import { PostForm } from './post-form';
import { WEB_API_BASE } from '../base-paths';

/** Templates are fetched by the browser: the pages' JSON API, with the session cookie. */
const API = WEB_API_BASE;

function ImportForm(props: { unit: StoredUnit; kind: 'members' | 'units'; year: string }) {
  const href = `/units/${encodeURIComponent(props.unit.id)}/history/${props.kind}`;
  return (
    <PostForm action={href} enctype="multipart/form-data" testid={`form-${props.kind}`}>
      <p>
        <label>Năm <input type="number" name="year" min="2000" max="2100" required value={props.year} /></label>{' '}
        <label>Tệp (.xlsx hoặc .csv) <input type="file" name="file" accept=".xlsx,.csv" required /></label>
      </p>
      <p>
        <label><input type="checkbox" name="commit" value="1" /> Ghi vào hệ thống (bỏ chọn để chỉ kiểm tra, chưa ghi gì)</label>{' '}
        <button type="submit">{props.kind === 'members' ? 'Nhập kết quả đảng viên' : 'Nhập kết quả tổ chức đảng'}</button>
      </p>
    </PostForm>
  );
}

function Answer(props: { answer: PastImportAnswer }) {
  const a = props.answer;
  return (
    <section class="card" data-testid="import-answer">
      <h2>{a.committed ? 'Đã ghi' : a.error ? 'Chưa ghi: tệp có lỗi' : 'Kết quả kiểm tra (chưa ghi)'} — năm {a.year}</h2>
      <p>
        {a.rows} dòng · {a.accepted} dòng hợp lệ · {a.errorCount} lỗi ·{' '}
        {a.campaign === 'created' ? 'đã tạo đợt kiểm điểm đã khóa của năm' : a.campaign === 'toCreate' ? 'khi ghi sẽ tạo đợt kiểm điểm đã khóa của năm' : 'ghi vào đợt kiểm điểm đã khóa của năm'}
        {a.unknownMembers > 0 ? ` · ${a.unknownMembers} đảng viên không còn trong hệ thống (giữ họ tên theo tệp)` : ''}
      </p>
      {a.error ? <p class="error">{a.error.message}</p> : null}
      {a.errors.length > 0 ? (
        <table data-testid="import-errors">
          <thead><tr><th>Dòng</th><th>Cột</th><th>Lỗi</th></tr></thead>
          <tbody>{a.errors.map((e) => <tr><td>{e.row}</td><td>{e.column}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      ) : null}
      {a.units.length > 0 ? (
        <table>
          <thead><tr><th>Đơn vị</th><th class="num">Số dòng</th><th>Ghi</th></tr></thead>
          <tbody>{a.units.map((u) => <tr><td>{u.name}</td><td class="num">{u.rows}</td><td>{u.changed === null ? '' : u.changed ? 'Đã ghi' : 'Không đổi'}</td></tr>)}</tbody>
        </table>
      ) : null}
    </section>
  );
}

async function HistoryPage(props: { deps: AppDeps; caller: Caller; unitId: string; answer?: PastImportAnswer; year?: string }) {
  const { unit, years, imports } = await pastYears(props.deps, props.caller, props.unitId);
  const canImport = roleMay(props.caller.role, 'campaign.manage');
  const api = `${API}/units/${encodeURIComponent(unit.id)}/history`;
  return (
    <Layout title={`Số liệu các năm trước — ${unit.name}`} caller={props.caller}>
      <div class="crumbs"><a href={`/units/${encodeURIComponent(unit.id)}`}>{unit.name}</a> ›</div>
      <h1 data-testid="page-title">Kết quả xếp loại các năm — {unit.name}</h1>
      {props.answer ? <Answer answer={props.answer} /> : null}
      <section class="card">
        <h2>Các năm</h2>
        <table data-testid="years">
          <thead><tr><th>Năm</th><th>Bộ quy tắc</th><th>Tình trạng</th><th>Số liệu</th></tr></thead>
          <tbody>
            {years.map((y) => (
              <tr data-year={String(y.year)}>
                <td><a href={`/dashboard/${y.year}/units/${encodeURIComponent(unit.id)}`}>{y.year}</a></td>
                <td>{y.rulebookId}</td>
                <td>{y.state === 'open' ? 'Đang mở' : 'Đã khóa'}</td>
                <td>{y.importedOnly ? <span class="tag" data-testid="imported-mark">{IMPORTED_LABEL}</span> : 'Kiểm điểm trên hệ thống'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canImport ? (
        <section class="card">
          <h2>Nhập kết quả các năm trước</h2>
          <p class="muted">
            Kết quả cuối cùng của các năm kiểm điểm ngoài hệ thống, để so sánh qua các năm và xét khen thưởng nhiều năm liền. Tệp mẫu:{' '}
            <a href={`${api}/member-template`}>đảng viên (.xlsx)</a>; tổ chức đảng: <code>{`${api}/<năm>/unit-template`}</code>. Năm chưa có đợt kiểm
            điểm thì hệ thống tạo đợt đã khóa; năm có đợt đang mở thì nhập theo đợt.
          </p>
          <h3>Đảng viên</h3>
          <ImportForm unit={unit} kind="members" year={props.year ?? ''} />
          <h3>Tổ chức đảng</h3>
          <ImportForm unit={unit} kind="units" year={props.year ?? ''} />
        </section>
      ) : null}
      <section class="card">
        <h2>Các lần nhập</h2>
        {imports.length === 0 ? <p class="muted">Chưa có.</p> : (
          <table data-testid="imports">
            <thead><tr><th>Thời gian</th><th>Năm</th><th>Loại</th><th class="num">Số dòng</th><th class="num">Đơn vị đã ghi</th><th>Người nhập</th></tr></thead>
            <tbody>{imports.map((i) => <tr><td>{formatVietnameseDateTime(new Date(i.at))}</td><td>{i.year}</td><td>{i.kind === 'members' ? 'Đảng viên' : 'Tổ chức đảng'}</td><td class="num">{i.rows}</td><td class="num">{i.unitsWritten}</td><td>{i.actor.name}</td></tr>)}</tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

/** The history page of a unit: its years (imported ones marked), and for the province the import of earlier years' results. */
export function historyPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/units/:unitId/history', pageHandler(deps, async (c, caller) => c.html(await HistoryPage({ deps, caller, unitId: c.req.param('unitId') ?? '' }))));

  for (const kind of ['members', 'units'] as const) {
    r.post(`/units/:unitId/history/${kind}`, pageHandler(deps, async (c, caller) => {
      const unit = await unitInScope(deps.store, caller, c.req.param('unitId') ?? '', 'campaign.manage');
      const { fields, file } = await formWithFile(c);
      const year = Number(fields.year);
      const run = kind === 'members' ? importPastMembers : importPastUnits;
      const { refused, answer } = await run(deps, caller, unit.id, Number.isInteger(year) ? year : 0, file, fields.commit !== '1');
      return c.html(await HistoryPage({ deps, caller, unitId: unit.id, answer, year: fields.year ?? '' }), refused ? 422 : 200);
    }));
  }

  return r;
}
