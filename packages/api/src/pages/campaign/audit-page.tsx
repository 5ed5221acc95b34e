import type { auditTrail } from '@kd/services';
import { Page as Layout } from './page';
import { formatCount, roleLabels, Role, type Caller } from '@kd/domain';
import { auditActionLabels, when } from './labels';
import { changeLines, targetText } from './audit-words';
import { listHref } from '../list-view';

type Trail = Awaited<ReturnType<typeof auditTrail>>;

/**
 * A unit's audit trail, newest first: who, when (dd/mm/yyyy HH:mm, Vietnam time), what, on what,
 * what changed, why; narrowed by action, who, a date range and a typed text, a page at a time
 * (a signed cursor: `?cursor=` with the filter's own parameters).
 */
export function AuditPage(props: { caller: Caller; trail: Trail }) {
  const { unit, names, filter, entries } = props.trail;
  const base = `/units/${unit.id}/audit-trail`;
  const kept = { action: filter.action, who: filter.who, from: filter.from, to: filter.to, q: filter.q };
  return (
    <Layout title={`Nhật ký — ${unit.name}`} caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> ›
      </div>
      <h1>Nhật ký thay đổi — {unit.name}</h1>
      <form method="get" action={base} class="filters inline-form" data-testid="audit-filter">
        <label>
          Thao tác{' '}
          <select name="action">
            <option value="">Tất cả</option>
            {Object.entries(auditActionLabels).map(([k, label]) => <option value={k} selected={k === filter.action}>{label}</option>)}
          </select>
        </label>
        <label>Người thực hiện <input type="search" name="who" value={filter.who ?? ''} maxlength={100} /></label>
        <label>Từ ngày <input type="date" name="from" value={filter.from ?? ''} /></label>
        <label>Đến ngày <input type="date" name="to" value={filter.to ?? ''} /></label>
        <label>Nội dung <input type="search" name="q" value={filter.q ?? ''} maxlength={100} /></label>
        <button type="submit">Lọc</button>
        {props.trail.narrowed ? <a href={base}>Bỏ lọc</a> : null}
      </form>
      <table data-testid="audit">
        <thead>
          <tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Đối tượng</th><th>Thay đổi</th><th>Lý do</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const role = Role.safeParse(e.actor.role);
            const lines = changeLines(e.before, e.after, names);
            return (
              <tr data-action={e.action}>
                <td>{when(e.at)}</td>
                <td>
                  {e.actor.name}
                  <br />
                  <span class="muted">{role.success ? roleLabels[role.data] : 'Hệ thống'}</span>
                </td>
                <td>{auditActionLabels[e.action] ?? 'Thao tác khác'}</td>
                <td>{targetText(e.target, names)}</td>
                <td>
                  {lines.length === 0 ? <span class="muted">—</span> : (
                    <dl class="changes">
                      {lines.map((l) => (
                        <>
                          <dt>{l.label}</dt>
                          <dd>{l.before !== null && l.after !== null ? `${l.before} → ${l.after}` : l.after !== null ? l.after : `đã bỏ: ${l.before}`}</dd>
                        </>
                      ))}
                    </dl>
                  )}
                </td>
                <td>{e.reason ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entries.length === 0 ? <p class="muted">{props.trail.narrowed ? 'Không có thay đổi nào khớp với bộ lọc.' : 'Chưa có thay đổi nào.'}</p> : null}
      {props.trail.narrowed && props.trail.cursor && entries.length < 50 ? (
        <p class="muted" data-testid="audit-scanned">Đã tìm trong {formatCount(props.trail.scanned)} mục gần nhất; bấm "Trang sau" để tìm tiếp trong các mục cũ hơn.</p>
      ) : null}
      {props.trail.cursor ? (
        <p class="pager" data-testid="audit-pager">
          <a class="button" href={listHref(base, { ...kept, cursor: props.trail.cursor }, 1)}>Trang sau</a>
        </p>
      ) : null}
    </Layout>
  );
}
