import { contractKindLabels, deadlineText, formatVietnameseDateTime, isBaseOrganisation, massesSessionStateLabels, massesStatusLabels, roleMay, type Caller, type MassesReview } from '@kd/domain';
import type { StoredSession, StoredUnit } from '@kd/data';
import type { WorkplaceView } from '@kd/services';
import { MassesFrame, type Flash } from './masses-frame';
import { WEB_API_BASE } from '../../base-paths';
import { PostForm } from '../post-form';

const when = (iso: string | null | undefined) => (iso ? formatVietnameseDateTime(new Date(iso)) : '—');

/** A unit's masses review of the year: milestones, its workplace and counted masses, its sessions, what to do next. */
export function MassesOverviewPage(props: { caller: Caller; unit: StoredUnit; year: number; review: MassesReview; workplace: WorkplaceView; sessions: StoredSession[]; flash: Flash }) {
  const { caller, unit, year, workplace: w } = props;
  const base = `/campaigns/${year}/units/${unit.id}/masses`;
  const mayWrite = roleMay(caller.role, 'masses.write');
  const reports = isBaseOrganisation(unit.kind) || unit.kind === 'bloc';
  const own = w.workplace && !w.shared ? w.workplace : null;
  return (
    <MassesFrame caller={caller} unit={unit} year={year} title={`Tự phê bình và phê bình trước quần chúng năm ${year} — ${unit.name}`} flash={props.flash}>
      <p class="links">
        <a href={`/dashboard/${year}/units/${unit.id}/masses`} data-testid="link-bieu5">Biểu 5 — tổng hợp</a> · <a href={`${base}/remediation`} data-testid="link-remediation">Nội dung khắc phục</a> ·{' '}
        <a href={`${WEB_API_BASE}/campaigns/${year}/units/${unit.id}/comment-form.docx`}>Phiếu ghi ý kiến (mẫu in)</a>
      </p>
      <h2>Mốc thời gian</h2>
      <ul data-testid="masses-milestones">
        {props.review.milestones.map((m) => <li>{m.title}: <strong>{deadlineText(m)}</strong> <span class="muted">({m.source})</span></li>)}
      </ul>

      <h2>Cơ quan, đơn vị nơi đảng viên công tác</h2>
      <div class="card" data-testid="workplace">
        {w.workplace ? (
          <p>
            <strong>{w.workplace.name}</strong>{w.shared ? <span class="muted"> (dùng chung của đơn vị cấp trên, tính một lần)</span> : null} · Quần chúng được tính (biên chế, hợp đồng dài hạn):{' '}
            <strong data-testid="counted-masses">{w.countedMasses}</strong> · <span data-testid="masses-status">{w.status ? massesStatusLabels[w.status] : ''}</span>
          </p>
        ) : (
          <p class="muted">Chưa khai báo.</p>
        )}
        {mayWrite ? (
          <PostForm action={`${base}/workplace`} class="masses-form" testid="workplace-form">
            <label>Tên cơ quan, đơn vị, doanh nghiệp <input type="text" name="name" value={own?.name ?? ''} required /></label>
            <div class="row-form">
              {(['permanent', 'longTerm', 'shortTerm', 'productionLine'] as const).map((k) => (
                <label>{contractKindLabels[k]} <input type="number" min="0" name={k} value={String(own?.staff[k] ?? 0)} /></label>
              ))}
            </div>
            <button type="submit">Lưu nơi làm việc</button>
          </PostForm>
        ) : null}
        {mayWrite ? (
          <PostForm action={`${base}/copy-forward`} class="inline">
            <button type="submit" class="link">Chép nơi làm việc năm {year - 1} cho các đơn vị chưa khai báo</button>
          </PostForm>
        ) : null}
      </div>

      <h2>Các buổi tự phê bình</h2>
      <table data-testid="sessions" class="masses">
        <thead><tr><th>Bắt đầu</th><th>Kết thúc</th><th>Địa điểm</th><th>Trạng thái</th><th></th></tr></thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr data-session={s.id} data-state={s.state}>
              <td>{when(s.record?.startsAt ?? s.plan?.startsAt)}</td>
              <td>{when(s.record?.endsAt ?? s.plan?.endsAt)}</td>
              <td>{s.record?.place ?? s.plan?.place ?? ''}</td>
              <td>{massesSessionStateLabels[s.state]}</td>
              <td><a href={`${base}/sessions/${s.id}`}>Mở</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayWrite && w.sessionRequired ? (
        <PostForm action={`${base}/plan`} class="masses-form card" testid="plan-form">
          <strong>Lên kế hoạch một buổi</strong>
          <div class="row-form">
            <label>Bắt đầu <input type="datetime-local" name="startsAt" required /></label>
            <label>Kết thúc (dự kiến) <input type="datetime-local" name="endsAt" /></label>
            <label>Địa điểm <input type="text" name="place" /></label>
          </div>
          <button type="submit" data-testid="plan-session">Lên kế hoạch</button>
        </PostForm>
      ) : null}
      {mayWrite && reports ? (
        <PostForm action={`${base}/report`} class="submit-form">
          <button type="submit" data-testid="send-report">{unit.kind === 'bloc' ? 'Gửi báo cáo tổng hợp lên cấp trên' : 'Gửi báo cáo kết quả lên Đảng ủy Khối'}</button>
        </PostForm>
      ) : null}
    </MassesFrame>
  );
}
