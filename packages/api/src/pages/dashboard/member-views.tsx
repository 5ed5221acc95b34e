import { LIST_PAGE_SIZE, matchesTyped, pageOf, ratingLabels, formatVietnameseDate, overrideCircumstanceLabels, scoreText, type MemberEvaluation, type Member, type LocalDate, type Caller } from '@kd/domain';
import { ruleHref } from '../campaign/rule-labels';
import { Layout } from '../layout';
import { listHref, ListFilter, Pager } from '../list-view';

const reasonLabels: Record<string, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Bị đình chỉ sinh hoạt đảng',
  newMember: 'Mới kết nạp dưới 6 tháng',
  absent: 'Vắng mặt (xếp loại sau)',
  pending: 'Chưa xếp loại',
};

export function outcomeText(e: MemberEvaluation): string {
  if (e.rated && e.final) return ratingLabels[e.final];
  return reasonLabels[e.notRatedReason ?? 'pending'] ?? 'Chưa xếp loại';
}

const rating = (r: MemberEvaluation['final']) => (r ? ratingLabels[r] : '—');

/** A cell's members with their evaluations for the year (drill-down from the dashboard). */
export function CellMembersPage(props: { caller: Caller; year: number; unit: { id: string; name: string }; members: { member: Member; evaluation: MemberEvaluation | undefined }[]; list?: { q?: string | undefined; page?: number } }) {
  const base = `/dashboard/${props.year}/units/${encodeURIComponent(props.unit.id)}`;
  const q = props.list?.q;
  // Numbered in the whole list's order (STT), whatever the filter and page.
  const shown = pageOf(props.members.map((m, i) => ({ ...m, n: i + 1 })).filter((m) => matchesTyped(q, m.member.fullName, m.member.id)), props.list?.page, LIST_PAGE_SIZE);
  return (
    <Layout title={`Đảng viên ${props.unit.name} — ${props.year}`} caller={props.caller}>
      <div class="crumbs"><a href={base}>{props.unit.name}</a> › Đảng viên</div>
      <h1 data-testid="members-title">{props.unit.name} — đảng viên, năm {props.year}</h1>
      <ListFilter action={`${base}/members`} q={q} label="Họ tên hoặc mã đảng viên" testid="member-list-filter" />
      <table class="compact" data-testid="member-list">
        <thead><tr><th>STT</th><th>Họ và tên</th><th>Tự xếp loại</th><th>Chi bộ xếp loại</th><th>Mức cao nhất được phép</th><th>Kết quả</th><th>Lưu ý</th></tr></thead>
        <tbody>
          {shown.items.map(({ member, evaluation: e, n }) => (
            <tr data-member={member.id}>
              <td class="num">{n}</td>
              <td><a href={`${base}/members/${encodeURIComponent(member.id)}`}>{member.fullName}</a></td>
              <td>{e ? rating(e.selfProposed) : '—'}</td>
              <td>{e ? rating(e.adjusted ?? e.decided) : '—'}</td>
              <td>{e ? rating(e.maxAllowed) : '—'}</td>
              <td>{e ? outcomeText(e) : '—'}</td>
              <td>{e && e.violations.length > 0 ? `${e.violations.length} lưu ý` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.total === 0 ? <p>Không có đảng viên nào khớp với bộ lọc.</p> : null}
      <Pager page={shown.page} pages={shown.pages} total={shown.total} noun="đảng viên" href={(p) => listHref(`${base}/members`, { q }, p)} testid="member-list-pager" />
    </Layout>
  );
}

/** One member's evaluation with the reasons, in Vietnamese. */
export function MemberEvaluationPage(props: { caller: Caller; year: number; ratingDate: LocalDate; unit: { id: string; name: string }; member: Member; evaluation: MemberEvaluation }) {
  const e = props.evaluation;
  const base = `/dashboard/${props.year}/units/${encodeURIComponent(props.unit.id)}`;
  return (
    <Layout title={`${props.member.fullName} — ${props.year}`} caller={props.caller}>
      <div class="crumbs"><a href={base}>{props.unit.name}</a> › <a href={`${base}/members`}>Đảng viên</a> › {props.member.fullName}</div>
      <h1 data-testid="member-title">{props.member.fullName} — đánh giá, xếp loại năm {props.year}</h1>
      <table class="compact" data-testid="member-evaluation">
        <tbody>
          <tr><th>Ngày xếp loại</th><td>{formatVietnameseDate(props.ratingDate)}</td></tr>
          <tr><th>Tự xếp loại</th><td>{rating(e.selfProposed)}</td></tr>
          <tr><th>Tổ đảng đề xuất</th><td>{rating(e.groupProposed)}</td></tr>
          <tr><th>Chi bộ xếp loại</th><td>{rating(e.decided)}</td></tr>
          <tr><th>Cấp trên điều chỉnh</th><td>{rating(e.adjusted)}{e.override ? <div data-testid="override">Vượt mức quy định — {overrideCircumstanceLabels[e.override.circumstance]}: {e.override.reason} ({e.override.by})</div> : null}</td></tr>
          {e.score !== null ? <tr><th>Tổng điểm</th><td data-testid="score">{scoreText(e.score)}/100</td></tr> : null}
          <tr><th>Mức cao nhất được phép</th><td>{rating(e.maxAllowed)}</td></tr>
          <tr><th>Kết quả</th><td><strong>{outcomeText(e)}</strong></td></tr>
        </tbody>
      </table>
      <h2>Lưu ý theo quy định</h2>
      {e.violations.length === 0 ? (
        <p class="muted">Không có.</p>
      ) : (
        <ul>{e.violations.map((v) => <li><a class="tag" href={ruleHref(props.year, props.unit.id, v.ruleId)} data-rule-link={v.ruleId}>{v.ruleId}</a> {v.severity === 'blocking' ? 'Phải xử lý: ' : 'Cảnh báo: '}{v.message}</li>)}</ul>
      )}
      {e.interpretations.map((i) => <p class="muted">Cách hiểu của hệ thống (<a href={ruleHref(props.year, props.unit.id, i.ruleId)}>{i.ruleId}</a>): {i.note}</p>)}
    </Layout>
  );
}
