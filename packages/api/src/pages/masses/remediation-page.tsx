import { formatVietnameseDate, remediationStatusLabels, responsibilityLabels, roleMay, type Caller } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { RemediationView } from '@kd/services';
import { MassesFrame, type Flash } from './masses-frame';
import { PostForm } from '../post-form';

/** The unit's remediation items of the year: owner, deadline, status, overdue as of today (never stored). */
export function RemediationPage(props: { caller: Caller; unit: StoredUnit; year: number; items: RemediationView[]; flash: Flash }) {
  const { caller, unit, year } = props;
  const base = `/campaigns/${year}/units/${unit.id}/masses/remediation`;
  const mayWrite = roleMay(caller.role, 'masses.write');
  return (
    <MassesFrame caller={caller} unit={unit} year={year} title={`Nội dung khắc phục năm ${year} — ${unit.name}`} flash={props.flash} here="Nội dung khắc phục">
      <p>Quá hạn: <strong data-testid="overdue-count">{props.items.filter((i) => i.overdue).length}</strong> · Đã khắc phục: {props.items.filter((i) => i.status === 'done').length}/{props.items.length}</p>
      <table class="masses" data-testid="remediation">
        <thead><tr><th>Nội dung</th><th>Người chịu trách nhiệm</th><th>Trách nhiệm</th><th>Thời hạn</th><th>Trạng thái</th><th></th></tr></thead>
        <tbody>
          {props.items.map((i) => (
            <tr data-item={i.id} data-status={i.status} data-overdue={String(i.overdue)}>
              <td>{i.text}</td>
              <td>{i.owner}</td>
              <td>{responsibilityLabels[i.responsibility]}</td>
              <td>{formatVietnameseDate(i.deadline)}</td>
              <td>{remediationStatusLabels[i.status]}{i.doneOn ? ` (${formatVietnameseDate(i.doneOn)})` : ''} {i.overdue ? <span class="tag overdue">Quá hạn</span> : null}</td>
              <td>
                {mayWrite ? (
                  <PostForm action={`${base}/${i.id}`}>
                    <input type="hidden" name="status" value={i.status === 'done' ? 'open' : 'done'} />
                    <button type="submit" class="link">{i.status === 'done' ? 'Mở lại' : 'Đã khắc phục'}</button>
                  </PostForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayWrite ? (
        <PostForm action={base} class="masses-form card">
          <strong>Thêm nội dung khắc phục (không gắn ý kiến)</strong>
          <div class="grid2">
            <label>Nội dung <input type="text" name="text" required /></label>
            <label>Người (tập thể) chịu trách nhiệm <input type="text" name="owner" required /></label>
            <label>Thời hạn <input type="date" name="deadline" required /></label>
            <label>Trách nhiệm <select name="responsibility"><option value="collective">{responsibilityLabels.collective}</option><option value="individual">{responsibilityLabels.individual}</option></select></label>
          </div>
          <button type="submit">Thêm</button>
        </PostForm>
      ) : null}
    </MassesFrame>
  );
}
