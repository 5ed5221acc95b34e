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
