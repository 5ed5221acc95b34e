import { formatVietnameseDateTime, isEditable, roleMay, type Caller, type CollectiveReview, type Member, type ReviewPrompt } from '@kd/domain';
import type { Dossier, StoredUnit } from '@kd/data';
import { Page as Layout } from '../campaign/page';
import { PostForm } from '../post-form';
import { collectiveReviewFields } from './form-sections';
import { PromptList, SendPromptForm } from './prompts';

const enc = encodeURIComponent;

/** The collective review (Mẫu 1A; r2025 Mẫu 01) written on a page, its Word file, and the prompts it received. */
export function CollectiveReviewPage(props: {
  caller: Caller; year: number; unit: StoredUnit; review: CollectiveReview; prompts: ReviewPrompt[]; members: Member[]; dossier: Dossier; scored: boolean; closed: boolean;
  flash: { error?: string | undefined; ok?: string | undefined };
}) {
  const { caller, year, unit, review } = props;
  const base = `/campaigns/${year}/units/${enc(unit.id)}`;
  const own = caller.unit === unit.id;
  const editable = !props.closed && isEditable(props.dossier.state) && roleMay(caller.role, 'results.write');
  const upper = !props.closed && roleMay(caller.role, 'review.appraise') && caller.unit !== unit.id;
  const fields = collectiveReviewFields(props.scored);
  const value = (field: string) => (field.startsWith('s:') ? review.sections[field.slice(2) as keyof typeof review.sections] : review.formSections[field.slice(2) as keyof typeof review.formSections]) ?? '';
  return (
    <Layout title={`Kiểm điểm tập thể ${year} — ${unit.name}`} caller={caller}>
      <div class="crumbs"><a href={`${base}/review`}>{unit.name} — kiểm điểm năm {year}</a> ›</div>
      <h1>Báo cáo kiểm điểm tập thể năm {year} ({props.scored ? 'Mẫu 01' : 'Mẫu 1A'})</h1>
      {props.flash.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.flash.ok ? <p class="ok" data-testid="flash-ok">{props.flash.ok}</p> : null}
      <p>
        <a href={`${base}/collective-review.docx`} data-testid="collective-review-docx">Báo cáo kiểm điểm tập thể (.docx)</a>
        <span class="muted"> · {review.rev === 0 ? 'Chưa viết.' : `Đã lưu lúc ${formatVietnameseDateTime(new Date(review.updatedAt!))}.`}</span>
      </p>
      <PostForm action={`${base}/collective-review`} testid="collective-review-form">
        <input type="hidden" name="rev" value={String(review.rev)} />
        {fields.map((f) => (
          <label class="section">
            <strong>{f.heading}</strong>
            <textarea name={f.field} rows={4} maxlength={20000} disabled={!editable} data-testid={`section-${f.field}`}>{value(f.field)}</textarea>
          </label>
        ))}
        <label>Ngày gửi dự thảo đến người dự họp (ít nhất 3 ngày làm việc trước cuộc họp) <input type="date" name="draftCirculatedOn" value={review.draftCirculatedOn ?? ''} disabled={!editable} /></label>
        <label>Đã lấy ý kiến góp ý của <input type="text" name="commentSources" maxlength={2000} value={review.commentSources ?? ''} disabled={!editable} /></label>
        {editable ? <button type="submit" data-testid="collective-review-save">Lưu báo cáo kiểm điểm tập thể</button> : null}
      </PostForm>
      <PromptList year={year} unitId={unit.id} prompts={props.prompts} mayAnswer={editable && own} names={new Map(props.members.map((m) => [m.id, m.fullName] as const))} />
      {upper ? <SendPromptForm year={year} unitId={unit.id} members={props.members} /> : null}
    </Layout>
  );
}
