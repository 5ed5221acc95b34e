import { foldVietnamese } from './vietnamese-search';

/** One page of a list the page shows: the rows of page `page` (1 first), out of `pages`, `total` rows in all. */
export interface ListPage<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/**
 * The page `asked` of `items`, `size` rows a page. A page past the end shows the last one and a
 * page that is not a whole number ≥ 1 the first: an address typed or kept from a longer list still
 * answers. Every long list of the pages goes through here (the unit tree, the appraisal, late units,
 * rewards, reconciliation entries, the upload pages' members).
 */
export function pageOf<T>(items: readonly T[], asked: number | undefined, size: number): ListPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Number.isInteger(asked) && asked! > 0 ? asked! : 1, pages);
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}

/** Whether any of `fields` contains `typed`, with or without diacritics, in any case; nothing typed matches all. */
export function matchesTyped(typed: string | undefined, ...fields: (string | null | undefined)[]): boolean {
  const text = foldVietnamese(typed ?? '');
  return text === '' || fields.some((f) => f != null && foldVietnamese(f).includes(text));
}

/** Rows a page of a long list shows unless the list says otherwise: about two screens on a desktop. */
export const LIST_PAGE_SIZE = 100;
