import { disciplineLabels, disciplines, type MemberFacts } from '@kd/domain';
import { RatingSelect } from './rating-select';
import { PostForm } from '../post-form';

const num = (name: keyof MemberFacts, label: string, value: number | null | undefined, max?: number, step?: string) => (
  <label>
    {label} <input type="number" name={name} min="0" max={max === undefined ? undefined : String(max)} step={step} value={value === null || value === undefined ? '' : String(value)} data-testid={name} />
  </label>
);
const check = (name: keyof MemberFacts, label: string, value: boolean) => (
  <label>
    <input type="checkbox" name={name} value="on" checked={value} data-testid={name} /> {label}
  </label>
);

/**
 * One member's facts, proposals and the cell's decision; posts every field, so an unchecked box is
 * "Không". Under the 100-point regime (`scored`) also the scores and the task figures.
 */
export function MemberForm(props: { action: string; facts: MemberFacts; rowRev: number | null; dossierRev: number; scored?: boolean }) {
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
      {props.scored ? (
        <fieldset>
          <legend>Điểm và kết quả thực hiện nhiệm vụ (thang 100)</legend>
          <input type="hidden" name="scored" value="on" />
          {num('generalScore', 'Điểm tiêu chí chung (/30)', f.generalScore, 30, 'any')}
          {num('taskScore', 'Điểm kết quả thực hiện nhiệm vụ (/70)', f.taskScore, 70, 'any')}
          {num('selfScore', 'Điểm tự chấm (/100)', f.selfScore, 100, 'any')}
          {num('latePercent', 'Nhiệm vụ chậm tiến độ (%)', f.latePercent, 100, 'any')}
          {num('exceedingPercent', 'Nhiệm vụ vượt yêu cầu (%)', f.exceedingPercent, 100, 'any')}
          {check('shortcomingsNotRemedied' as keyof MemberFacts, 'Chưa khắc phục hết hạn chế đã chỉ ra', f.shortcomingsRemedied === false)}
          {check('prohibitionsBreached', 'Vi phạm những điều đảng viên không được làm', f.prohibitionsBreached === true)}
        </fieldset>
      ) : null}
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
  const int = (k: string) => (text(k) === '' ? null : Number(text(k).replace(',', '.')));
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
    // The 100-point fields only where the form carried them, so that earlier years' rows stay as they were.
    ...(bool('scored')
      ? {
          generalScore: int('generalScore'),
          taskScore: int('taskScore'),
          selfScore: int('selfScore'),
          latePercent: int('latePercent'),
          exceedingPercent: int('exceedingPercent'),
          shortcomingsRemedied: !bool('shortcomingsNotRemedied'),
          prohibitionsBreached: bool('prohibitionsBreached'),
        }
      : {}),
  };
}
