import type { AuditEntry, StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { roleLabels, Role, type Caller } from '@kd/domain';
import { auditActionLabels, when } from './labels';

const compact = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/** A unit's audit trail, newest first: who, when, what, before and after, why. */
export function AuditPage(props: { caller: Caller; unit: StoredUnit; entries: AuditEntry[]; cursor: string | null }) {
  const { unit } = props;
  return (
    <Layout title={`Nhật ký — ${unit.name}`} caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> ›
      </div>
      <h1>Nhật ký thay đổi — {unit.name}</h1>
      <table data-testid="audit">
        <thead>
          <tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Đối tượng</th><th>Trước</th><th>Sau</th><th>Lý do</th></tr>
        </thead>
        <tbody>
          {props.entries.map((e) => {
            const role = Role.safeParse(e.actor.role);
            return (
              <tr data-action={e.action}>
                <td>{when(e.at)}</td>
                <td>
                  {e.actor.name}
                  <br />
                  <span class="muted">{role.success ? roleLabels[role.data] : e.actor.role}</span>
                </td>
                <td>{auditActionLabels[e.action] ?? e.action}</td>
                <td>{e.target}</td>
                <td class="json">{compact(e.before)}</td>
                <td class="json">{compact(e.after)}</td>
                <td>{e.reason ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.entries.length === 0 ? <p class="muted">Chưa có thay đổi nào.</p> : null}
      {props.cursor ? (
        <p class="pager">
          <a class="button" href={`/units/${unit.id}/audit-trail?cursor=${encodeURIComponent(props.cursor)}`}>Trang sau</a>
        </p>
      ) : null}
    </Layout>
  );
}
