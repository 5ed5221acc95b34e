import type { LocalDate } from '../local-date';
import { baseRulebook, baseRulebookIdForYear, overlayIds, rulebookOverlay } from './catalogue';
import { resolveRulebook } from './resolve';
import type { ResolvedRulebook } from './schema';

/** What decides the rules of a campaign: its regime and the local overlays it adopted. */
export interface RulebookSettings {
  rulebookId: string;
  overlayIds: readonly string[];
}

const resolved = new Map<string, ResolvedRulebook>();

/**
 * The one answer to "which rules apply": the campaign's regime with its overlays, resolved once
 * per distinct setting (routes, pages, uploads, roll-ups and reports all ask here).
 */
export function rulebookFor(settings: RulebookSettings): ResolvedRulebook {
  const key = [settings.rulebookId, ...settings.overlayIds].join('+');
  let book = resolved.get(key);
  if (!book) resolved.set(key, (book = resolveRulebook(settings.rulebookId, settings.overlayIds)));
  return book;
}

/**
 * The settings of a year that has no campaign of its own: the national regime in force that year,
 * the shipped overlays that apply to it in that year, and the regime's default rating day.
 * Undefined when no regime covers the year.
 */
export function defaultRulebookSettings(year: number): (RulebookSettings & { ratingDate: LocalDate }) | undefined {
  const rulebookId = baseRulebookIdForYear(year);
  if (!rulebookId) return undefined;
  const base = baseRulebook(rulebookId);
  const overlays = overlayIds().filter((id) => {
    const o = rulebookOverlay(id);
    return o.appliesTo.includes(rulebookId) && year >= o.years.from && (o.years.to === null || year <= o.years.to);
  });
  return { rulebookId, overlayIds: overlays, ratingDate: `${year}-${base.defaultRatingDay}` };
}
