/**
 * How hard the slow tests try. `npm test` runs a quick share of each property's cases and of each
 * crash test's scale, with fixed seeds (the same cases every run), so that the whole suite stays
 * within minutes on a two-core machine; `npm run test:deep` (KD_DEEP=1) runs the full counts and
 * sizes, which explore many more interleavings and take several times longer — run it before a
 * release and after a change to the code a property covers (docs/testing.md).
 * A file's own variable (KD_EXACTNESS_RUNS, …) still overrides both.
 */
export const DEEP = process.env.KD_DEEP === '1';

/** `deep` under `npm run test:deep`, `quick` under `npm test`. */
export function byDepth<T>(deep: T, quick: T): T {
  return DEEP ? deep : quick;
}
