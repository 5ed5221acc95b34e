import { completionStatusLabels, formatCount, tickKindLabels, tickKinds, formatVietnameseDateTime, type Counts, type ListPage, type ReportContent, type TickKind, type Caller } from '@kd/domain';
import { deliveryStatuses, deliveryStatusLabels, type Delivery, type DeliveryStatus, type ReportSummary, type StoredUnit } from '@kd/data';
import type { lateUnitsView } from '@kd/services';
import { Layout } from './layout';
import { YearSelector } from './campaign/year-selector';
import { PostForm } from './post-form';
import { listHref, ListFilter, Pager } from './list-view';

const when = (iso: string | null) => (iso ? formatVietnameseDateTime(new Date(iso)) : '—');
const unitHref = (id: string) => `/units/${encodeURIComponent(id)}`;
const reportsHref = (id: string) => `${unitHref(id)}/reports`;

function Nav(props: { unit: Pick<StoredUnit, 'id' | 'name'>; local: boolean }) {
  return (
    <p class="crumbs">
      <a href={unitHref(props.unit.id)}>{props.unit.name}</a> · <a href={reportsHref(props.unit.id)}>Báo cáo tiến độ</a> ·{' '}
      <a href={`${unitHref(props.unit.id)}/late-units`}>Đơn vị trễ hạn</a>
      {props.local ? (
        <>
          {' '}
          · <a href={`${unitHref(props.unit.id)}/outbox`}>Hộp thư đi (máy cục bộ)</a>
        </>
      ) : null}
    </p>
  );
}

function CountCells(props: { c: Counts }) {
  return (
    <>
      <td class="num">{formatCount(props.c.expected)}</td>
      <td class="num">{formatCount(props.c.done)}</td>
      <td class="num">{formatCount(props.c.onTime)}</td>
      <td class="num">{formatCount(props.c.late)}</td>
      <td class="num">{formatCount(props.c.missing)}</td>
      <td class="num">{formatCount(props.c.open)}</td>
      <td class="num">{formatCount(props.c.unrecorded)}</td>
    </>
  );
}

const countHeaders = ['Phải thực hiện', 'Đã thực hiện', 'Đúng hạn', 'Trễ hạn', 'Quá hạn', 'Chưa đến hạn', 'Chưa ghi nhận'];

function DeliveryTable(props: { deliveries: readonly Delivery[] }) {
  if (props.deliveries.length === 0) return <p class="muted">Chưa có người nhận thư cho Ban Tổ chức này.</p>;
  return (
    <table data-testid="deliveries">
      <thead>
        <tr>
          <th>Người nhận</th>
          <th>Tình trạng</th>
          <th class="num">Số lần gửi</th>
          <th>Lỗi gần nhất</th>
          <th>Đã gửi lúc</th>
        </tr>
      </thead>
      <tbody>
        {props.deliveries.map((d) => (
          <tr data-status={d.status}>
            <td>{d.recipient}</td>
            <td class={d.status === 'failed' ? 'error' : ''}>{deliveryStatusLabels[d.status]}</td>
            <td class="num">
              {d.attempts}/{d.maxAttempts}
            </td>
            <td>{d.lastError ?? ''}</td>
            <td>{when(d.sentAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportHistoryPage(props: {
  caller: Caller;
  unit: StoredUnit;
  /** The page of the reports the filter keeps, newest first. */
  shown: ListPage<ReportSummary>;
  /** Reports read in all, before the filter. */
  all: number;
  years: readonly number[];
  filter: { year?: number | undefined; trigger?: TickKind | undefined };
  recipients: readonly string[];
  mayRequest: boolean;
  local: boolean;
}) {
  const { shown, filter } = props;
  const base = reportsHref(props.unit.id);
  const view = (page: number) => listHref(base, { year: filter.year, trigger: filter.trigger }, page);
  return (
    <Layout title="Báo cáo tiến độ" caller={props.caller}>
      <Nav unit={props.unit} local={props.local} />
      <h1>Báo cáo tiến độ — {props.unit.name}</h1>
      <p class="muted">
        Báo cáo được lập tự động lúc 07:00 hằng ngày và khi đến hạn mỗi mốc thời gian, gửi kèm tệp .xlsx đến:{' '}
        {props.recipients.length > 0 ? props.recipients.join(', ') : 'chưa có người nhận'}.
      </p>
      {props.mayRequest ? (
        <PostForm action={base}>
          <button type="submit" data-testid="report-now">
            Lập báo cáo ngay
          </button>
        </PostForm>
      ) : null}
      {props.all === 0 ? (
        <p class="muted">Chưa có báo cáo nào.</p>
      ) : (
        <>
          <form method="get" action={base} class="filters inline-form" data-testid="reports-filter">
            <label>
              Năm{' '}
              <select name="year">
                <option value="">Tất cả</option>
                {props.years.map((y) => <option value={String(y)} selected={y === filter.year}>{y}</option>)}
              </select>
            </label>
            <label>
              Loại{' '}
              <select name="trigger">
                <option value="">Tất cả</option>
                {tickKinds.map((k) => <option value={k} selected={k === filter.trigger}>{tickKindLabels[k]}</option>)}
              </select>
            </label>
            <button type="submit">Lọc</button>
          </form>
          {shown.total === 0 ? (
            <p>Không có báo cáo nào khớp với bộ lọc.</p>
          ) : (
            <table data-testid="report-history">
              <thead>
                <tr>
                  <th>Tính đến</th>
                  <th>Loại</th>
                  <th>Năm</th>
                  <th class="num">Đúng hạn</th>
                  <th class="num">Trễ hạn</th>
                  <th class="num">Quá hạn</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((r) => (
                  <tr data-report={r.reportId}>
                    <td>{when(r.asOf)}</td>
                    <td>{tickKindLabels[r.trigger]}</td>
                    <td>{r.year}</td>
                    <td class="num">{formatCount(r.summary.onTime)}</td>
                    <td class="num">{formatCount(r.summary.late)}</td>
                    <td class="num">{formatCount(r.summary.missing)}</td>
                    <td>
                      <a href={`${base}/${encodeURIComponent(r.reportId)}`}>Xem</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="báo cáo" href={view} testid="reports-pager" />
        </>
      )}
    </Layout>
  );
}

export function ReportPage(props: { caller: Caller; unit: StoredUnit; reportId: string; content: ReportContent; deliveries: readonly Delivery[]; local: boolean }) {
  const { content } = props;
  return (
    <Layout title="Báo cáo tiến độ" caller={props.caller}>
      <Nav unit={props.unit} local={props.local} />
      <h1>
        Báo cáo tiến độ kiểm điểm năm {content.year} — {content.board.name}
      </h1>
      <p class="muted">
        Tính đến {when(content.asOf)} (giờ Việt Nam) · {tickKindLabels[content.trigger]} ·{' '}
        <a href={`${reportsHref(props.unit.id)}/${encodeURIComponent(props.reportId)}/xlsx`}>Tải tệp .xlsx</a>
      </p>
      <h2>Gửi thư</h2>
      <DeliveryTable deliveries={props.deliveries} />
      {content.milestones.map((m) => (
        <section class="card" data-milestone={m.milestoneId}>
          <h2>{m.title}</h2>
          <p>
            Hạn: <b>{m.deadline}</b> · Hoàn thành khi: {m.eventLabel}
            {m.recordable ? '' : ' (chưa ghi nhận trên hệ thống)'}
          </p>
          <table>
            <thead>
              <tr>
                <th>Đơn vị</th>
                {countHeaders.map((h) => (
                  <th class="num">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.groups.map((g) => (
                <tr>
                  <td>
                    <a href={unitHref(g.unitId)}>{g.name}</a>
                  </td>
                  <CountCells c={g.counts} />
                </tr>
              ))}
              <tr>
                <td>
                  <b>Cộng</b>
                </td>
                <CountCells c={m.counts} />
              </tr>
            </tbody>
          </table>
          <details>
            <summary>Từng đơn vị ({m.units.length})</summary>
            <table>
              <tbody>
                {m.units.map((u) => (
                  <tr data-status={u.status}>
                    <td>
                      <a href={unitHref(u.unitId)}>{u.name}</a>
                    </td>
                    <td>{u.groupName}</td>
                    <td>{completionStatusLabels[u.status]}</td>
                    <td>{when(u.completedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      ))}
    </Layout>
  );
}

type LateUnitsView = Awaited<ReturnType<typeof lateUnitsView>>;

/** The late units, filtered, grouped by milestone and direct parent, a page at a time. */
export function LateUnitsPage(props: { caller: Caller; view: LateUnitsView; local: boolean }) {
  const v = props.view;
  const base = `/units/${encodeURIComponent(v.unit.id)}/late-units`;
  const query = (page: number) => listHref(base, { year: v.year, milestone: v.filter.milestone, status: v.filter.status, q: v.filter.q }, page);
  return (
    <Layout title="Đơn vị trễ hạn" caller={props.caller}>
      <Nav unit={v.unit} local={props.local} />
      <h1>Đơn vị trễ hạn, quá hạn — {v.unit.name}</h1>
      {v.year ? <YearSelector years={v.years} current={v.year} href={(y) => `${base}?year=${y}`} /> : null}
      <p class="muted">
        {v.year ? `Đợt kiểm điểm năm ${v.year}, ` : 'Chưa có đợt kiểm điểm đang mở có mốc thời gian; '}tính đến {when(v.asOf)}: {v.total} lượt đơn vị trễ hạn hoặc quá hạn.
      </p>
      {v.total > 0 ? (
        <form method="get" action={base} class="filters" data-testid="late-filter">
          {v.year ? <input type="hidden" name="year" value={String(v.year)} /> : null}
          <label>Mốc thời gian{' '}
            <select name="milestone">
              <option value="">Tất cả ({v.total})</option>
              {v.milestones.map((m) => <option value={m.id} selected={m.id === v.filter.milestone}>{m.title} ({m.count})</option>)}
            </select>
          </label>
          <label>Tình trạng{' '}
            <select name="status">
              <option value="">Tất cả</option>
              <option value="late" selected={v.filter.status === 'late'}>{completionStatusLabels.late}</option>
              <option value="missing" selected={v.filter.status === 'missing'}>{completionStatusLabels.missing}</option>
            </select>
          </label>
          <label>Tên đơn vị <input type="search" name="q" value={v.filter.q ?? ''} maxlength={100} /></label>
          <button type="submit">Lọc</button>
        </form>
      ) : null}
      {v.matched === 0 ? (
        <p>{v.total === 0 ? 'Không có đơn vị trễ hạn.' : 'Không có đơn vị nào khớp với bộ lọc.'}</p>
      ) : (
        <table data-testid="late-units">
          <thead>
            <tr><th>Đơn vị</th><th>Tình trạng</th><th>Hoàn thành lúc</th></tr>
          </thead>
          {v.groups.map((g) => (
            <tbody data-milestone={g.milestoneId} data-parent={g.parent?.id ?? ''}>
              <tr class="group">
                <th colspan={3} scope="colgroup">
                  {g.title} ({g.deadline}) — {g.parent ? <>trực thuộc <a href={`/units/${encodeURIComponent(g.parent.id)}`}>{g.parent.name}</a></> : 'cấp cao nhất'} · {g.units.length} đơn vị
                </th>
              </tr>
              {g.units.map((u) => (
                <tr data-status={u.status}>
                  <td><a href={unitHref(u.unitId)}>{u.name}</a></td>
                  <td class="error">{completionStatusLabels[u.status]}</td>
                  <td>{when(u.completedAt)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      <Pager page={v.page} pages={v.pages} total={v.matched} noun="đơn vị" href={query} testid="late-pager" />
    </Layout>
  );
}

export function OutboxPage(props: {
  caller: Caller;
  unit: StoredUnit;
  /** The page of the messages the filter keeps, newest first. */
  shown: ListPage<Delivery>;
  all: number;
  filter: { q?: string | undefined; status?: DeliveryStatus | undefined };
  files: ReadonlySet<string>;
}) {
  const { shown, filter } = props;
  const base = `${unitHref(props.unit.id)}/outbox`;
  const view = (page: number) => listHref(base, { q: filter.q, status: filter.status }, page);
  return (
    <Layout title="Hộp thư đi" caller={props.caller}>
      <Nav unit={props.unit} local={true} />
      <h1>Hộp thư đi (máy cục bộ)</h1>
      <p class="muted">Khi chạy trên máy, thư không được gửi đi: mỗi thư là một tệp .eml trong thư mục outbox.</p>
      {props.all === 0 ? (
        <p class="muted">Chưa có thư nào.</p>
      ) : (
        <>
          <ListFilter action={base} q={filter.q} label="Tiêu đề hoặc người nhận" testid="outbox-filter">
            <label>
              Tình trạng{' '}
              <select name="status">
                <option value="">Tất cả ({formatCount(props.all)})</option>
                {deliveryStatuses.map((s) => <option value={s} selected={s === filter.status}>{deliveryStatusLabels[s]}</option>)}
              </select>
            </label>
          </ListFilter>
          {shown.total === 0 ? (
            <p>Không có thư nào khớp với bộ lọc.</p>
          ) : (
            <table data-testid="outbox">
              <thead>
                <tr>
                  <th>Lúc</th>
                  <th>Tiêu đề</th>
                  <th>Người nhận</th>
                  <th>Tình trạng</th>
                  <th>Tệp .eml</th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((d) => (
                  <tr data-status={d.status}>
                    <td>{when(d.sentAt ?? d.updatedAt)}</td>
                    <td>{d.subject}</td>
                    <td>{d.recipient}</td>
                    <td class={d.status === 'failed' ? 'error' : ''}>
                      {deliveryStatusLabels[d.status]}
                      {d.lastError ? ` — ${d.lastError}` : ''}
                    </td>
                    <td>{d.transportId && props.files.has(d.transportId) ? d.transportId : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="thư" href={view} testid="outbox-pager" />
        </>
      )}
    </Layout>
  );
}
