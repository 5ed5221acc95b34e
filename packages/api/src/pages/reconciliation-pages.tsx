import { Hono } from 'hono';
import { LIST_PAGE_SIZE, matchesTyped, pageOf, formatCount, centralFieldLabels, centralFields, differenceLabels, formatVietnameseDateTime, maskedNationalId, memberStatusLabels, type Caller, type CellMappingEntry, type HeaderMapping } from '@kd/domain';
import type { RunEntry, RunSummary } from '@kd/data';
import { decideEntry, readRun, reconciliationMappings, runReconciliation, runsOf, setCellMapping, setHeaderMapping, unitInScope } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { Layout } from './layout';
import { pageHandler } from './page-handler';
import { formWithFile } from './file-form';
import { PostForm } from './post-form';
import { WEB_API_BASE } from '../base-paths';
import { askedPage, listHref, ListFilter, Pager } from './list-view';

const base = (unitId: string) => `/units/${encodeURIComponent(unitId)}/reconciliation`;
const kindLabels: Record<RunEntry['kind'], string> = { onlyHere: 'Chỉ có trong hệ thống', onlyThere: 'Chỉ có trong CSDL', differs: 'Khác nhau' };
const entryKinds = ['differs', 'onlyHere', 'onlyThere'] as const;
const matchedLabels = { card: 'số thẻ', nationalId: 'số định danh cá nhân', nameBirth: 'họ tên và ngày sinh' } as const;

function Summary(props: { s: RunSummary }) {
  const s = props.s;
  return (
    <p data-testid="run-summary">
      {s.fileRows} dòng ({s.errorCount} lỗi) · khớp theo số thẻ {s.matched.card}, số định danh {s.matched.nationalId}, họ tên và ngày sinh {s.matched.nameBirth} ·
      trùng khớp hoàn toàn {s.same} · <strong>khác nhau {s.differing}</strong> · <strong>chỉ có trong hệ thống {s.onlyHere}</strong> · <strong>chỉ có trong CSDL {s.onlyThere}</strong>
      {s.outsideScope > 0 ? ` · ngoài phạm vi ${s.outsideScope}` : ''}
    </p>
  );
}

/** The settings and the runs of a unit: header mapping, cell mapping, a new run from a file. */
async function MainPage(props: { deps: AppDeps; caller: Caller; unitId: string; message?: string; query?: { q?: string | undefined; page?: string | undefined } }) {
  const { headers, cells } = await reconciliationMappings(props.deps, props.caller, props.unitId);
  const { unit, runs } = await runsOf(props.deps, props.caller, props.unitId);
  const href = base(unit.id);
  // A monthly check for years: the runs narrow to who ran them or a date typed as dd/mm/yyyy, a page at a time.
  const q = props.query?.q?.slice(0, 100);
  const shown = pageOf(runs.filter((r) => matchesTyped(q, r.actor.name, formatVietnameseDateTime(new Date(r.at)))), askedPage(props.query?.page), LIST_PAGE_SIZE);
  return (
    <Layout title={`Đối chiếu với CSDL đảng viên — ${unit.name}`} caller={props.caller}>
      <div class="crumbs"><a href={`/units/${encodeURIComponent(unit.id)}`}>{unit.name}</a> ›</div>
      <h1 data-testid="page-title">Đối chiếu với Cơ sở dữ liệu đảng viên — {unit.name}</h1>
      {props.message ? <p class="card" data-testid="message">{props.message}</p> : null}
      <section class="card">
        <h2>Đối chiếu tệp xuất từ CSDL đảng viên</h2>
        <p class="muted">Số định danh cá nhân được băm có khóa ngay khi đọc; hệ thống chỉ giữ 4 chữ số cuối để hiển thị. Không sửa hồ sơ nào cho đến khi từng mục được xử lý.</p>
        <PostForm action={`${href}/runs`} enctype="multipart/form-data" testid="form-run">
          <label>Tệp (.xlsx hoặc .csv) <input type="file" name="file" accept=".xlsx,.csv" required /></label> <button type="submit">Đối chiếu</button>
        </PostForm>
        {runs.length > 0 ? (
          <>
            <h3>Các lần đối chiếu ({formatCount(runs.length)})</h3>
            <ListFilter action={href} q={q} label="Người thực hiện hoặc ngày (dd/mm/yyyy)" testid="runs-filter" />
            {shown.total === 0 ? <p>Không có lần đối chiếu nào khớp với bộ lọc.</p> : (
              <table data-testid="runs">
                <thead><tr><th>Thời gian</th><th>Người thực hiện</th><th>Kết quả</th></tr></thead>
                <tbody>{shown.items.map((r) => <tr data-run={r.runId}><td><a href={`${href}/runs/${r.runId}`}>{formatVietnameseDateTime(new Date(r.at))}</a></td><td>{r.actor.name}</td><td>khác {r.differing} · chỉ ở hệ thống {r.onlyHere} · chỉ ở CSDL {r.onlyThere}</td></tr>)}</tbody>
              </table>
            )}
            <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="lần đối chiếu" href={(p) => listHref(href, { q }, p)} testid="runs-pager" />
          </>
        ) : null}
      </section>
      <section class="card">
        <h2>Bảng ánh xạ tên cột (phiên bản {headers.version})</h2>
        <p class="muted">Mỗi trường: các tên cột có thể gặp trong tệp xuất, cách nhau bằng dấu "|". Cột khác trong tệp được bỏ qua.</p>
        <PostForm action={`${href}/header-mapping`} testid="form-header-mapping">
          <input type="hidden" name="version" value={String(headers.version)} />
          <table>
            <tbody>{centralFields.map((f) => <tr><th>{centralFieldLabels[f]}</th><td><input type="text" name={f} size={90} aria-label={centralFieldLabels[f]} value={headers.value[f].join(' | ')} /></td></tr>)}</tbody>
          </table>
          <p><button type="submit">Lưu bảng ánh xạ tên cột</button></p>
        </PostForm>
      </section>
      <section class="card">
        <h2>Bảng ánh xạ chi bộ (phiên bản {cells.version}, {cells.value.length} dòng)</h2>
        <p class="muted">Mỗi dòng: tên chi bộ như trong CSDL, dấu "|", mã chi bộ trong hệ thống. Chi bộ không bao giờ được đối chiếu chỉ theo tên.</p>
        <PostForm action={`${href}/cell-mapping`} testid="form-cell-mapping">
          <input type="hidden" name="version" value={String(cells.version)} />
          <textarea name="lines" rows={10} cols={100} aria-label="Bảng ánh xạ chi bộ: tên trong CSDL | mã chi bộ">{cells.value.map((e) => `${e.centralName} | ${e.unitId}`).join('\n')}</textarea>
          <p><button type="submit">Lưu bảng ánh xạ chi bộ</button></p>
        </PostForm>
      </section>
    </Layout>
  );
}

function value(e: RunEntry, field: string, side: 'ours' | 'central'): string {
  const d = e.differences.find((x) => x.field === field);
  const v = d?.[side] ?? null;
  if (v === null) return '(trống)';
  if (field === 'nationalId') return maskedNationalId(v);
  if (field === 'status') return memberStatusLabels[v as 'official' | 'probationary'] ?? v;
  return v;
}

function EntryRow(props: { e: RunEntry; action: string; back: string }) {
  const { e } = props;
  const name = e.ours?.fullName ?? e.central?.fullName ?? '';
  return (
    <tr data-entry={String(e.n)} data-kind={e.kind}>
      <td>{e.n}</td>
      <td>{kindLabels[e.kind]}{e.matchedBy ? ` (khớp theo ${matchedLabels[e.matchedBy]})` : ''}</td>
      <td>{name}<br /><span class="muted">{e.ours?.memberId ?? ''} {e.central?.partyCardNumber ? `· thẻ ${e.central.partyCardNumber}` : ''} {e.central?.nationalIdLast4 ? `· CCCD ${maskedNationalId(e.central.nationalIdLast4)}` : ''}</span></td>
      <td>{e.differences.map((d) => <div>{differenceLabels[d.field]}: hệ thống <strong>{value(e, d.field, 'ours')}</strong> · CSDL <strong>{value(e, d.field, 'central')}</strong></div>)}{e.note ? <div class="muted">{e.note}</div> : null}{e.kind === 'onlyThere' ? <div class="muted">Chi bộ trong CSDL: {e.central?.cellName}</div> : null}</td>
      <td>
        {e.decision ? (e.decision === 'central' ? `Đã sửa theo CSDL (${e.applied.join(', ')})` : 'Giữ hồ sơ của tỉnh, đề nghị sửa CSDL') : (
          <PostForm action={`${props.action}/${e.n}${props.back}`}>
            {e.kind === 'differs' ? <>{e.differences.some((d) => d.field === 'status' && d.central === 'official') ? <label>Ngày chính thức <input type="date" name="officialOn" /></label> : null}<button type="submit" name="decision" value="central">Sửa theo CSDL</button> </> : null}
            {e.kind !== 'onlyThere' ? <button type="submit" name="decision" value="ours">Hồ sơ tỉnh đúng</button> : null}
          </PostForm>
        )}
      </td>
    </tr>
  );
}

/** Pages of reconciliation with the central party-member database (docs/reconciliation.md). */
export function reconciliationPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const scoped = (c: { req: { param: (n: string) => string | undefined } }, caller: Caller) => unitInScope(deps.store, caller, c.req.param('unitId') ?? '', 'member.reconcile');

  r.get('/units/:unitId/reconciliation', pageHandler(deps, async (c, caller) => c.html(await MainPage({ deps, caller, unitId: c.req.param('unitId') ?? '', query: { q: c.req.query('q'), page: c.req.query('page') } }))));

  r.post('/units/:unitId/reconciliation/header-mapping', pageHandler(deps, async (c, caller) => {
    const unit = await scoped(c, caller);
    const form = await c.req.parseBody();
    const value = Object.fromEntries(centralFields.map((f) => [f, String(form[f] ?? '').split('|').map((s) => s.trim()).filter(Boolean)])) as HeaderMapping;
    await setHeaderMapping(deps, caller, unit.id, value, Number(form.version));
    return c.html(await MainPage({ deps, caller, unitId: unit.id, message: 'Đã lưu bảng ánh xạ tên cột.' }));
  }));

  r.post('/units/:unitId/reconciliation/cell-mapping', pageHandler(deps, async (c, caller) => {
    const unit = await scoped(c, caller);
    const form = await c.req.parseBody();
    const entries: CellMappingEntry[] = String(form.lines ?? '').split(/\r?\n/).map((l) => l.split('|')).filter((p) => p.length === 2 && p[0]!.trim() && p[1]!.trim())
      .map(([centralName, unitId]) => ({ centralName: centralName!.trim(), unitId: unitId!.trim() }));
    await setCellMapping(deps, caller, unit.id, entries, Number(form.version));
    return c.html(await MainPage({ deps, caller, unitId: unit.id, message: `Đã lưu bảng ánh xạ chi bộ (${entries.length} dòng).` }));
  }));

  r.post('/units/:unitId/reconciliation/runs', pageHandler(deps, async (c, caller) => {
    const unit = await scoped(c, caller);
    const { file } = await formWithFile(c);
    const { summary } = await runReconciliation(deps, caller, unit.id, file);
    return c.redirect(`${base(unit.id)}/runs/${summary.runId}`, 303);
  }));

  r.get('/units/:unitId/reconciliation/runs/:runId', pageHandler(deps, async (c, caller) => {
    const { unit, summary, entries } = await readRun(deps, caller, c.req.param('unitId') ?? '', c.req.param('runId') ?? '');
    const href = `${base(unit.id)}/runs/${summary.runId}`;
    // A run of a province's export has thousands of entries: filtered by kind and by a typed name, id or card number, a page at a time.
    const kind = entryKinds.find((k) => k === c.req.query('kind'));
    const q = c.req.query('q');
    const shown = pageOf(entries.filter((e) => (!kind || e.kind === kind) && matchesTyped(q, e.ours?.fullName, e.central?.fullName, e.ours?.memberId, e.central?.partyCardNumber)), askedPage(c.req.query('page')), LIST_PAGE_SIZE);
    const view = (page: number) => listHref(href, { kind, q }, page);
    // A decision comes back to the same filtered page.
    const back = new URL(view(shown.page), 'http://x').search;
    const api = `${WEB_API_BASE}${href}/corrections.xlsx`;
    return c.html(
      <Layout title={`Kết quả đối chiếu — ${unit.name}`} caller={caller}>
        <div class="crumbs"><a href={`/units/${encodeURIComponent(unit.id)}`}>{unit.name}</a> › <a href={base(unit.id)}>Đối chiếu CSDL đảng viên</a> ›</div>
        <h1 data-testid="page-title">Kết quả đối chiếu lúc {formatVietnameseDateTime(new Date(summary.at))}</h1>
        <Summary s={summary} />
        {summary.unmappedCells.length > 0 ? <p class="error" data-testid="unmapped">Tên chi bộ chưa có trong bảng ánh xạ: {summary.unmappedCells.map((u) => `${u.name} (${u.rows})`).join('; ')}.</p> : null}
        <p><a class="button" href={api} data-testid="corrections-xlsx">Tải danh sách đề nghị điều chỉnh CSDL (.xlsx)</a></p>
        <ListFilter action={href} q={q} label="Họ tên, mã đảng viên hoặc số thẻ" testid="entries-filter">
          <label>
            Loại{' '}
            <select name="kind">
              <option value="">Tất cả ({entries.length})</option>
              {entryKinds.map((k) => <option value={k} selected={k === kind}>{kindLabels[k]}</option>)}
            </select>
          </label>
        </ListFilter>
        {shown.total === 0 ? <p>Không có mục nào khớp với bộ lọc.</p> : (
          <table data-testid="entries">
            <thead><tr><th>#</th><th>Loại</th><th>Đảng viên</th><th>Khác nhau</th><th>Xử lý</th></tr></thead>
            <tbody>{shown.items.map((e) => <EntryRow e={e} action={`${href}/entries`} back={back} />)}</tbody>
          </table>
        )}
        <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="mục" href={view} testid="entries-pager" />
      </Layout>,
    );
  }));

  r.post('/units/:unitId/reconciliation/runs/:runId/entries/:n', pageHandler(deps, async (c, caller) => {
    const unit = await scoped(c, caller);
    const form = await c.req.parseBody();
    const decision = form.decision === 'central' ? 'central' : 'ours';
    const officialOn = typeof form.officialOn === 'string' && form.officialOn ? form.officialOn : null;
    await decideEntry(deps, caller, unit.id, c.req.param('runId') ?? '', Number(c.req.param('n')), { decision, officialOn });
    const { kind, q, page } = c.req.query();
    return c.redirect(listHref(`${base(unit.id)}/runs/${c.req.param('runId')}`, { kind, q }, askedPage(page)), 303);
  }));

  return r;
}
