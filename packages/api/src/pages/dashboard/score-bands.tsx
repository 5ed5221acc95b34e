import { formatCount, formatPercent, scoreBandKeys, scoreBandLabels, type RollupNumbers, type ScoreBandCounts } from '@kd/domain';

const cells = (c: ScoreBandCounts) => [
  <td class="num">{formatCount(c.scored)}</td>,
  ...scoreBandKeys.map((k) => <td class="num" data-band={k}>{formatCount(c[k])} <span class="muted">({formatPercent(c[k], c.scored)})</span></td>),
];

/**
 * Biểu 4 beside the ratings (QĐ 366-QĐ/TW Điều 10, 11): rated members and collectives by score
 * band, for the unit and each direct child — the same roll-up read as the rest of the dashboard.
 */
export function ScoreBands(props: { rollup: RollupNumbers & { children: RollupNumbers[] } }) {
  const r = props.rollup;
  const rows = [...r.children, r];
  return (
    <table class="compact" data-testid="bieu-4-table">
      <thead>
        <tr>
          <th rowspan={2}>Đơn vị</th>
          <th colspan={5}>Đảng viên</th>
          <th colspan={5}>Tập thể</th>
        </tr>
        <tr>
          {[0, 1].flatMap(() => [<th class="num">Được chấm điểm</th>, ...scoreBandKeys.map((k) => <th class="num">{scoreBandLabels[k]}</th>)])}
        </tr>
      </thead>
      <tbody>
        {rows.map((u) => (
          <tr data-unit={u.unitId} class={u === r ? 'total' : ''}>
            <td>{u === r ? <strong>Tổng cộng {u.name}</strong> : u.name}</td>
            {cells(u.scores.members)}
            {cells(u.scores.units)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
