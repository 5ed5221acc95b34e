import { z } from 'zod';
import { Rating } from '../rating';
import { CheckName } from './check-vocabulary';

/**
 * How a rule acts (docs/rulebooks.md, "Effects"): on a rating (the first four), or on the rewards
 * list over several years — `propose` an award, `flag` for the committee's review.
 */
export const effects = ['exclude', 'force', 'cap', 'require', 'propose', 'flag'] as const;
export const Effect = z.enum(effects);
export type Effect = z.infer<typeof Effect>;

/** `blocking` stops the unit's submission upward; `warning` does not (docs/rulebooks.md, "Effects"). */
export const Severity = z.enum(['blocking', 'warning']);
export type Severity = z.infer<typeof Severity>;

const Scalar = z.union([z.number(), z.boolean(), z.string()]);
/** Scalars, lists of words (unit kinds), and lists of small records (score bands); each check's schema says which. */
const ParamValue = z.union([Scalar, z.array(z.string()), z.array(z.record(z.string(), Scalar))]);

/** Vietnamese text as stored: NFC, with at least one letter. */
const VietnameseText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), 'Văn bản phải ở dạng Unicode NFC')
  .refine((s) => /\p{L}/u.test(s), 'Văn bản không có chữ');

/**
 * One rule. `id` is the rule's number in the rule catalogue (docs/rulebooks.md) and is what violations cite; a rule whose
 * text holds several conditions is split into clauses, one check each (R-IND19-KHTNV (a), (b) …),
 * and `id` + `clause` is the key overlays replace or patch.
 */
export const Rule = z
  .strictObject({
    id: z.string().regex(/^R-[A-Z0-9]+(-[A-Z0-9]+)*$/, 'Mã quy tắc có dạng R-…'),
    clause: z.string().regex(/^[a-z][A-Za-z0-9]*$/).optional(),
    check: CheckName,
    effect: Effect,
    /** The forced level, or the cap; a cap without a level takes the level the check finds (e.g. R-HEAD-01). */
    level: Rating.optional(),
    severity: Severity,
    params: z.record(z.string(), ParamValue).default({}),
    /** Used as the opening of violation messages: full diacritics. */
    explanation: VietnameseText,
    source: z.string().min(1),
    /** Marked [UNVERIFIED] or [INF] in its source (docs/rulebooks.md, "Interpretations"): to be confirmed against the official text. */
    provisional: z.boolean().default(false),
    /**
     * Set when the rule is this system's reading of a point the regulation leaves open (not a
     * doubt about the text, which is `provisional`): says in Vietnamese what was decided and why.
     * Pages mark such rules and every evaluation they decide; a local overlay may change them.
     */
    interpretation: VietnameseText.optional(),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.effect !== 'force' || r.level !== undefined, { message: 'Quy tắc "force" phải có level', path: ['level'] });
export type Rule = z.infer<typeof Rule>;

export function ruleKey(rule: Pick<Rule, 'id' | 'clause'>): string {
  return rule.clause ? `${rule.id}.${rule.clause}` : rule.id;
}

const Years = z.strictObject({ from: z.number().int(), to: z.number().int().nullable() });

/** A national regime (r2019, r2023, …): every rule in force for its years. */
export const BaseRulebook = z.strictObject({
  id: z.string().regex(/^r\d{4}$/),
  kind: z.literal('base'),
  title: VietnameseText,
  years: Years,
  /** The day (MM-DD) of the year a campaign of this regime rates by default, unless it sets its own. */
  defaultRatingDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  sources: z.array(z.string().min(1)).min(1),
  rules: z.array(Rule).min(1),
});
export type BaseRulebook = z.infer<typeof BaseRulebook>;

/** A partial change to one rule of the rulebook below: params are merged key by key. */
export const RulePatch = z.strictObject({
  id: z.string(),
  clause: z.string().optional(),
  params: z.record(z.string(), ParamValue).optional(),
  severity: Severity.optional(),
  level: Rating.optional(),
  enabled: z.boolean().optional(),
  /** A new note for the system's reading, or null when the local text settles the point. */
  interpretation: VietnameseText.nullable().optional(),
  source: z.string().min(1),
});
export type RulePatch = z.infer<typeof RulePatch>;

/** A local overlay (a province's or a bloc's concretisation): adds or replaces rules, patches params. */
export const RulebookOverlay = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.literal('overlay'),
  title: VietnameseText,
  appliesTo: z.array(z.string()).min(1),
  years: Years,
  sources: z.array(z.string().min(1)).min(1),
  rules: z.array(Rule).default([]),
  patches: z.array(RulePatch).default([]),
});
export type RulebookOverlay = z.infer<typeof RulebookOverlay>;

/** A base rulebook with its overlays applied, params validated and defaulted per check. */
export interface ResolvedRulebook {
  /** `r2019+s000-2021`: the base and its overlays, in the order applied. */
  readonly id: string;
  readonly baseId: string;
  readonly overlayIds: readonly string[];
  readonly rules: readonly Rule[];
}
