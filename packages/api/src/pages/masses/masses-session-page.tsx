import {
  commentChannelLabels, commentHeadingLabels, commentHeadings, commentPlace, formatVietnameseDate, formatVietnameseDateTime, massesAgenda, massesSessionStateLabels,
  missingSignatures, remediationStatusLabels, responsibilityLabels, roleMay, signatureRoleLabels, type Caller, type MassesComment, type Member, type SessionRecord,
} from '@kd/domain';
import type { StoredSession, StoredUnit } from '@kd/data';
import type { RemediationView } from '@kd/services';
import { MassesFrame, type Flash } from './masses-frame';
import { WEB_API_BASE } from '../../base-paths';
import { PostForm } from '../post-form';

const when = (iso: string | null | undefined) => (iso ? formatVietnameseDateTime(new Date(iso)) : '—');
/** `2020-11-10T08:00:00+07:00` → the value of a datetime-local input (Viet Nam time). */
const local = (iso: string | null | undefined) => (iso ? iso.slice(0, 16) : '');

export interface SessionPageProps {
  caller: Caller;
  unit: StoredUnit;
  year: number;
  session: StoredSession;
  comments: MassesComment[];
  codes: { issued: number; used: number };
  remediation: RemediationView[];
  members: Member[];
  names: Map<string, string>;
  flash: Flash;
}

function RecordForm(props: { action: string; record: SessionRecord | null; plan: StoredSession['plan']; members: Member[] }) {
  const r = props.record;
  const listed = new Map((r?.members ?? []).map((m) => [m.memberId, m] as const));
  return (
    <PostForm action={props.action} class="masses-form card" testid="record-form">
      <strong>{r ? 'Sửa biên bản (chữ ký đã có sẽ bị xóa)' : 'Ghi nhận buổi tự phê bình'}</strong>
      <div class="grid2">
        <label>Bắt đầu <input type="datetime-local" name="startsAt" value={local(r?.startsAt ?? props.plan?.startsAt)} required /></label>
        <label>Kết thúc <input type="datetime-local" name="endsAt" value={local(r?.endsAt ?? props.plan?.endsAt)} required /></label>
        <label>Địa điểm <input type="text" name="place" value={r?.place ?? props.plan?.place ?? ''} required /></label>
        <label>Số quần chúng tham dự <input type="number" min="1" name="massesPresent" value={String(r?.massesPresent ?? '')} required /></label>
        <label>Chủ trì <input type="text" name="chair" value={r?.chair ?? ''} required /></label>
        <label>Thư ký <input type="text" name="clerk" value={r?.clerk ?? ''} required /></label>
        <label>Đại diện cấp ủy <input type="text" name="committeeRepresentative" value={r?.committeeRepresentative ?? ''} required /></label>
        <label>Đại biểu dự (mỗi dòng một người) <textarea name="guests">{(r?.guests ?? []).join('\n')}</textarea></label>
      </div>
      <table class="masses" data-testid="record-members">
        <thead><tr><th>Tự phê bình</th><th>Họ và tên</th><th>Có mặt</th><th>Lý do vắng</th><th>Nhiệm vụ được phân công</th><th>Tóm tắt ưu điểm, khuyết điểm chính (cấp ủy)</th></tr></thead>
        <tbody>
          {props.members.map((m) => {
            const s = listed.get(m.id);
            return (
              <tr data-member={m.id}>
                <td><input type="checkbox" name={`include_${m.id}`} checked={Boolean(s)} aria-label={`${m.fullName} tự phê bình`} /></td>
                <td>{m.fullName}</td>
                <td>
                  <select name={`present_${m.id}`} aria-label={`${m.fullName}: có mặt hay vắng`}>
                    <option value="present" selected={s?.present !== false}>Có mặt</option>
                    <option value="absent" selected={s?.present === false}>Vắng</option>
                  </select>
                </td>
                <td><input type="text" name={`absence_${m.id}`} aria-label={`Lý do vắng của ${m.fullName}`} value={s?.absenceReason ?? ''} /></td>
                <td><input type="text" name={`duties_${m.id}`} aria-label={`Nhiệm vụ được phân công của ${m.fullName}`} value={s?.duties ?? m.governmentPosition ?? ''} /></td>
                <td><input type="text" name={`summary_${m.id}`} aria-label={`Tóm tắt ưu điểm, khuyết điểm chính của ${m.fullName}`} value={s?.summary ?? ''} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>Đại diện cấp ủy tiếp thu <textarea name="acknowledgement">{r?.acknowledgement ?? ''}</textarea></label>
      <button type="submit" data-testid="record-session">Lưu biên bản</button>
    </PostForm>
  );
}

function CommentForm(props: { action: string; session: StoredSession; names: Map<string, string> }) {
  return (
    <PostForm action={props.action} class="masses-form card" testid="comment-form">
      <strong>Thêm ý kiến</strong>
      <div class="grid2">
        <label>Về <select name="about">
          <option value="">Tập thể</option>
          {(props.session.record?.members ?? []).map((m) => <option value={m.memberId}>{props.names.get(m.memberId) ?? m.memberId}</option>)}
        </select></label>
        <label>Hình thức <select name="channel">
          <option value="oral">{commentChannelLabels.oral} (thư ký ghi)</option>
          <option value="written">{commentChannelLabels.written} (phiếu giấy, ẩn danh)</option>
        </select></label>
        <label>Loại <select name="kind">
          <option value="strength">Ưu điểm</option><option value="shortcoming">Khuyết điểm, hạn chế</option><option value="proposal">Đề xuất</option>
        </select></label>
        <label>Mục (ưu điểm, khuyết điểm) <select name="heading">
          {commentHeadings.map((h) => <option value={String(h)}>{h}. {commentHeadingLabels[h]}</option>)}
        </select></label>
      </div>
      <label>Nội dung <textarea name="text" required></textarea></label>
      <label><input type="checkbox" name="dissenting" /> Trái chiều với bản tự phê bình hoặc nhận xét của cấp ủy</label>
      <button type="submit" data-testid="add-comment">Ghi ý kiến</button>
    </PostForm>
  );
}

/** A session: the agenda, its record, the comments and their classes, codes, remediation, signatures, minutes. */
export function MassesSessionPage(p: SessionPageProps) {
  const { caller, unit, year, session } = p;
  const base = `/campaigns/${year}/units/${unit.id}/masses`;
  const here = `${base}/sessions/${session.id}`;
  const api = `${WEB_API_BASE}/campaigns/${year}/units/${unit.id}`;
  const mayWrite = roleMay(caller.role, 'masses.write');
  const open = session.state === 'recorded';
  const about = (id: string | null) => (id === null ? 'Tập thể' : (p.names.get(id) ?? id));
  return (
    <MassesFrame caller={caller} unit={unit} year={year} title={`Buổi tự phê bình trước quần chúng — ${when(session.record?.startsAt ?? session.plan?.startsAt)}`} flash={p.flash} here="Buổi tự phê bình">
      <p>Trạng thái: <strong data-testid="session-state" data-state={session.state}>{massesSessionStateLabels[session.state]}</strong></p>
      <details class="card">
        <summary>Chương trình buổi (Kế hoạch 03-KH/ĐUK mục II.5)</summary>
        {massesAgenda.map((part) => <div><strong>{part.title}</strong><ol class="agenda">{part.items.map((i) => <li>{i}</li>)}</ol></div>)}
      </details>
      {mayWrite && session.state !== 'complete' ? <RecordForm action={`${here}/record`} record={session.record} plan={session.plan} members={p.members} /> : null}
      {session.record ? (
        <div class="card" data-testid="session-record">
          <p>{when(session.record.startsAt)} – {when(session.record.endsAt)} · {session.record.place} · Chủ trì: {session.record.chair} · Thư ký: {session.record.clerk} · Đại diện cấp ủy: {session.record.committeeRepresentative} · Quần chúng tham dự: {session.record.massesPresent}</p>
          <ul>
            {session.record.members.map((m) => (
              <li>{about(m.memberId)}{m.present ? '' : ` — vắng (${m.absenceReason ?? ''})`} · <a href={`${api}/members/${encodeURIComponent(m.memberId)}/self-criticism.docx`}>Bản tự phê bình (.docx)</a></li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Ý kiến đóng góp ({p.comments.length})</h2>
      <p class="muted">Thứ tự hiển thị không theo thứ tự nhận; ý kiến bằng văn bản không ghi người viết.</p>
      {mayWrite && open ? <CommentForm action={`${here}/comments`} session={session} names={p.names} /> : null}
      <table class="masses" data-testid="comments">
        <thead><tr><th>Về</th><th>Hình thức</th><th>Mục</th><th>Nội dung</th><th>Phân loại (R-MASS-11)</th></tr></thead>
        <tbody>
          {p.comments.map((c) => (
            <tr data-comment={c.id}>
              <td>{about(c.about)}</td>
              <td>{commentChannelLabels[c.channel]}</td>
              <td>{commentPlace(c)}</td>
              <td>{c.text} {c.dissenting ? <span class="tag dissent" data-testid="dissenting">Trái chiều</span> : null}</td>
              <td>
                {mayWrite ? (
                  <PostForm action={`${here}/comments/${c.id}`} class="row-form">
                    <select name="responsibility" data-testid="responsibility" aria-label="Trách nhiệm của tập thể hay cá nhân">
                      <option value="" selected={c.responsibility === null}>Chưa phân loại</option>
                      <option value="collective" selected={c.responsibility === 'collective'}>{responsibilityLabels.collective}</option>
                      <option value="individual" selected={c.responsibility === 'individual'}>{responsibilityLabels.individual}</option>
                    </select>
                    <label><input type="checkbox" name="dissenting" checked={c.dissenting} /> Trái chiều</label>
                    <button type="submit" class="link" data-testid="save-class">Lưu</button>
                  </PostForm>
                ) : c.responsibility ? responsibilityLabels[c.responsibility] : 'Chưa phân loại'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {session.record ? (
        <>
          <h2>Phiếu góp ý trên điện thoại</h2>
          <p data-testid="code-counts">Đã phát {p.codes.issued} mã, đã dùng {p.codes.used} (tối đa bằng số quần chúng tham dự: {session.record.massesPresent}).</p>
          {mayWrite && open && p.codes.issued < session.record.massesPresent ? (
            <PostForm action={`${here}/codes`}><button type="submit" data-testid="issue-codes">Phát mã để in</button></PostForm>
          ) : null}
        </>
      ) : null}

      <h2>Nội dung khắc phục</h2>
      <ul data-testid="session-remediation">
        {p.remediation.map((r) => (
          <li>{r.text} — {r.owner} — hạn {formatVietnameseDate(r.deadline)} — <span class={`tag ${r.status === 'done' ? 'done' : r.overdue ? 'overdue' : ''}`}>{r.overdue ? 'Quá hạn' : remediationStatusLabels[r.status]}</span></li>
        ))}
      </ul>
      {mayWrite && p.comments.length > 0 ? (
        <PostForm action={`${base}/remediation`} class="masses-form card" testid="remediation-form">
          <input type="hidden" name="back" value={here} />
          <strong>Giao nội dung khắc phục</strong>
          {p.comments.map((c) => <label><input type="checkbox" name="commentIds" value={c.id} /> {about(c.about)}: {c.text.slice(0, 80)}</label>)}
          <div class="grid2">
            <label>Nội dung khắc phục <input type="text" name="text" required /></label>
            <label>Người (tập thể) chịu trách nhiệm <input type="text" name="owner" required /></label>
            <label>Thời hạn <input type="date" name="deadline" required /></label>
            <label>Trách nhiệm <select name="responsibility"><option value="individual">{responsibilityLabels.individual}</option><option value="collective">{responsibilityLabels.collective}</option></select></label>
          </div>
          <button type="submit" data-testid="add-remediation">Giao</button>
        </PostForm>
      ) : null}

      <h2>Chữ ký biên bản (R-MASS-10)</h2>
      <ul data-testid="signatures">
        {session.signatures.map((s) => <li>{signatureRoleLabels[s.role]}: {s.name} — {when(s.signedAt)}</li>)}
      </ul>
      {mayWrite && open ? (
        <PostForm action={`${here}/signatures`} class="row-form masses-form" testid="sign-form">
          <select name="role" aria-label="Ký với tư cách">{missingSignatures(session).map((r) => <option value={r}>{signatureRoleLabels[r]}</option>)}</select>
          <input type="text" name="name" placeholder="Họ và tên" aria-label="Họ và tên người ký" required />
          <button type="submit" data-testid="sign">Ký</button>
        </PostForm>
      ) : null}
      {session.record ? <p><a href={`${api}/masses-sessions/${session.id}/minutes.docx`} data-testid="minutes">Biên bản (.docx)</a></p> : null}
    </MassesFrame>
  );
}
