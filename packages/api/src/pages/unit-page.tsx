import { Layout } from './layout';
import { memberStatus, memberStatusLabels, partyPositionLabels, unitKindLabels, sectorLabels, isCell, formatVietnameseDate, roleMay, type Caller, type Member } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { UnitHistory } from '@kd/services';
import { UnitHistorySection } from './unit-history-section';

export interface UnitPageData {
  caller: Caller;
  unit: StoredUnit;
  ancestors: StoredUnit[];
  subtree: StoredUnit[];
  members: { members: Member[]; total: number; cursor: string | null } | null;
  groups: Map<string, string>;
  history?: UnitHistory;
}

/** Members of each unit's whole subtree, from the direct counts kept on every unit. */
export function subtreeMemberCounts(subtree: StoredUnit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of subtree) for (const id of u.path) counts.set(id, (counts.get(id) ?? 0) + u.memberCount);
  return counts;
}

export function UnitPage({ caller, unit, ancestors, subtree, members, groups, history }: UnitPageData) {
  const counts = subtreeMemberCounts(subtree);
  // Tổ đảng hold no members of their own: their members are the cell's members with that group.
  if (members) for (const m of members.members) if (m.groupId) counts.set(m.groupId, (counts.get(m.groupId) ?? 0) + 1);
  const depth0 = unit.path.length;
  const unitsBelow = subtree.filter((u) => u.id !== unit.id);
  return (
    <Layout title={unit.name} caller={caller}>
      <div class="crumbs">
        {ancestors.map((a) => (
          <>
            <a href={`/units/${a.id}`}>{a.name}</a> ›{' '}
          </>
        ))}
      </div>
      <h1 data-testid="unit-name">{unit.name}</h1>
      <div class="card">
        <span class="tag">{unitKindLabels[unit.kind]}</span>{' '}
        {unit.sector ? <span class="tag">{sectorLabels[unit.sector]}</span> : null}{' '}
        {unit.foundedOn ? <span class="muted">Thành lập {formatVietnameseDate(unit.foundedOn)}</span> : null}
        {unit.closedOn ? <span class="muted"> · Kết thúc hoạt động từ {formatVietnameseDate(unit.closedOn)}</span> : null}
        <p>
          Tổng số đảng viên: <strong data-testid="member-total">{counts.get(unit.id) ?? 0}</strong> · Số đơn vị trực thuộc:{' '}
          <strong>{unitsBelow.length}</strong>
        </p>
      </div>
      <p class="campaign-links">
        <a href={`/dashboard/units/${unit.id}`} data-testid="link-dashboard">Số liệu tổng hợp</a> ·{' '}
        <a href={`/units/${unit.id}/campaigns`} data-testid="link-campaigns">Kiểm điểm, đánh giá, xếp loại chất lượng các năm</a>
        {caller.role === 'province_board' || caller.role === 'bloc_board' ? (
          <>
            {' '}· <a href={`/units/${unit.id}/reports`} data-testid="link-reports">Báo cáo tiến độ</a> ·{' '}
            <a href={`/units/${unit.id}/late-units`}>Đơn vị chậm tiến độ</a>
          </>
        ) : null}
        {' '}· <a href={`/units/${unit.id}/history`} data-testid="link-history">Kết quả các năm (cả số liệu năm trước)</a>
        {roleMay(caller.role, 'member.reconcile') ? <>{' '}· <a href={`/units/${unit.id}/reconciliation`} data-testid="link-reconciliation">Đối chiếu CSDL đảng viên</a></> : null}
        {' '}· <a href={`/units/${unit.id}/audit-trail`}>Nhật ký thay đổi</a>
      </p>

      {unitsBelow.length > 0 ? (
        <>
          <h2>Các đơn vị trực thuộc</h2>
          <table data-testid="subtree">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Loại hình</th>
                <th class="num">Số đảng viên</th>
              </tr>
            </thead>
            <tbody>
              {unitsBelow.map((u) => (
                <tr>
                  <td class={`indent-${Math.min(5, u.path.length - depth0 - 1)}`}>
                    <a href={`/units/${u.id}`}>{u.name}</a>
                  </td>
                  <td>{unitKindLabels[u.kind]}</td>
                  <td class="num">{counts.get(u.id) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {history ? <UnitHistorySection unit={unit} history={history} /> : null}

      {members ? (
        <>
          <h2>Danh sách đảng viên ({members.total})</h2>
          <p class="upload-links"><a href={`/units/${unit.id}/results-upload`} data-testid="link-results-upload">Tải kết quả kiểm điểm lên</a> · <a href={`/units/${unit.id}/roster-upload`} data-testid="link-roster-upload">Tải danh sách đảng viên lên</a></p>
          <table data-testid="members">
            <thead>
              <tr>
                <th>Mã đảng viên</th>
                <th>Họ và tên</th>
                <th>Ngày vào Đảng</th>
                <th>Tình trạng</th>
                <th>Chức vụ Đảng</th>
                <th>Chức vụ chính quyền</th>
                <th>Tổ đảng</th>
                <th>Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {members.members.map((m) => (
                <tr>
                  <td>{m.id}</td>
                  <td>{m.fullName}</td>
                  <td>{formatVietnameseDate(m.admittedOn)}</td>
                  <td>{memberStatusLabels[memberStatus(m)]}</td>
                  <td>{m.partyPosition ? partyPositionLabels[m.partyPosition] : ''}</td>
                  <td>{m.governmentPosition ?? ''}</td>
                  <td>{m.groupId ? (groups.get(m.groupId) ?? '') : ''}</td>
                  <td>
                    {[m.exempt ? 'Miễn công tác và sinh hoạt đảng' : '', m.suspended ? 'Đình chỉ sinh hoạt đảng' : '', m.temporaryAttachmentAt ? `Sinh hoạt tạm thời tại ${m.temporaryAttachmentAt}` : '']
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {members.cursor ? (
            <p class="pager">
              <a class="button" href={`/units/${unit.id}?cursor=${encodeURIComponent(members.cursor)}`}>
                Trang sau
              </a>
            </p>
          ) : null}
        </>
      ) : isCell(unit.kind) ? null : (
        <p class="muted">Chọn một chi bộ để xem danh sách đảng viên.</p>
      )}
    </Layout>
  );
}

export function ErrorPage(props: { caller?: Caller | undefined; status: number; message: string }) {
  return (
    <Layout title="Lỗi" caller={props.caller}>
      <h1>{props.status === 404 ? 'Không tìm thấy' : props.status === 403 ? 'Không có quyền truy cập' : 'Có lỗi xảy ra'}</h1>
      <p class="error" data-testid="error">
        {props.message}
      </p>
      <p>
        <a href="/">Về trang việc cần làm</a>
      </p>
    </Layout>
  );
}
