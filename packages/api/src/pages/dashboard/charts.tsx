import { formatCount, formatPercent, type RollupNumbers } from '@kd/domain';

const segments = [
  { key: 'excellent', label: 'Hoàn thành xuất sắc', color: '#1b7f3b' },
  { key: 'good', label: 'Hoàn thành tốt', color: '#58a55c' },
  { key: 'complete', label: 'Hoàn thành', color: '#e0b43a' },
  { key: 'incomplete', label: 'Không hoàn thành', color: '#c0392b' },
  { key: 'notRated', label: 'Chưa xếp loại, không xếp loại', color: '#b8c0ca' },
] as const;

/**
 * Ratings of members by child unit: one horizontal bar per child, stacked by rating, as inline
 * SVG rendered on the server (no script, no outside library; prints as it shows).
 */
export function RatingsChart(props: { rows: RollupNumbers[] }) {
  const rowHeight = 26;
  const labelWidth = 260;
  const barWidth = 520;
  const height = props.rows.length * rowHeight + 40;
  return (
    <figure class="chart" data-testid="ratings-chart">
      <svg xmlns="http://www.w3.org/2000/svg" width={labelWidth + barWidth + 80} height={height} role="img" aria-label="Kết quả xếp loại đảng viên theo đơn vị trực thuộc">
        {props.rows.map((row, i) => {
          const m = row.members;
          const values = { excellent: m.excellent, good: m.good, complete: m.complete, incomplete: m.incomplete, notRated: m.total - m.rated };
          let x = labelWidth;
          const y = i * rowHeight + 4;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 15} text-anchor="end" font-size="12">{row.name.length > 40 ? `${row.name.slice(0, 39)}…` : row.name}</text>
              {segments.map((s) => {
                const w = m.total === 0 ? 0 : (values[s.key] / m.total) * barWidth;
                const rect = (
                  <rect x={x} y={y} width={w} height={rowHeight - 8} fill={s.color}>
                    <title>{`${row.name}: ${s.label} ${formatCount(values[s.key])} (${formatPercent(values[s.key], m.total)})`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={labelWidth + barWidth + 6} y={y + 15} font-size="12">{formatCount(m.total)}</text>
            </g>
          );
        })}
        {segments.map((s, i) => (
          <g>
            <rect x={i * 150} y={height - 22} width="12" height="12" fill={s.color} />
            <text x={i * 150 + 16} y={height - 12} font-size="11">{s.label}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
