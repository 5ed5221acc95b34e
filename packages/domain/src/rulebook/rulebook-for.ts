import { baseRulebook, rulebookOverlay } from './catalogue';
import { resolveRulebookFrom } from './resolve';
import type { ResolvedRulebook, RulebookOverlay } from './schema';

/**
 * What decides the rules of a campaign: its regime, the shipped overlays it adopted, and the
 * province's own overlay edited on the rulebook page (applied last).
 */
export interface RulebookSettings {
  rulebookId: string;
  overlayIds: readonly string[];
  localOverlay?: { readonly overlay: RulebookOverlay } | null | undefined;
}

const resolved = new Map<string, ResolvedRulebook>();

/**
 * The one answer to "which rules apply": the campaign's regime with its overlays, resolved once
 * per distinct setting (routes, pages, uploads, roll-ups and reports all ask here).
 */
export function rulebookFor(settings: RulebookSettings): ResolvedRulebook {
  const local = settings.localOverlay?.overlay;
  // Two provinces may number their overlays alike: the overlay's content is part of the key.
  const key = [settings.rulebookId, ...settings.overlayIds, ...(local ? [JSON.stringify(local)] : [])].join('+');
  let book = resolved.get(key);
  if (!book) {
    book = resolveRulebookFrom(baseRulebook(settings.rulebookId), [...settings.overlayIds.map(rulebookOverlay), ...(local ? [local] : [])]);
    if (resolved.size > 200) resolved.clear();
    resolved.set(key, book);
  }
  return book;
}
