import type { LocalDate } from '../local-date';
import { baseRulebook, baseRulebookIdForYear, baseRulebookIds, overlayIds, rulebookOverlay } from '../rulebook/catalogue';
import type { RulebookSettings } from '../rulebook/rulebook-for';

/**
 * The rules a year with no campaign of its own was run under — a year imported from before the
 * system (docs/uploads.md, "Results of earlier years"): the national regime in force that year with
 * the shipped overlays that apply to it then, and the regime's default rating day. A year before
 * every shipped regime gets the earliest one: an imported year only reads its quota and which
 * organisations are rated collectively, which no regime since 2019 changed for those years.
 */
export function pastYearRegime(year: number): RulebookSettings & { ratingDate: LocalDate } {
  const rulebookId = baseRulebookIdForYear(year) ?? baseRulebookIds().map(baseRulebook).sort((a, b) => a.years.from - b.years.from)[0]!.id;
  const base = baseRulebook(rulebookId);
  const overlays = overlayIds().filter((id) => {
    const o = rulebookOverlay(id);
    return o.appliesTo.includes(rulebookId) && year >= o.years.from && (o.years.to === null || year <= o.years.to);
  });
  return { rulebookId, overlayIds: overlays, ratingDate: `${year}-${base.defaultRatingDay}` as LocalDate };
}
