import { Layout } from './layout';
import { formatCount, LIST_PAGE_SIZE, matchesTyped, pageOf, groupMemberCounts, memberStatus, memberStatusLabels, partyPositionLabels, unitKindLabels, sectorLabels, isCell, formatVietnameseDate, roleMay, type Caller, type Member } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { UnitHistory } from '@kd/services';
import { UnitHistorySection } from './unit-history-section';
import { SearchForm } from './search-page';
import { listHref, ListFilter, Pager } from './list-view';

export interface UnitPageData {
  caller: Caller;
  unit: StoredUnit;
  ancestors: StoredUnit[];
  subtree: StoredUnit[];
  /** A cell's members, all of them in Vietnamese name order (null for other units). */
  members: Member[] | null;
  groups: Map<string, string>;
  history?: UnitHistory;
  /** The page of the units below (`tree`, in tree order), and the members' typed filter (`q`) and page (`page`): each 1 first. */
  list?: { tree?: number; q?: string | undefined; page?: number };
}

/** Rows of the units below shown at once: a province's whole tree would be thousands of pixels long. */
export const TREE_PAGE_SIZE = 100;

/** Members of each unit's whole subtree, from the direct counts kept on every unit. */
export function subtreeMemberCounts(subtree: StoredUnit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of subtree) for (const id of u.path) counts.set(id, (counts.get(id) ?? 0) + u.memberCount);
  return counts;
}

export function UnitPage({ caller, unit, ancestors, subtree, members, groups, history, list = {} }: UnitPageData) {
  const counts = subtreeMemberCounts(subtree);
  // Tổ đảng hold no members of their own: their members are the cell's members with that group (as the dashboard counts them).
  if (members) for (const [groupId, n] of groupMemberCounts(members)) counts.set(groupId, n);
  const depth0 = unit.path.length;
  const unitsBelow = subtree.filter((u) => u.id !== unit.id);
  const tree = pageOf(unitsBelow, list.tree, TREE_PAGE_SIZE);
  const shown = tree.items;
  // The tree and the members page on their own (`tree`, `page`); each pager keeps the other's place and the filter.
  const here = `/units/${unit.id}`;
  const memberList = members ? pageOf(members.filter((m) => matchesTyped(list.q, m.fullName, m.id)), list.page, LIST_PAGE_SIZE) : null;
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
      {unit.kind !== 'group' ? <SearchForm unit={unit} /> : null}
      <div class="card">
        <span class="tag">{unitKindLabels[unit.kind]}</span>{' '}
        {unit.sector ? <span class="tag">{sectorLabels[unit.sector]}</span> : null}{' '}
        {unit.foundedOn ? <span class="muted">Thành lập {formatVietnameseDate(unit.foundedOn)}</span> : null}
        {unit.closedOn ? <span class="muted"> · Kết thúc hoạt động từ {formatVietnameseDate(unit.closedOn)}</span> : null}
        <p>
          Tổng số đảng viên: <strong data-testid="member-total">{formatCount(counts.get(unit.id) ?? 0)}</strong> · Số đơn vị trực thuộc:{' '}
          <strong>{formatCount(unitsBelow.length)}</strong>
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
          <h2>Các đơn vị trực thuộc ({unitsBelow.length})</h2>
          <table data-testid="subtree">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Loại hình</th>
                <th class="num">Số đảng viên</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr>
                  <td class={`indent-${Math.min(5, u.path.length - depth0 - 1)}`}>
                    <a href={`/units/${u.id}`}>{u.name}</a>
                  </td>
                  <td>{unitKindLabels[u.kind]}</td>
                  <td class="num">{formatCount(counts.get(u.id) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* The tree's page is `tree`, not `page`: the members below page on their own. */}
          <Pager page={tree.page} pages={tree.pages} total={tree.total} noun="đơn vị" href={(p) => listHref(here, { tree: p > 1 ? p : undefined, q: list.q }, memberList?.page ?? 1)} testid="tree-pager" />
        </>
      ) : null}

      {history ? <UnitHistorySection unit={unit} history={history} /> : null}

      {members && memberList ? (
        <>
          <h2 id="members">Danh sách đảng viên ({formatCount(members.length)})</h2>
          <p class="upload-links"><a href={`/units/${unit.id}/results-upload`} data-testid="link-results-upload">Tải kết quả kiểm điểm lên</a> · <a href={`/units/${unit.id}/roster-upload`} data-testid="link-roster-upload">Tải danh sách đảng viên lên</a></p>
          <ListFilter action={here} q={list.q} label="Họ tên hoặc mã đảng viên" testid="members-filter" keep={{ tree: tree.page > 1 ? String(tree.page) : undefined }} />
          {memberList.total === 0 ? <p>Không có đảng viên nào khớp với bộ lọc.</p> : null}
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
              {memberList.items.map((m) => (
                <tr id={`member-${m.id}`}>
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
          <Pager page={memberList.page} pages={memberList.pages} total={memberList.total} noun="đảng viên" href={(p) => listHref(here, { tree: tree.page > 1 ? tree.page : undefined, q: list.q }, p)} testid="members-pager" />
        </>
      ) : isCell(unit.kind) ? null : (
        <p class="muted">Chọn một chi bộ để xem danh sách đảng viên.</p>
      )}
    </Layout>
  );
}

const errorTitles: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không có quyền truy cập',
  404: 'Không tìm thấy',
  409: 'Không thực hiện được',
  413: 'Nội dung quá lớn',
  422: 'Dữ liệu chưa hợp lệ',
  429: 'Quá nhiều yêu cầu',
  503: 'Hệ thống đang bận',
};

/** What the user can do about an error: a sentence, and where to do it when there is a place. */
export interface NextStep {
  text: string;
  href?: string | undefined;
  label?: string | undefined;
}

export function ErrorPage(props: { caller?: Caller | undefined; status: number; message: string; next?: NextStep | null | undefined; back?: string | undefined }) {
  const next = props.next;
  return (
    <Layout title="Lỗi" caller={props.caller}>
      <h1 data-testid="error-title">{errorTitles[props.status] ?? 'Có lỗi xảy ra'}</h1>
      <p class="error" data-testid="error">
        {props.message}
      </p>
      {next ? (
        <p data-testid="error-next">
          {next.text}
          {next.href ? <> <a href={next.href} data-testid="error-next-link">{next.label ?? next.href}</a></> : null}
        </p>
      ) : null}
      <p>
        {props.back ? <><a href={props.back} data-testid="error-back">Quay lại trang trước</a> · </> : null}
        {props.caller ? <a href="/">Về trang việc cần làm</a> : <a href="/login">Đăng nhập</a>}
      </p>
    </Layout>
  );
}
