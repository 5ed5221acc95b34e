import { IMPORTED_LABEL, LIST_PAGE_SIZE, matchesTyped, pageOf, figureText, formatVietnameseDateTime, formatCount, formatPercent, isCell, rulebookFor, unitKindLabels, type Campaign, type MilestoneFigure, type RollupResponse, type Caller } from '@kd/domain';
import { Layout } from '../layout';
import { RatingsChart } from './charts';
import { Headline } from './headline';
import type { MassesRollupView } from '@kd/services';
import { Bieu5Table } from '../masses/bieu5-page';
import { ScoreBands } from './score-bands';
import { WEB_API_BASE } from '../../base-paths';
import { listHref, ListFilter, Pager } from '../list-view';


export interface DashboardProps {
  caller: Caller;
  rollup: RollupResponse;
  previous: RollupResponse | null;
  campaign: Campaign | null;
  years: number[];
  /** Years whose results were imported from earlier records (docs/uploads.md, "Results of earlier years"). */
  importedYears?: number[];
  ancestors: { id: string; name: string }[];
  /** The print view: the page as it prints, on screen too. */
  print?: boolean;
  /** Biểu 5 of the year, for a tenant with the masses rule and a review that year. */
  masses?: MassesRollupView | null;
  /** The deadline report's figures for this unit at the same moment (null: the campaign has no milestones). */
  milestones?: { asOf: string; figures: MilestoneFigure[] } | null;
  /** A cell's tổ đảng with their members (the cell's members with that group). */
  groups?: { id: string; name: string; members: number }[];
  /** The units below narrowed by a typed name (`q`) and the page asked for (`page`); the print view shows them all. */
  list?: { q?: string | undefined; page?: number | undefined };
}

/** A list of the units below longer than this gets its name filter (shorter ones are read at a glance). */
const FILTER_FROM = 20;

function QuotaTable(props: { rollup: RollupResponse; rows: RollupResponse['children'] }) {
  const r = props.rollup;
  return (
    <table class="compact" data-testid="quota">
      <thead>
        <tr><th>Đơn vị</th><th class="num">HTXS</th><th class="num">HTT</th><th class="num">Tối đa HTXS (20 % HTT)</th><th class="num">Vi phạm</th><th>Tình trạng</th></tr>
      </thead>
      <tbody>
        {[...props.rows, r].map((n) => (
          <tr class={n.quota.withinCap ? '' : 'breach'}>
            <td>{n === r ? <strong>Cả {r.name}</strong> : n.name}</td>
            <td class="num">{formatCount(n.quota.excellent)}</td>
            <td class="num">{formatCount(n.quota.good)}</td>
            <td class="num">{formatCount(n.quota.cap)}</td>
            <td class="num">{formatCount(n.quota.breaches)}</td>
            <td class={n.quota.withinCap ? 'ok' : 'bad'}>{n.quota.withinCap ? 'Trong giới hạn' : 'Vượt tỷ lệ 20 %'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dashboard of a unit over its own subtree for one campaign. */
export function DashboardPage(props: DashboardProps) {
  const { rollup: r, campaign } = props;
  const base = `/dashboard/${r.year}/units/${encodeURIComponent(r.unitId)}`;
  const api = `${WEB_API_BASE}/campaigns/${r.year}/units/${encodeURIComponent(r.unitId)}`;
  const previousByUnit = new Map((props.previous?.children ?? []).map((c) => [c.unitId, c]));
  const imported = (year: number) => (props.importedYears ?? []).includes(year);
  const yearLabel = (year: number) => (imported(year) ? `${year} (${IMPORTED_LABEL})` : String(year));
  // Biểu 4 where the year's rules score on 100 (or anything was scored).
  const open = campaign !== null && !campaign.closedAt;
  // Tổ đảng hold no members of their own in the roll-up: they are listed apart with the cell's members by group.
  const children = r.children.filter((c) => c.kind !== 'group');
  // A bloc's 60+ committees, a province's flat list: the units below by a typed name, a page at a
  // time; the ratings table, its chart and the quota table show the same page. The print view prints them all.
  const q = props.list?.q;
  const kept = children.filter((c) => matchesTyped(q, c.name, c.unitId));
  const shown = props.print ? pageOf(kept, 1, Math.max(1, kept.length)) : pageOf(kept, props.list?.page, LIST_PAGE_SIZE);
  const listView = (page: number) => listHref(base, { q }, page);
  // The quota table follows the same page; a cell's (only tổ đảng below) lists them as before.
  const quotaRows = children.length > 0 ? shown.items : r.children;
  const scored = (campaign ? rulebookFor(campaign).rules.some((x) => x.enabled && x.check === 'scoresOnFile') : false) || r.scores.members.scored + r.scores.units.scored > 0;
  return (
    <Layout title={`Số liệu tổng hợp ${r.year} — ${r.name}`} caller={props.caller}>
      {props.print ? <style>{'header.top,.toolbar,.no-print{display:none}body{background:#fff}'}</style> : null}
      <div class="crumbs">
        {props.ancestors.map((a) => (
          <span><a href={`/dashboard/${r.year}/units/${encodeURIComponent(a.id)}`}>{a.name}</a> › </span>
        ))}
        <span>{r.name}</span>
      </div>
      <h1 data-testid="dashboard-title">{r.name} — kết quả kiểm điểm, xếp loại năm {r.year}</h1>
      {imported(r.year) ? <p class="tag" data-testid="imported-year">Số liệu năm {r.year}: {IMPORTED_LABEL}</p> : null}
      <p class="muted">{unitKindLabels[r.kind]} · Số liệu cập nhật lúc {formatVietnameseDateTime(new Date(r.asOf))}</p>
      <div class="toolbar no-print">
        <form method="get" action={`/dashboard/units/${encodeURIComponent(r.unitId)}`}>
          <label>Năm <select name="year" data-testid="year-select">{props.years.map((y) => <option value={String(y)} selected={y === r.year}>{yearLabel(y)}</option>)}</select></label>
          <button type="submit">Xem</button>
        </form>
        <a class="button" href={`${api}/bieu-1.xlsx`} data-testid="bieu-1">Tải Biểu 1 (.xlsx)</a>
        <a class="button" href={`${api}/bieu-2.xlsx`} data-testid="bieu-2">Tải Biểu 2 (.xlsx)</a>
        {scored ? <a class="button" href={`${api}/bieu-4.xlsx`} data-testid="bieu-4">Tải Biểu 4 (.xlsx)</a> : null}
        <a class="button" href={`${base}?print=1`}>Bản in</a>
        {isCell(r.kind) ? <a class="button" href={`${base}/members`} data-testid="members-link">Danh sách đảng viên</a> : null}
      </div>

      <section class="card">
        <h2>Tổng quan</h2>
        {open ? (
          <p class="tag" data-testid="campaign-open">
            Đợt kiểm điểm năm {r.year} đang diễn ra: số liệu thay đổi đến khi kết thúc đợt, chưa phải kết quả cuối cùng, nên không so sánh với năm {r.year - 1}.
          </p>
        ) : null}
        <Headline now={r} comparison={{ previous: props.previous, previousLabel: yearLabel(r.year - 1), open }} />
      </section>

      {props.groups && props.groups.length > 0 ? (
        <section class="card">
          <h2>Tổ đảng</h2>
          <p class="muted">Số đảng viên của mỗi tổ: đảng viên của chi bộ sinh hoạt ở tổ (như trang đơn vị); kết quả xếp loại được tổng hợp ở chi bộ.</p>
          <table class="compact" data-testid="groups">
            <thead><tr><th>Tổ đảng</th><th class="num">Đảng viên</th></tr></thead>
            <tbody>{props.groups.map((g) => <tr><td>{g.name}</td><td class="num">{formatCount(g.members)}</td></tr>)}</tbody>
          </table>
        </section>
      ) : null}

      {children.length > 0 ? (
        <section class="card">
          <h2>Xếp loại đảng viên theo đơn vị trực thuộc</h2>
          <p class="muted">Mỗi hàng: số đảng viên của đơn vị trực thuộc; tỷ lệ đã xếp loại trên số đảng viên; HTXS, HTT, HTNV, KHTNV là số đảng viên đã xếp loại (cộng lại bằng số đã xếp loại); hồ sơ đã gửi trên số tổ chức đảng phải đánh giá.</p>
          {children.length > FILTER_FROM || q ? <ListFilter action={base} q={q} label="Tên đơn vị" testid="children-filter" /> : null}
          {shown.total === 0 ? <p>Không có đơn vị nào khớp với bộ lọc.</p> : <RatingsChart rows={shown.items} />}
          <table class="compact" data-testid="children">
            <thead>
              <tr><th>Đơn vị trực thuộc</th><th class="num">Đảng viên</th><th class="num">Đã xếp loại</th><th class="num">HTXS</th><th class="num">HTT</th><th class="num">HTNV</th><th class="num">KHTNV</th><th class="num">Hồ sơ đã gửi / tổng</th><th class="num">Năm {yearLabel(r.year - 1)}: HTT trở lên (trên số đã xếp loại)</th></tr>
            </thead>
            <tbody>
              {shown.items.map((c) => {
                const p = previousByUnit.get(c.unitId);
                return (
                  <tr data-unit={c.unitId}>
                    <td><a href={`/dashboard/${r.year}/units/${encodeURIComponent(c.unitId)}`}>{c.name}</a> <span class="tag">{unitKindLabels[c.kind]}</span></td>
                    <td class="num">{formatCount(c.members.total)}</td>
                    <td class="num">{formatCount(c.members.rated)} ({formatPercent(c.members.rated, c.members.total)})</td>
                    <td class="num">{formatCount(c.members.excellent)}</td>
                    <td class="num">{formatCount(c.members.good)}</td>
                    <td class="num">{formatCount(c.members.complete)}</td>
                    <td class="num">{formatCount(c.members.incomplete)}</td>
                    <td class="num">{formatCount(c.workflow.submitted + c.workflow.approved)} / {formatCount(c.units.total)}</td>
                    <td class="num">{p ? formatPercent(p.members.excellent + p.members.good, p.members.rated) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="đơn vị" href={listView} testid="children-pager" />
        </section>
      ) : null}

      {scored ? (
        <section class="card">
          <h2>Biểu 4 — Phân bố điểm đánh giá (thang 100)</h2>
          <ScoreBands rollup={r} />
        </section>
      ) : null}

      <section class="card">
        <h2>Tỷ lệ Hoàn thành xuất sắc nhiệm vụ (không quá 20 % số Hoàn thành tốt)</h2>
        <p>{r.quota.withinCap ? <span class="ok">Không có tổ chức cơ sở đảng vượt tỷ lệ.</span> : <span class="bad" data-testid="breaches">{formatCount(r.quota.breaches)} tổ chức cơ sở đảng vượt tỷ lệ.</span>}</p>
        <QuotaTable rollup={r} rows={quotaRows} />
      </section>

      <section class="card">
        <h2>Tiến độ theo mốc thời gian</h2>
        {props.milestones ? (
          <>
            <p class="muted">
              Mỗi mốc: số đơn vị đã thực hiện trên số đơn vị phải thực hiện mốc đó (các loại đơn vị mốc giao), tính đến {formatVietnameseDateTime(new Date(props.milestones.asOf))} — cùng cách tính và cùng số liệu với báo cáo tiến độ gửi Ban Tổ chức.
            </p>
            <table class="compact" data-testid="milestones">
              <thead><tr><th>Mốc</th><th>Thời hạn</th><th>Tiến độ</th><th class="num">Đã thực hiện / phải thực hiện</th><th class="num">Đúng hạn</th><th class="num">Trễ hạn</th><th class="num">Quá hạn, chưa thực hiện</th></tr></thead>
              <tbody>
                {props.milestones.figures.map((m) => (
                  <tr data-milestone={m.milestoneId}>
                    <td>{m.title}</td>
                    <td>{m.deadline}</td>
                    <td>{m.recordable ? <span class="progress"><span style={`width:${m.done.share === null ? 0 : Math.round(m.done.share * 100)}%`} /></span> : <span class="muted">Chưa ghi nhận trên hệ thống</span>}</td>
                    <td class="num" data-cell="done">{m.recordable ? figureText(m.done) : ''}</td>
                    <td class="num">{m.recordable ? formatCount(m.counts.onTime) : ''}</td>
                    <td class="num">{m.recordable ? formatCount(m.counts.late) : ''}</td>
                    <td class="num">{m.recordable ? formatCount(m.counts.missing) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p class="muted">Đợt kiểm điểm năm {r.year} chưa có mốc thời gian.</p>
        )}
        <p class="muted">Hồ sơ: {formatCount(r.workflow.draft)} đang soạn · {formatCount(r.workflow.submitted)} đã gửi · {formatCount(r.workflow.returned)} bị trả lại · {formatCount(r.workflow.approved)} đã thẩm định.</p>
      </section>

      {props.masses ? (
        <section class="card" data-testid="masses-section">
          <h2>Tự phê bình và phê bình trước quần chúng (Biểu 5)</h2>
          <p class="no-print">
            <a href={`/dashboard/${r.year}/units/${encodeURIComponent(r.unitId)}/masses`}>Xem chi tiết</a> ·{' '}
            <a href={`/campaigns/${r.year}/units/${encodeURIComponent(r.unitId)}/masses`}>Buổi tự phê bình của đơn vị</a> ·{' '}
            <a href={`${api}/masses-rollup?format=xlsx`} data-testid="bieu-5-dashboard">Tải Biểu 5 (.xlsx)</a>
          </p>
          <Bieu5Table rollup={props.masses} year={r.year} />
        </section>
      ) : null}
    </Layout>
  );
}
