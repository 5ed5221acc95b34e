import { memberStatus, memberStatusLabels, unitKindLabels, type Caller } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { SearchResult } from '@kd/services';
import { Layout } from './layout';

const unitHref = (id: string) => `/units/${encodeURIComponent(id)}`;
export const searchHref = (unitId: string, q: string, cursor?: string | null) =>
  `${unitHref(unitId)}/search?q=${encodeURIComponent(q)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** The search box of a unit's pages: members by name (with or without diacritics) or id, units by name. */
export function SearchForm(props: { unit: Pick<StoredUnit, 'id' | 'name'>; q?: string }) {
  return (
    <form method="get" action={`${unitHref(props.unit.id)}/search`} class="search" role="search" data-testid="search-form">
      <label for="search-q">Tìm đảng viên, đơn vị</label>
      <input type="search" id="search-q" name="q" value={props.q ?? ''} maxlength={100} placeholder="Họ tên (có dấu hoặc không), mã đảng viên, tên đơn vị" />
      <button type="submit">Tìm</button>
    </form>
  );
}

/** Where a unit sits: its parent's name, so that two units of the same name are told apart. */
function placeOf(unit: StoredUnit | undefined, tree: Map<string, StoredUnit>, root: StoredUnit): string {
  if (!unit) return '';
  const parent = unit.parentId ? (tree.get(unit.parentId) ?? (unit.parentId === root.id ? root : undefined)) : undefined;
  return parent ? parent.name : '';
}

export function SearchPage(props: { caller: Caller; result: SearchResult }) {
  const { root, q, members, units, tree } = props.result;
  return (
    <Layout title={`Tìm kiếm — ${root.name}`} caller={props.caller}>
      <p class="crumbs"><a href={unitHref(root.id)}>{root.name}</a> ›</p>
      <h1>Tìm kiếm trong {root.name}</h1>
      <SearchForm unit={root} q={q} />
      {q === '' ? <p class="muted">Gõ họ tên (có dấu hoặc không dấu), mã đảng viên hoặc tên đơn vị.</p> : null}
      {q !== '' && units.length > 0 ? (
        <>
          <h2>Đơn vị ({units.length})</h2>
          <table data-testid="search-units">
            <thead><tr><th>Đơn vị</th><th>Loại hình</th><th>Trực thuộc</th></tr></thead>
            <tbody>
              {units.map((u) => (
                <tr><td><a href={unitHref(u.id)}>{u.name}</a></td><td>{unitKindLabels[u.kind]}</td><td>{placeOf(u, tree, root)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {q !== '' ? (
        <>
          <h2>Đảng viên</h2>
          {members.length === 0 ? (
            <p data-testid="search-none">Không có đảng viên nào khớp với “{q}”.</p>
          ) : (
            <table data-testid="search-members">
              <thead><tr><th>Họ và tên</th><th>Mã đảng viên</th><th>Chi bộ</th><th>Trực thuộc</th><th>Tình trạng</th></tr></thead>
              <tbody>
                {members.map(({ member, unit }) => (
                  <tr data-member={member.id}>
                    <td><a href={`${unitHref(member.unitId)}#member-${encodeURIComponent(member.id)}`}>{member.fullName}</a></td>
                    <td>{member.id}</td>
                    <td>{unit ? <a href={unitHref(unit.id)}>{unit.name}</a> : ''}</td>
                    <td>{placeOf(unit, tree, root)}</td>
                    <td>{memberStatusLabels[memberStatus(member)]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {props.result.cursor ? (
            <p class="pager"><a class="button" href={searchHref(root.id, q, props.result.cursor)} data-testid="search-next">Trang sau</a></p>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}
