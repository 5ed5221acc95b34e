import { PostForm } from '../post-form';
import { deadlineText, deadlineWordings, formatVietnameseDate, vietnamDateOf, type DeadlineWording, type Milestone, type UnitPlan } from '@kd/domain';

const wordingLabels: Record<DeadlineWording, string> = {
  before: 'Trước ngày',
  on: 'Ngày',
  noLaterThan: 'Chậm nhất đến hết ngày',
  window: 'Từ ngày … đến ngày',
};

/**
 * A level's plan: its number, date and title, and for each milestone its own dates, shown beside
 * the parent's window they must stay in.
 */
export function PlanForm(props: { action: string; plan: UnitPlan | null; milestones: Milestone[]; parentWindows: Milestone[]; parentName: string }) {
  const { plan } = props;
  return (
    <PostForm action={props.action} class="plan-form" testid="plan-form">
      <input type="hidden" name="rev" value={String(plan?.rev ?? 0)} />
      <p>
        <label>Cơ quan ban hành <input name="issuer" required maxlength={300} value={plan?.issuer ?? ''} /></label>{' '}
        <label>Số, ký hiệu <input name="number" required maxlength={100} value={plan?.number ?? ''} placeholder="458-KH/ĐU" /></label>{' '}
        <label>Ngày ban hành <input name="date" type="date" required value={plan?.date ?? ''} /></label>
      </p>
      <p>
        <label>Trích yếu <input name="title" required maxlength={500} size={80} value={plan?.title ?? ''} /></label>
      </p>
      <table>
        <thead>
          <tr><th>Mốc</th><th>Khung của {props.parentName}</th><th>Cách tính hạn</th><th>Từ ngày</th><th>Ngày</th></tr>
        </thead>
        <tbody>
          {props.milestones.map((m, i) => {
            const parent = props.parentWindows.find((p) => p.id === m.id);
            return (
              <tr data-milestone={m.id}>
                <td>
                  <input type="hidden" name={`m${i}.id`} value={m.id} />
                  {m.title}
                </td>
                <td>{parent ? deadlineText(parent) : ''}</td>
                <td>
                  <select name={`m${i}.wording`} aria-label={`Cách tính hạn: ${m.title}`}>
                    {deadlineWordings.map((w) => <option value={w} selected={w === m.wording}>{wordingLabels[w]}</option>)}
                  </select>
                </td>
                <td><input type="date" name={`m${i}.fromDate`} value={m.fromDate ?? ''} aria-label={`Từ ngày: ${m.title}`} /></td>
                <td><input type="date" name={`m${i}.date`} required value={m.date} aria-label={`Ngày: ${m.title}`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="submit" data-testid="save-plan">{plan ? 'Lưu kế hoạch' : 'Ban hành kế hoạch'}</button>
      {plan ? <span class="muted"> Ghi nhận ngày {formatVietnameseDate(vietnamDateOf(new Date(plan.adoptedAt)))}</span> : null}
    </PostForm>
  );
}

/** The plan form's fields as the API takes them. */
export function planFromForm(form: Record<string, unknown>) {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const milestones = [];
  for (let i = 0; typeof form[`m${i}.id`] === 'string'; i++) {
    milestones.push({ milestoneId: str(form[`m${i}.id`]), wording: str(form[`m${i}.wording`]), date: str(form[`m${i}.date`]), fromDate: str(form[`m${i}.fromDate`]) || null });
  }
  return { issuer: str(form.issuer), number: str(form.number), date: str(form.date), title: str(form.title), milestones };
}
