import { formatCount, formatPercent, type RollupNumbers } from '@kd/domain';

function delta(now: number, before: number | null): string {
  if (before === null) return '';
  const d = Math.round((now - before) * 10) / 10;
  return d === 0 ? 'không đổi' : `${d > 0 ? '+' : '−'}${String(Math.abs(d)).replace('.', ',')} điểm %`;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : (part * 100) / whole);

/** The headline numbers of a unit's roll-up, with the previous year beside them when there is one. */
export function Headline(props: { now: RollupNumbers; previous: RollupNumbers | null; previousYear: number; previousLabel?: string }) {
  const m = props.now.members;
  const u = props.now.units;
  const p = props.previous;
  const line = (label: string, part: number, whole: number, prevPart: number | null, prevWhole: number | null, testid?: string) => (
    <tr data-testid={testid}>
      <th>{label}</th>
      <td class="num">{formatCount(part)}</td>
      <td class="num">{formatPercent(part, whole)}</td>
      <td class="num muted">{prevPart === null || prevWhole === null ? '—' : formatPercent(prevPart, prevWhole)}</td>
      <td class="muted">{prevPart === null || prevWhole === null ? '' : delta(pct(part, whole), pct(prevPart, prevWhole))}</td>
    </tr>
  );
  return (
    <div class="headline">
      <div class="tiles">
        <div class="tile" data-testid="members-total"><span class="big">{formatCount(m.total)}</span> đảng viên</div>
        <div class="tile" data-testid="members-rated"><span class="big">{formatCount(m.rated)}</span> đã xếp loại ({formatPercent(m.rated, m.total)})</div>
        <div class="tile"><span class="big">{formatCount(u.total)}</span> tổ chức đảng được đánh giá</div>
        <div class="tile"><span class="big">{formatCount(props.now.workflow.approved)}</span> hồ sơ đã thẩm định</div>
      </div>
      <table class="compact">
        <thead>
          <tr><th>Đảng viên</th><th class="num">Số lượng</th><th class="num">Tỷ lệ</th><th class="num" data-testid="previous-year">Năm {props.previousLabel ?? props.previousYear}</th><th>So với năm trước</th></tr>
        </thead>
        <tbody>
          {line('Hoàn thành xuất sắc nhiệm vụ', m.excellent, m.rated, p?.members.excellent ?? null, p?.members.rated ?? null, 'members-excellent')}
          {line('Hoàn thành tốt nhiệm vụ', m.good, m.rated, p?.members.good ?? null, p?.members.rated ?? null)}
          {line('Hoàn thành nhiệm vụ', m.complete, m.rated, p?.members.complete ?? null, p?.members.rated ?? null)}
          {line('Không hoàn thành nhiệm vụ', m.incomplete, m.rated, p?.members.incomplete ?? null, p?.members.rated ?? null)}
          {line('Chưa xếp loại (vắng, chờ)', m.absent + m.pending, m.total, p ? p.members.absent + p.members.pending : null, p?.members.total ?? null)}
          {line('Miễn, đình chỉ, mới kết nạp', m.exempt + m.suspended + m.newMember, m.total, p ? p.members.exempt + p.members.suspended + p.members.newMember : null, p?.members.total ?? null)}
        </tbody>
        <thead>
          <tr><th>Tổ chức đảng</th><th class="num">Số lượng</th><th class="num">Tỷ lệ</th><th class="num" data-testid="previous-year">Năm {props.previousLabel ?? props.previousYear}</th><th>So với năm trước</th></tr>
        </thead>
        <tbody>
          {line('Hoàn thành xuất sắc nhiệm vụ', u.excellent, u.rated, p?.units.excellent ?? null, p?.units.rated ?? null)}
          {line('Hoàn thành tốt nhiệm vụ', u.good, u.rated, p?.units.good ?? null, p?.units.rated ?? null)}
          {line('Hoàn thành nhiệm vụ', u.complete, u.rated, p?.units.complete ?? null, p?.units.rated ?? null)}
          {line('Không hoàn thành nhiệm vụ', u.incomplete, u.rated, p?.units.incomplete ?? null, p?.units.rated ?? null)}
          {line('Chưa xếp loại, không đánh giá', u.notRated, u.total, p?.units.notRated ?? null, p?.units.total ?? null)}
        </tbody>
      </table>
    </div>
  );
}
