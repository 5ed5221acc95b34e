import { commentChannelLabels, commentPlace, formatVietnameseDate, ratingLabels, remediationStatusLabels, type Caller } from '@kd/domain';
import type { OwnRecord } from '@kd/services';
import { WEB_API_BASE } from '../../base-paths';
import { Page as Layout } from '../campaign/page';
import { PromptList } from './prompts';

const enc = encodeURIComponent;

/**
 * A member's own record: their self-review (on the page and in Word), under the 100-point regime
 * their phiếu tự chấm điểm (HD 43-HD/BTCTW Mẫu 2A–2C), their evaluation, what the masses said about
 * them and the prompts addressed to them.
 */
export function OwnRecordPage(props: { caller: Caller; year: number; record: OwnRecord; scored: boolean }) {
  const { record, year } = props;
  const e = record.evaluation;
  const own = `/campaigns/${year}/units/${enc(record.unit.id)}/members/${enc(record.member.id)}`;
  const selfReview = `${own}/self-review`;
  return (
    <Layout title={`Hồ sơ kiểm điểm ${year} — ${record.member.fullName}`} caller={props.caller}>
      <h1>Hồ sơ kiểm điểm năm {year} — <span data-testid="own-name">{record.member.fullName}</span></h1>
      <p>{record.unit.name}</p>
      <section class="card" data-testid="own-self-review">
        <h2>Bản tự kiểm điểm</h2>
        <p>{record.review.rev === 0 ? 'Chưa viết.' : 'Đã viết.'} <a href={selfReview} data-testid="link-self-review">{record.review.rev === 0 ? 'Viết bản tự kiểm điểm' : 'Xem, sửa bản tự kiểm điểm'}</a>
          {' · '}<a href={`${WEB_API_BASE}${selfReview}.docx`} data-testid="link-self-review-docx">Tải bản tự kiểm điểm (.docx)</a></p>
      </section>
      {props.scored ? (
        <section class="card" data-testid="own-score-sheet">
          <h2>Phiếu tự chấm điểm</h2>
          <p><a href={`${own}/score-sheet`} data-testid="link-score-sheet">Chấm điểm theo thang 100 (Mẫu 2A, 2B, 2C)</a>
            {' · '}<a href={`${WEB_API_BASE}${own}/score-sheet.docx`} data-testid="link-score-sheet-docx">Tải phiếu (.docx)</a></p>
        </section>
      ) : null}
      <section class="card" data-testid="own-evaluation">
        <h2>Đánh giá, xếp loại</h2>
        {e ? (
          <ul>
            <li>Tự xếp loại: {e.selfProposed ? ratingLabels[e.selfProposed] : '—'}</li>
            {props.scored ? <li>Tổng điểm: <span data-testid="own-score">{e.score === null ? 'chưa đủ điểm' : String(e.score).replace('.', ',')}</span>/100</li> : null}
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
