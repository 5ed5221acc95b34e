import { z } from 'zod';
import { DomainError } from '../errors/index';
import { isGroupCheck, isMemberCheck } from './check-vocabulary';
import { baseRulebook, rulebookOverlay } from './catalogue';
import { resolveRulebookFrom } from './resolve';
import { RulebookOverlay, RulePatch, Severity, ruleKey, type ResolvedRulebook, type Rule } from './schema';
import type { RulebookSettings } from './rulebook-for';

/** Who appears in a local overlay change's list of re-evaluated dossiers. */
export const AffectedDossier = z.object({ unitId: z.string(), name: z.string(), state: z.string(), changes: z.array(z.string()).default([]) });
export type AffectedDossier = z.infer<typeof AffectedDossier>;

/**
 * The province's own overlay of a campaign, as the campaign item keeps it: the overlay in force,
 * its version (every change makes a new one; earlier ones are kept beside the campaign), who made
 * it and when, and the dossiers already sent up whose evaluation it changed (the appraisal page
 * flags them, so that no submitted result changes silently).
 */
export const LocalOverlay = z.object({
  version: z.number().int().positive(),
  overlay: RulebookOverlay,
  at: z.string(),
  by: z.string(),
  affected: z.array(AffectedDossier).default([]),
});
export type LocalOverlay = z.infer<typeof LocalOverlay>;

/** A rule as the province's form edits it: switched on or off, its severity, its params, its reading. */
export const RuleEdit = z.strictObject({
  key: z.string().min(1),
  enabled: z.boolean(),
  severity: Severity,
  params: z.record(z.string(), z.unknown()).default({}),
  /** The system's reading, rewritten by the province; empty when its own text settles the point. */
  interpretation: z.string().nullable().default(null),
});
export type RuleEdit = z.infer<typeof RuleEdit>;

/** The campaign's rules without its local overlay: the reference the form's changes are measured from. */
export function referenceRulebook(settings: RulebookSettings): ResolvedRulebook {
  return resolveRulebookFrom(baseRulebook(settings.rulebookId), settings.overlayIds.map(rulebookOverlay));
}

const nfc = (s: string | null | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The patches that turn `reference` into what the form says, one per rule that differs, holding
 * only what differs (params key by key). A key the rulebook does not have is refused (422
 * RULEBOOK_INVALID). Pure.
 */
export function overlayPatches(reference: ResolvedRulebook, edits: readonly RuleEdit[], source: string): RulePatch[] {
  const rules = new Map(reference.rules.map((r) => [ruleKey(r), r] as const));
  const patches: RulePatch[] = [];
  for (const edit of edits) {
    const rule = rules.get(edit.key);
    if (!rule) throw new DomainError('RULEBOOK_INVALID', `Bộ quy tắc ${reference.id} không có quy tắc ${edit.key}.`, { key: edit.key });
    const params = Object.fromEntries(Object.entries(edit.params).filter(([k, v]) => !same(rule.params[k], v)));
    const interpretation = nfc(edit.interpretation);
    const patch: Record<string, unknown> = {};
    if (edit.enabled !== rule.enabled) patch.enabled = edit.enabled;
    if (edit.severity !== rule.severity) patch.severity = edit.severity;
    if (Object.keys(params).length > 0) patch.params = params;
    if (interpretation !== nfc(rule.interpretation)) patch.interpretation = interpretation === '' ? null : interpretation;
    if (Object.keys(patch).length === 0) continue;
    const parsed = RulePatch.safeParse({ id: rule.id, ...(rule.clause ? { clause: rule.clause } : {}), ...patch, source });
    if (!parsed.success) throw new DomainError('RULEBOOK_INVALID', `Quy tắc ${edit.key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`, { key: edit.key });
    patches.push(parsed.data);
  }
  return patches;
}

/**
 * The province's overlay of a campaign from its patches, validated against the rulebook schema and
 * each check's params (422 RULEBOOK_INVALID with the problem): resolving it is the test.
 */
export function buildLocalOverlay(input: { tenant: string; year: number; settings: RulebookSettings; provinceName: string; source: string; patches: readonly RulePatch[] }): RulebookOverlay {
  const source = nfc(input.source);
  if (!/\p{L}/u.test(source)) throw new DomainError('RULEBOOK_INVALID', 'Cần ghi văn bản của tỉnh làm căn cứ thay đổi (số, ngày, cơ quan ban hành).');
  const id = `${input.tenant}-${input.year}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || `local-${input.year}`;
  const parsed = RulebookOverlay.safeParse({
    id,
    kind: 'overlay',
    title: `Quy định của ${nfc(input.provinceName)} năm ${input.year}`,
    appliesTo: [input.settings.rulebookId],
    years: { from: input.year, to: input.year },
    sources: [source],
    patches: input.patches.map((p) => ({ ...p, source })),
  });
  if (!parsed.success) throw new DomainError('RULEBOOK_INVALID', `Bộ quy tắc của tỉnh không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  resolveRulebookFrom(baseRulebook(input.settings.rulebookId), [...input.settings.overlayIds.map(rulebookOverlay), parsed.data]);
  return parsed.data;
}

/** What a rule is and does, and which overlay changed what in it, for the page that lists the rules. */
export interface RuleInForce {
  readonly key: string;
  readonly rule: Rule;
  /** Who reads it: a member's evaluation, the unit's, or a group of collectives. */
  readonly scope: 'member' | 'unit' | 'group';
  /** The overlays that added or changed it, in order, with the fields they touched. */
  readonly changes: readonly { overlayId: string; title: string; local: boolean; added: boolean; fields: readonly string[] }[];
}

const fieldsOf = (before: Rule | undefined, after: Rule): string[] => {
  if (!before) return ['added'];
  const fields: string[] = [];
  for (const f of ['enabled', 'severity', 'level', 'interpretation'] as const) if (!same(before[f], after[f])) fields.push(f);
  for (const k of new Set([...Object.keys(before.params), ...Object.keys(after.params)])) if (!same(before.params[k], after.params[k])) fields.push(`params.${k}`);
  return fields;
};

/**
 * Every rule of a campaign in the order of its rulebook, each with the overlays (shipped ones and
 * the province's own, `local`) that added or changed it. Pure.
 */
export function rulesInForce(settings: RulebookSettings): RuleInForce[] {
  const base = baseRulebook(settings.rulebookId);
  const overlays = [...settings.overlayIds.map(rulebookOverlay), ...(settings.localOverlay ? [settings.localOverlay.overlay] : [])];
  const localId = settings.localOverlay?.overlay.id ?? null;
  let previous = new Map(resolveRulebookFrom(base).rules.map((r) => [ruleKey(r), r] as const));
  const changes = new Map<string, RuleInForce['changes'][number][]>();
  for (let i = 0; i < overlays.length; i++) {
    const overlay = overlays[i]!;
    const next = new Map(resolveRulebookFrom(base, overlays.slice(0, i + 1)).rules.map((r) => [ruleKey(r), r] as const));
    for (const [key, rule] of next) {
      const fields = fieldsOf(previous.get(key), rule);
      if (fields.length === 0) continue;
      const list = changes.get(key) ?? [];
      list.push({ overlayId: overlay.id, title: overlay.title, local: i === overlays.length - 1 && overlay.id === localId, added: !previous.has(key), fields });
      changes.set(key, list);
    }
    previous = next;
  }
  return [...previous.entries()].map(([key, rule]) => ({
    key,
    rule,
    scope: isGroupCheck(rule.check) ? 'group' : isMemberCheck(rule.check) ? 'member' : 'unit',
    changes: changes.get(key) ?? [],
  }));
}
