/**
 * Rulebooks are data: one JSON file per national regime (r2019, r2023, r2025) and per local overlay
 * (s000-2021), validated by zod at load and resolved into the list of rules the engine runs.
 *
 * @example
 * const rulebook = resolveRulebook(baseRulebookIdForYear(2021)!, ['s000-2021']);
 */
export { resolveRulebook, resolveRulebookFrom } from './resolve';
export { rulebookFor, type RulebookSettings } from './rulebook-for';
export { baseRulebook, rulebookOverlay, baseRulebookIds, overlayIds, baseRulebookIdForYear, parseOverlay, shippedRulebookJson } from './catalogue';
export { BaseRulebook, RulebookOverlay, Rule, RulePatch, Effect, Severity, effects, ruleKey, type ResolvedRulebook } from './schema';
export {
  CheckName, checkNames, groupCheckParams, memberCheckParams, unitCheckParams, ScoreBand, TaskConditions,
  type GroupCheckName, type MemberCheckName, type UnitCheckName,
} from './check-vocabulary';
export { LocalOverlay, AffectedDossier, RuleEdit, referenceRulebook, overlayPatches, buildLocalOverlay, rulesInForce, type RuleInForce } from './local-overlay';
