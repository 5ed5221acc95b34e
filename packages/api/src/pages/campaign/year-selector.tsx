/** The years that have a campaign, each a link to the same page of that year; the shown one marked. */
export function YearSelector(props: { years: readonly number[]; current: number; href: (year: number) => string }) {
  const years = [...new Set(props.years)].sort((a, b) => b - a);
  if (years.length <= 1) return null;
  return (
    <nav class="years" aria-label="Chọn năm" data-testid="year-selector">
      Năm:{' '}
      {years.map((y, i) => (
        <>
          {i > 0 ? ' · ' : null}
          {y === props.current ? <strong aria-current="page">{y}</strong> : <a href={props.href(y)}>{y}</a>}
        </>
      ))}
    </nav>
  );
}
