import { formatVietnameseDate, partyPositionLabels, type Caller, type Member } from '@kd/domain';
import type { Meetings, GroupMeetings } from '@kd/services';
import type { UnitEventRecord } from '@kd/data';
import { Page as Layout } from '../campaign/page';
import { PostForm } from '../post-form';

const enc = encodeURIComponent;

/** Attendance, speakers and chair/clerk for the members of one meeting. */
function MeetingFields(props: { members: Member[]; record: UnitEventRecord | null; prefix: string; collectiveVotes?: boolean }) {
  const r = props.record;
  const attendance = new Map((r?.attendance ?? []).map((a) => [a.memberId, a] as const));
  const spoke = new Map((r?.speakers ?? []).map((s) => [s.memberId, s] as const));
  const pick = (name: string, label: string, value: string | null | undefined) => (
    <label>
      {label}{' '}
      <select name={name} required data-testid={`${props.prefix}-${name}`}>
        <option value="">— chọn —</option>
        {props.members.map((m) => <option value={m.id} selected={m.id === value}>{m.fullName}{m.partyPosition ? ` (${partyPositionLabels[m.partyPosition]})` : ''}</option>)}
      </select>
    </label>
  );
  return (
    <>
      <label>Ngày họp <input type="date" name="heldOn" required value={r?.heldOn ?? ''} data-testid={`${props.prefix}-heldOn`} /></label>
      <label>Giờ bắt đầu <input type="time" name="startTime" required value={r?.startTime ?? ''} data-testid={`${props.prefix}-startTime`} /></label>
      <label>Giờ kết thúc <input type="time" name="endTime" value={r?.endTime ?? ''} /></label>
      <label>Địa điểm <input type="text" name="location" required maxlength={300} value={r?.location ?? ''} data-testid={`${props.prefix}-location`} /></label>
      {pick('chairMemberId', 'Chủ trì', r?.chairMemberId)}
      {pick('clerkMemberId', 'Thư ký', r?.clerkMemberId)}
      {props.collectiveVotes ? (
        <label>Số phiếu tán thành mức xếp loại của chi bộ <input type="number" name="collectiveVotesFor" min="0" value={r?.collectiveVotesFor === null || r?.collectiveVotesFor === undefined ? '' : String(r.collectiveVotesFor)} data-testid={`${props.prefix}-collectiveVotesFor`} /></label>
      ) : null}
      <table data-testid={`${props.prefix}-attendance`}>
        <thead><tr><th>Đảng viên</th><th>Có mặt</th><th>Lý do vắng</th><th>Phát biểu</th><th>Tóm tắt ý kiến</th></tr></thead>
        <tbody>
          {props.members.map((m) => {
            const a = attendance.get(m.id);
            const s = spoke.get(m.id);
            return (
              <tr data-member={m.id}>
                <td>{m.fullName}</td>
                <td><input type="checkbox" name={`present:${m.id}`} value="on" checked={a ? a.present : true} aria-label={`${m.fullName} có mặt`} data-testid={`${props.prefix}-present-${m.id}`} /></td>
                <td><input type="text" name={`absence:${m.id}`} maxlength={300} value={a?.absenceReason ?? ''} aria-label={`Lý do vắng của ${m.fullName}`} data-testid={`${props.prefix}-absence-${m.id}`} /></td>
                <td><input type="checkbox" name={`spoke:${m.id}`} value="on" checked={Boolean(s)} aria-label={`${m.fullName} phát biểu`} data-testid={`${props.prefix}-spoke-${m.id}`} /></td>
                <td><input type="text" name={`summary:${m.id}`} maxlength={2000} value={s?.summary ?? ''} aria-label={`Ý kiến của ${m.fullName}`} data-testid={`${props.prefix}-summary-${m.id}`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function recordedLine(r: UnitEventRecord | null): string {
  return r?.heldOn ? `Đã ghi nhận: ngày ${formatVietnameseDate(r.heldOn)}${r.startTime ? `, ${r.startTime}` : ''}${r.location ? `, ${r.location}` : ''}.` : 'Chưa ghi nhận.';
}

function GroupSection(props: { year: number; g: GroupMeetings; editable: boolean; back: string }) {
  const { g } = props;
  const base = `/campaigns/${props.year}/units/${enc(g.group.id)}`;
  return (
    <section class="card" data-testid={`group-${g.group.id}`}>
      <h2>Họp {g.group.name}</h2>
      <p data-testid={`group-${g.group.id}-status`}>{recordedLine(g.meeting)}</p>
      {g.meeting?.heldOn ? <p><a href={`${base}/meetings/group-minutes.docx`} data-testid={`group-minutes-${g.group.id}`}>Biên bản họp tổ đảng (.docx)</a></p> : null}
      {props.editable ? (
        g.members.length === 0 ? <p class="muted">Tổ chưa có đảng viên (gán tổ cho đảng viên trong danh sách đảng viên).</p> : (
          <details open={!g.meeting}>
            <summary>Ghi nhận cuộc họp của tổ</summary>
            <PostForm action={`${base}/meetings/group`} testid={`group-form-${g.group.id}`}>
              <input type="hidden" name="back" value={props.back} />
              <MeetingFields members={g.members} record={g.meeting} prefix={`group-${g.group.id}`} />
              <button type="submit" data-testid={`group-save-${g.group.id}`}>Lưu cuộc họp của tổ</button>
            </PostForm>
          </details>
        )
      ) : null}
    </section>
  );
}

/**
 * A cell's meetings of the year: each group's meeting (seed 000: the groups meet first and report
 * to the chi ủy), then the cell's rating meeting — with attendance, who spoke, votes, chair and
 * clerk — and the minutes generated from them.
 */
export function MeetingsPage(props: { caller: Caller; year: number; m: Meetings; flash: { error?: string | undefined; ok?: string | undefined } }) {
  const { m, year } = props;
  const base = `/campaigns/${year}/units/${enc(m.cell.id)}`;
  const back = `${base}/meetings`;
  return (
    <Layout title={`Cuộc họp kiểm điểm ${year} — ${m.cell.name}`} caller={props.caller}>
      <div class="crumbs"><a href={`/units/${enc(m.cell.id)}`}>{m.cell.name}</a> › <a href={`${base}/review`}>Kiểm điểm năm {year}</a> ›</div>
      <h1>Cuộc họp kiểm điểm, xếp loại năm {year}</h1>
      {props.flash.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.flash.ok ? <p class="ok" data-testid="flash-ok">{props.flash.ok}</p> : null}
      {!m.editable ? <p class="muted">Hồ sơ đã gửi cấp trên hoặc đã khóa: chỉ xem.</p> : null}
      {m.groups.map((g) => <GroupSection year={year} g={g} editable={m.editable} back={back} />)}
      <section class="card" data-testid="cell-meeting">
        <h2>Họp chi bộ đánh giá, xếp loại</h2>
        <p data-testid="cell-meeting-status">{recordedLine(m.cellMeeting)}</p>
        {m.cellMeeting?.chairMemberId ? <p><a href={`${base}/meetings/minutes.docx`} data-testid="cell-minutes">Biên bản họp chi bộ xếp loại (.docx)</a></p> : null}
        {m.editable ? (
          <PostForm action={`${base}/meetings/cell`} testid="cell-meeting-form">
            <input type="hidden" name="rev" value={String(m.dossierRev)} />
            <MeetingFields members={m.members} record={m.cellMeeting} prefix="cell" collectiveVotes />
            <button type="submit" data-testid="cell-meeting-save">Lưu cuộc họp chi bộ</button>
          </PostForm>
        ) : null}
      </section>
    </Layout>
  );
}
