import { commentChannelLabels, commentPlace, formatVietnameseDate, ratingLabels, remediationStatusLabels, type Caller } from '@kd/domain';
import type { OwnRecord } from '@kd/services';
import { Page as Layout } from '../campaign/page';
import { PromptList } from './prompts';

const enc = encodeURIComponent;

/** A member's own record: their evaluation, what the masses said about them, their self-review and the prompts addressed to them. */
export function OwnRecordPage(props: { caller: Caller; year: number; record: OwnRecord }) {
  const { record, year } = props;
  const e = record.evaluation;
  const selfReview = `/campaigns/${year}/units/${enc(record.unit.id)}/members/${enc(record.member.id)}/self-review`;
  return (
    <Layout title={`Hồ sơ kiểm điểm ${year} — ${record.member.fullName}`} caller={props.caller}>
      <h1>Hồ sơ kiểm điểm năm {year} — <span data-testid="own-name">{record.member.fullName}</span></h1>
      <p>{record.unit.name}</p>
      <section class="card" data-testid="own-self-review">
        <h2>Bản tự kiểm điểm</h2>
        <p>{record.review.rev === 0 ? 'Chưa viết.' : 'Đã viết.'} <a href={selfReview} data-testid="link-self-review">{record.review.rev === 0 ? 'Viết bản tự kiểm điểm' : 'Xem, sửa bản tự kiểm điểm'}</a></p>
      </section>
      <section class="card" data-testid="own-evaluation">
        <h2>Đánh giá, xếp loại</h2>
        {e ? (
          <ul>
            <li>Tự xếp loại: {e.selfProposed ? ratingLabels[e.selfProposed] : '—'}</li>
            <li>Chi bộ xếp loại: {e.decided ? ratingLabels[e.decided] : '—'}</li>
            <li>Kết quả: <strong data-testid="own-final">{e.final ? ratingLabels[e.final] : 'Chưa xếp loại'}</strong></li>
            {e.violations.map((v) => <li class="muted">{v.message}</li>)}
          </ul>
        ) : <p>Chưa có.</p>}
      </section>
      <section class="card" data-testid="own-masses">
        <h2>Ý kiến của quần chúng</h2>
        {record.masses && record.masses.comments.length > 0 ? (
          <ul>
            {record.masses.comments.map((c) => <li>{commentPlace(c)}: {c.text} <span class="muted">— {commentChannelLabels[c.channel]}</span></li>)}
            {record.masses.remediationItems.map((r) => <li>Khắc phục: {r.text} — hạn {formatVietnameseDate(r.deadline)} — {remediationStatusLabels[r.status]}</li>)}
          </ul>
        ) : <p>Không có ý kiến nào.</p>}
      </section>
      <PromptList year={year} unitId={record.unit.id} prompts={record.prompts} mayAnswer={false} />
    </Layout>
  );
}
