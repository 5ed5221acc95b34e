import { formatVietnameseDateTime, type ReviewPrompt } from '@kd/domain';
import { PostForm } from '../post-form';

const enc = encodeURIComponent;

/** The upper level's review prompts (gợi ý kiểm điểm) and each answer; the unit (or the member addressed) answers. */
export function PromptList(props: { year: number; unitId: string; prompts: readonly ReviewPrompt[]; mayAnswer: boolean; names?: ReadonlyMap<string, string> }) {
  if (props.prompts.length === 0) return null;
  return (
    <section class="card" data-testid="review-prompts">
      <h2>Gợi ý kiểm điểm của cấp trên ({props.prompts.length})</h2>
      {props.prompts.map((p) => (
        <div class="prompt" data-prompt={p.id}>
          <p>
            <strong>{p.fromUnitName}</strong>, {formatVietnameseDateTime(new Date(p.sentAt))}
            {p.memberId ? <> — gửi đồng chí {props.names?.get(p.memberId) ?? p.memberId}</> : ' — gửi tập thể'}: {p.text}
          </p>
          {p.answer ? <p data-testid="prompt-answer">Giải trình: {p.answer}</p> : <p class="muted">Chưa giải trình.</p>}
          {props.mayAnswer ? (
            <PostForm action={`/campaigns/${props.year}/units/${enc(props.unitId)}/review-prompts/${enc(p.id)}/answer`}>
              <input type="hidden" name="rev" value={String(p.rev)} />
              <label>Giải trình <textarea name="answer" rows={3} required minlength={3} maxlength={20000} data-testid={`prompt-answer-${p.id}`}>{p.answer ?? ''}</textarea></label>
              <button type="submit" data-testid={`prompt-answer-save-${p.id}`}>Lưu giải trình</button>
            </PostForm>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** The upper level's form to send a prompt to the unit or one of its members. */
export function SendPromptForm(props: { year: number; unitId: string; members: readonly { id: string; fullName: string }[] }) {
  return (
    <details class="card" data-testid="send-prompt">
      <summary>Gửi gợi ý kiểm điểm (cấp trên)</summary>
      <PostForm action={`/campaigns/${props.year}/units/${enc(props.unitId)}/review-prompts`}>
        <label>
          Gửi đến{' '}
          <select name="memberId" data-testid="prompt-to">
            <option value="">Tập thể</option>
            {props.members.map((m) => <option value={m.id}>{m.fullName}</option>)}
          </select>
        </label>
        <label>Nội dung gợi ý <textarea name="text" rows={3} required minlength={3} maxlength={5000} data-testid="prompt-text"></textarea></label>
        <button type="submit" data-testid="prompt-send">Gửi gợi ý</button>
      </PostForm>
    </details>
  );
}
