import { disciplineLabels, disciplines, type MemberFacts } from '@kd/domain';
import { RatingSelect } from './rating-select';
import { PostForm } from '../post-form';

const num = (name: keyof MemberFacts, label: string, value: number | null, max?: number) => (
  <label>
    {label} <input type="number" name={name} min="0" max={max === undefined ? undefined : String(max)} value={value === null ? '' : String(value)} data-testid={name} />
  </label>
);
const check = (name: keyof MemberFacts, label: string, value: boolean) => (
  <label>
    <input type="checkbox" name={name} value="on" checked={value} data-testid={name} /> {label}
  </label>
);

/** One member's facts, proposals and the cell's decision; posts every field, so an unchecked box is "Không". */
export function MemberForm(props: { action: string; facts: MemberFacts; rowRev: number | null; dossierRev: number }) {
  const f = props.facts;
  return (
    <PostForm action={props.action} class="member-form">
      <input type="hidden" name="rowRev" value={props.rowRev === null ? '' : String(props.rowRev)} />
      <input type="hidden" name="dossierRev" value={String(props.dossierRev)} />
      <fieldset>
        <legend>Số liệu trong năm</legend>
        {num('absences', 'Số kỳ vắng sinh hoạt', f.absences)}
        {num('silentMeetings', 'Số kỳ không phát biểu', f.silentMeetings)}
        {num('sickLeaveDays', 'Số ngày nghỉ ốm', f.sickLeaveDays)}
        {num('taskCompletionPercent', 'Tỷ lệ hoàn thành nhiệm vụ (%)', f.taskCompletionPercent, 100)}
        {num('monthsAtPreviousCell', 'Số tháng ở chi bộ cũ', f.monthsAtPreviousCell, 12)}
        <label>
          Hình thức kỷ luật trong năm{' '}
          <select name="discipline" data-testid="discipline">
            <option value="" selected={!f.discipline}>Không</option>
            {disciplines.map((d) => (
              <option value={d} selected={f.discipline === d}>{disciplineLabels[d]}</option>
            ))}
          </select>
        </label>
        <RatingSelect name="civilServantRating" value={f.civilServantRating} label="Xếp loại công chức, viên chức" />
        {check('maternityLeave', 'Nghỉ thai sản', f.maternityLeave)}
        {check('degradationConcluded', 'Có kết luận suy thoái', f.degradationConcluded)}
        {check('previousCellComment', 'Có nhận xét của chi bộ cũ', f.previousCellComment)}
        {check('temporaryCellComment', 'Có nhận xét nơi sinh hoạt tạm thời', f.temporaryCellComment)}
        {check('residenceComment', 'Có nhận xét nơi cư trú', f.residenceComment)}
        {check('absentFromRatingMeeting', 'Vắng họp xếp loại', f.absentFromRatingMeeting)}
      </fieldset>
      <fieldset>
        <legend>Đề xuất và biểu quyết</legend>
        <RatingSelect name="selfProposed" value={f.selfProposed} label="Tự xếp loại" />
        <RatingSelect name="groupProposed" value={f.groupProposed} label="Tổ đảng đề xuất" />
        <RatingSelect name="decided" value={f.decided} label="Chi bộ xếp loại" />
        {num('votesFor', 'Số phiếu tán thành', f.votesFor)}
        <label>
          Ghi chú <input type="text" name="note" maxlength={2000} value={f.note ?? ''} />
        </label>
      </fieldset>
      <button type="submit" data-testid="save-member">Lưu</button>
    </PostForm>
  );
}

/** The form fields back into facts (zod validates them at the service boundary). */
export function factsFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const int = (k: string) => (text(k) === '' ? null : Number(text(k)));
  const bool = (k: string) => text(k) === 'on';
  const level = (k: string) => text(k) || null;
  return {
    absences: int('absences') ?? 0,
    silentMeetings: int('silentMeetings') ?? 0,
    sickLeaveDays: int('sickLeaveDays') ?? 0,
    maternityLeave: bool('maternityLeave'),
    discipline: level('discipline'),
    degradationConcluded: bool('degradationConcluded'),
    civilServantRating: level('civilServantRating'),
    taskCompletionPercent: int('taskCompletionPercent'),
    monthsAtPreviousCell: int('monthsAtPreviousCell'),
    previousCellComment: bool('previousCellComment'),
    temporaryCellComment: bool('temporaryCellComment'),
    residenceComment: bool('residenceComment'),
    absentFromRatingMeeting: bool('absentFromRatingMeeting'),
    selfProposed: level('selfProposed'),
    groupProposed: level('groupProposed'),
    decided: level('decided'),
    votesFor: int('votesFor'),
    note: text('note') || null,
  };
}
