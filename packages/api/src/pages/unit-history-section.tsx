import { formatVietnameseDate, formatVietnameseDateTime } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { UnitHistory } from '@kd/services';

const actionLabels: Record<string, string> = {
  'unit.create': 'Thành lập đơn vị trực thuộc',
  'unit.rename': 'Đổi tên',
  'unit.move': 'Chuyển về trực thuộc đơn vị khác',
  'unit.close': 'Giải thể',
  'unit.merge': 'Hợp nhất các đơn vị vào đơn vị này',
  'unit.mergedInto': 'Hợp nhất vào đơn vị khác',
  'unit.split': 'Chia tách',
  'unit.splitFrom': 'Thành lập từ chia tách',
  'province.merge': 'Hợp nhất tỉnh',
};

const onOf = (after: unknown): string | null => {
  const on = (after as { on?: unknown } | undefined)?.on;
  return typeof on === 'string' ? formatVietnameseDate(on) : null;
};

/**
 * A unit's history on its page (docs/tree-history.md): where it sat and under which name from
 * when, the tree events of its audit trail, the units it continues with the campaigns they were
 * rated in, the units that continue it, and a tree job still running on it.
 */
export function UnitHistorySection({ unit, history }: { unit: StoredUnit; history: UnitHistory }) {
  const link = (u: StoredUnit) => <a href={`/units/${encodeURIComponent(u.id)}`}>{u.name}</a>;
  return (
    <section data-testid="unit-history">
      <h2>Lịch sử đơn vị</h2>
      {history.runningJob ? (
        <p class="notice" data-testid="running-job">
          Đang thực hiện: {history.runningJob.summary} —{' '}
          <a href={`/units/${encodeURIComponent(unit.id)}/tree-jobs/${encodeURIComponent(history.runningJob.id)}`}>xem tiến độ</a>
        </p>
      ) : null}
      <table data-testid="unit-periods">
        <thead>
          <tr><th>Từ ngày</th><th>Tên đơn vị</th><th>Trực thuộc</th></tr>
        </thead>
        <tbody>
          {history.periods.map((p) => (
            <tr>
              <td>{p.from ? formatVietnameseDate(p.from) : 'Trước khi có dữ liệu'}</td>
              <td>{p.name}</td>
              <td>{p.parentName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.events.length > 0 ? (
        <ul data-testid="unit-events">
          {history.events.map((e) => (
            <li>
              {actionLabels[e.action] ?? e.action}
              {onOf(e.after) ? ` (hiệu lực ${onOf(e.after)})` : ''} — {e.actor.name}, ghi nhận {formatVietnameseDateTime(new Date(e.at))}
            </li>
          ))}
        </ul>
      ) : null}
      {history.predecessors.length > 0 ? (
        <>
          <h3>Đơn vị tiền thân</h3>
          <table data-testid="predecessors">
            <thead>
              <tr><th>Đơn vị</th><th>Hoạt động đến</th><th>Kết quả các năm</th></tr>
            </thead>
            <tbody>
              {history.predecessors.map(({ unit: p, campaigns }) => (
                <tr>
                  <td>{link(p)}</td>
                  <td>{p.closedOn ? formatVietnameseDate(p.closedOn) : ''}</td>
                  <td>
                    {campaigns.length === 0
                      ? 'Chưa có đợt kiểm điểm'
                      : campaigns.map((c, i) => (
                          <>
                            {i > 0 ? ' · ' : ''}
                            <a href={`/dashboard/${c.year}/units/${encodeURIComponent(p.id)}`}>Năm {c.year}</a>
                          </>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {history.successors.length > 0 ? (
        <p data-testid="successors">
          Đơn vị kế thừa:{' '}
          {history.successors.map((s, i) => (
            <>
              {i > 0 ? ', ' : ''}
              {link(s)}
            </>
          ))}
        </p>
      ) : null}
      {history.archived.length > 0 ? (
        <>
          <h3>Dữ liệu các tỉnh cũ (lưu trữ)</h3>
          <ul data-testid="archived">
            {history.archived.map((a) => (
              <li>
                {a.tenantName}:{' '}
                {a.campaigns.map((c, i) => (
                  <>
                    {i > 0 ? ' · ' : ''}
                    <a href={`/archives/${encodeURIComponent(a.tenant)}/${c.year}/units/${encodeURIComponent(a.unitId)}`}>Năm {c.year}</a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
