import { formatCount, memberCoverageFigures, memberRatingFigures, unitCoverageFigures, unitRatingFigures, type Figure, type RollupNumbers } from '@kd/domain';

/**
 * Whether last year's shares can be set beside this year's: only when both campaigns are closed.
 * An open campaign's shares move every day; compared with a final year they would read as a trend
 * (this system's choice: say "đang diễn ra" rather than compare at the same date).
 */
export interface Comparison {
  previous: RollupNumbers | null;
  previousLabel: string;
  /** This year's campaign is still open: no difference is computed. */
  open: boolean;
}

function delta(now: Figure, before: Figure | undefined): string {
  if (!before || now.share === null || before.share === null) return '';
  const d = Math.round((now.share - before.share) * 1000) / 10;
  return d === 0 ? 'không đổi' : `${d > 0 ? '+' : '−'}${String(Math.abs(d)).replace('.', ',')} điểm %`;
}

/** Rows that add up to their denominator, with a total row that says so (100 %). */
function FigureRows(props: { figures: Figure[]; previous: Figure[] | null; comparison: Comparison; testid: string; total: string }) {
  const { figures, previous, comparison } = props;
  const whole = figures[0]!.of;
  return (
    <tbody data-testid={props.testid}>
      {figures.map((f, i) => (
        <tr data-figure={f.key}>
          <th>{f.label}</th>
          <td class="num" data-cell="count">{formatCount(f.count)}</td>
          <td class="num" data-cell="percent">{f.percent}</td>
          <td class="num muted">{previous ? previous[i]!.percent : '—'}</td>
          <td class="muted">{comparison.open ? (i === 0 ? 'Đợt đang diễn ra: chưa so sánh' : '') : delta(f, previous?.[i])}</td>
        </tr>
      ))}
      <tr class="total" data-figure="total">
        <th>{props.total}</th>
        <td class="num" data-cell="count">{formatCount(whole)}</td>
        <td class="num" data-cell="percent">{whole === 0 ? '—' : '100,0 %'}</td>
        <td />
        <td />
      </tr>
    </tbody>
  );
}

function FigureTable(props: { title: string; definition: string; figures: Figure[]; previous: Figure[] | null; comparison: Comparison; testid: string; total: string }) {
  return (
    <table class="compact" data-testid={props.testid}>
      <caption>
        <strong>{props.title}</strong> <span class="muted">— {props.definition}</span>
      </caption>
      <thead>
        <tr><th>Nội dung</th><th class="num">Số lượng</th><th class="num">Tỷ lệ</th><th class="num" data-testid="previous-year">Năm {props.comparison.previousLabel}</th><th>So với năm trước</th></tr>
      </thead>
      <FigureRows figures={props.figures} previous={props.previous} comparison={props.comparison} testid={`${props.testid}-rows`} total={props.total} />
    </table>
  );
}

/** The headline numbers of a unit's roll-up: each figure with what it counts and out of what. */
export function Headline(props: { now: RollupNumbers; comparison: Comparison }) {
  const m = props.now.members;
  const u = props.now.units;
  const p = props.comparison.previous;
  return (
    <div class="headline">
      <div class="tiles">
        <div class="tile" data-testid="members-total"><span class="big">{formatCount(m.total)}</span> đảng viên <span class="muted">(tại ngày xếp loại)</span></div>
        <div class="tile" data-testid="members-rated"><span class="big">{formatCount(m.rated)}</span> đảng viên đã xếp loại <span class="muted">({memberCoverageFigures(m)[0]!.percent} của {formatCount(m.total)} đảng viên)</span></div>
        <div class="tile" data-testid="units-rated"><span class="big">{formatCount(u.rated)}</span> tổ chức đảng đã được đánh giá, xếp loại <span class="muted">(trên {formatCount(u.total)} tổ chức đảng phải đánh giá)</span></div>
        <div class="tile" data-testid="units-approved"><span class="big">{formatCount(props.now.workflow.approved)}</span> hồ sơ đã thẩm định <span class="muted">(trên {formatCount(u.total)} tổ chức đảng)</span></div>
      </div>
      <FigureTable
        title="Xếp loại đảng viên"
        definition={`tỷ lệ trên ${formatCount(m.rated)} đảng viên đã xếp loại; cột cộng lại 100 %`}
        figures={memberRatingFigures(m)}
        previous={p ? memberRatingFigures(p.members) : null}
        comparison={props.comparison}
        testid="member-ratings"
        total="Cộng: đảng viên đã xếp loại"
      />
      <FigureTable
        title="Đảng viên đã và chưa xếp loại"
        definition={`tỷ lệ trên tổng số ${formatCount(m.total)} đảng viên; cột cộng lại 100 %`}
        figures={memberCoverageFigures(m)}
        previous={p ? memberCoverageFigures(p.members) : null}
        comparison={props.comparison}
        testid="member-coverage"
        total="Cộng: tổng số đảng viên"
      />
      <FigureTable
        title="Xếp loại tổ chức đảng"
        definition={`tỷ lệ trên ${formatCount(u.rated)} tổ chức đảng đã đánh giá, xếp loại; cột cộng lại 100 %`}
        figures={unitRatingFigures(u)}
        previous={p ? unitRatingFigures(p.units) : null}
        comparison={props.comparison}
        testid="unit-ratings"
        total="Cộng: tổ chức đảng đã đánh giá, xếp loại"
      />
      <FigureTable
        title="Tổ chức đảng đã và chưa đánh giá"
        definition={`tỷ lệ trên ${formatCount(u.total)} tổ chức đảng phải đánh giá, xếp loại (chi bộ, đảng bộ cơ sở, đảng bộ bộ phận; không kể tổ đảng)`}
        figures={unitCoverageFigures(u)}
        previous={p ? unitCoverageFigures(p.units) : null}
        comparison={props.comparison}
        testid="unit-coverage"
        total="Cộng: tổ chức đảng phải đánh giá"
      />
    </div>
  );
}
