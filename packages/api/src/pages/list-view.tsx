import { formatCount } from '@kd/domain';

/**
 * The filter box and the pager every long list of the pages shares (paging itself: `pageOf` in
 * @kd/domain). A list's address keeps its filter: `?q=…&page=…` plus whatever the list adds.
 */

/** The list's address for page `page`, keeping the filter and the list's own parameters. */
export function listHref(base: string, params: Record<string, string | number | undefined | null>, page: number): string {
  const kept = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '' && e[0] !== 'page');
  const query = new URLSearchParams([...kept.map(([k, v]) => [k, String(v)] as [string, string]), ...(page > 1 ? [['page', String(page)] as [string, string]] : [])]).toString();
  return query ? `${base}?${query}` : base;
}

/** The page number a list's address asks for (`page`), 1 when absent or not a number. */
export function askedPage(value: string | undefined): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export function Pager(props: { page: number; pages: number; total: number; noun: string; href: (page: number) => string; testid: string }) {
  if (props.pages <= 1) return null;
  return (
    <p class="pager" data-testid={props.testid}>
      {props.page > 1 ? <a class="button" href={props.href(props.page - 1)}>Trang trước</a> : null}
      <span>
        Trang {props.page}/{props.pages} ({formatCount(props.total)} {props.noun})
      </span>
      {props.page < props.pages ? <a class="button" href={props.href(props.page + 1)}>Trang sau</a> : null}
    </p>
  );
}

/** A GET form that narrows a list by a typed text (names with or without diacritics, ids). */
export function ListFilter(props: { action: string; q: string | undefined; label: string; testid: string; keep?: Record<string, string | undefined>; children?: unknown }) {
  return (
    <form method="get" action={props.action} class="filters inline-form" data-testid={props.testid}>
      {Object.entries(props.keep ?? {}).map(([k, v]) => (v ? <input type="hidden" name={k} value={v} /> : null))}
      <label>
        {props.label} <input type="search" name="q" value={props.q ?? ''} maxlength={100} />
      </label>
      {props.children as never}
      <button type="submit">Lọc</button>
    </form>
  );
}
