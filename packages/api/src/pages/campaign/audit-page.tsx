import type { AuditEntry, StoredUnit } from '@kd/data';
import { Page as Layout } from './page';
import { roleLabels, Role, type Caller } from '@kd/domain';
import { auditActionLabels, when } from './labels';
import { changeLines, targetText, type Names } from './audit-words';

/** A unit's audit trail, newest first: who, when (dd/mm/yyyy HH:mm, Vietnam time), what, on what, what changed, why. */
export function AuditPage(props: { caller: Caller; unit: StoredUnit; entries: AuditEntry[]; names: Names; cursor: string | null }) {
  const { unit, names } = props;
  return (
    <Layout title={`Nhật ký — ${unit.name}`} caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> ›
      </div>
      <h1>Nhật ký thay đổi — {unit.name}</h1>
      <table data-testid="audit">
        <thead>
          <tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Đối tượng</th><th>Thay đổi</th><th>Lý do</th></tr>
        </thead>
        <tbody>
          {props.entries.map((e) => {
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
      {props.entries.length === 0 ? <p class="muted">Chưa có thay đổi nào.</p> : null}
      {props.cursor ? (
        <p class="pager">
          <a class="button" href={`/units/${unit.id}/audit-trail?cursor=${encodeURIComponent(props.cursor)}`}>Trang sau</a>
        </p>
      ) : null}
    </Layout>
  );
}
