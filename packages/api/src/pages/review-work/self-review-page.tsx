import { formatVietnameseDateTime, isEditable, outsideCommentSourceLabels, outsideCommentSources, type Caller, type ReviewForm } from '@kd/domain';
import type { SelfReviewView } from '@kd/services';
import { WEB_API_BASE } from '../../base-paths';
import { Page as Layout } from '../campaign/page';
import { PostForm } from '../post-form';
import { selfReviewFields } from './form-sections';
import { PromptList } from './prompts';

const enc = encodeURIComponent;

/**
 * A member's self-review written on a page — by the member signed in for themselves, or keyed in by
 * the cell — in the campaign's regime's form; the cell also keys in the chi ủy's and the group's
 * comments and those of the previous cell, the temporary cell and the residence.
 */
export function SelfReviewPage(props: { caller: Caller; year: number; view: SelfReviewView; form: ReviewForm | null; closed: boolean; flash: { error?: string | undefined; ok?: string | undefined } }) {
  const { view, year } = props;
  const { member, unit, review } = view;
  const editable = !props.closed && isEditable(view.dossier.state) && (view.own || props.caller.role !== 'viewer');
  const fields = selfReviewFields(props.form, member.partyPosition !== null);
  const value = (field: string) => (field.startsWith('s:') ? review.sections[field.slice(2) as keyof typeof review.sections] : review.formSections[field.slice(2) as keyof typeof review.formSections]) ?? '';
  const action = `/campaigns/${year}/units/${enc(unit.id)}/members/${enc(member.id)}/self-review`;
  const outside = new Map(review.outsideComments.map((c) => [c.source, c] as const));
  return (
    <Layout title={`Bản tự kiểm điểm ${year} — ${member.fullName}`} caller={props.caller}>
      <div class="crumbs">{view.own ? <a href={`/campaigns/${year}/units/${enc(unit.id)}/members/${enc(member.id)}/record`}>Hồ sơ của tôi</a> : <a href={`/campaigns/${year}/units/${enc(unit.id)}/review`}>{unit.name} — kiểm điểm năm {year}</a>} ›</div>
      <h1>Bản tự kiểm điểm năm {year}{props.form ? ` (Mẫu ${props.form})` : ' (Mẫu 2A)'}</h1>
      <p>Đảng viên: <strong data-testid="self-review-member">{member.fullName}</strong> — {unit.name}</p>
      {props.flash.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.flash.ok ? <p class="ok" data-testid="flash-ok">{props.flash.ok}</p> : null}
      <p class="muted" data-testid="self-review-state">
        {review.rev === 0 ? 'Chưa viết.' : `Đã lưu lúc ${formatVietnameseDateTime(new Date(review.updatedAt!))}.`}
        {review.rev === 0 ? null : (
          <>
            {' · '}
            <a href={`${WEB_API_BASE}${action}.docx`} data-testid="link-self-review-docx-page">Tải bản tự kiểm điểm (.docx)</a>
          </>
        )}
      </p>
      <PostForm action={action} testid="self-review-form">
        <input type="hidden" name="rev" value={String(review.rev)} />
        {fields.map((f) => (
          <label class="section">
            <strong>{f.heading}</strong>
            {f.guidance ? <span class="muted"> {f.guidance}</span> : null}
            <textarea name={f.field} rows={4} maxlength={20000} disabled={!editable} data-testid={`section-${f.field}`}>{value(f.field)}</textarea>
          </label>
        ))}
        {!view.own ? (
          <fieldset data-testid="cell-comments">
            <legend>Nhận xét (chi bộ ghi)</legend>
            <label>Nhận xét của tổ đảng <textarea name="groupComment" rows={2} maxlength={5000} disabled={!editable}>{review.groupComment ?? ''}</textarea></label>
            <label>Nhận xét, đánh giá của chi ủy <textarea name="committeeComment" rows={2} maxlength={5000} disabled={!editable} data-testid="committee-comment">{review.committeeComment ?? ''}</textarea></label>
            {outsideCommentSources.map((s) => (
              <div class="outside-comment" data-source={s}>
                <strong>{outsideCommentSourceLabels[s]}</strong>
                <label>Đơn vị nhận xét <input type="text" name={`outside:${s}:unit`} maxlength={300} value={outside.get(s)?.authorUnit ?? ''} disabled={!editable} data-testid={`outside-${s}-unit`} /></label>
                <label>Nội dung <textarea name={`outside:${s}:text`} rows={2} maxlength={5000} disabled={!editable} data-testid={`outside-${s}-text`}>{outside.get(s)?.text ?? ''}</textarea></label>
              </div>
            ))}
          </fieldset>
        ) : (
          <>
            {review.committeeComment ? <p>Nhận xét của chi ủy: {review.committeeComment}</p> : null}
            {review.outsideComments.map((c) => <p data-testid={`outside-${c.source}`}>{outsideCommentSourceLabels[c.source]} ({c.authorUnit}): {c.text}</p>)}
          </>
        )}
        {editable ? <button type="submit" data-testid="self-review-save">Lưu bản tự kiểm điểm</button> : <p class="muted">Hồ sơ đã gửi cấp trên hoặc đã khóa: chỉ xem.</p>}
      </PostForm>
      <PromptList year={year} unitId={unit.id} prompts={view.prompts} mayAnswer={editable} />
    </Layout>
  );
}
