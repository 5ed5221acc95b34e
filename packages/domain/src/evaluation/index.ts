/**
 * The evaluation engine: pure functions from a resolved rulebook and plain facts to member and
 * unit evaluations (docs/api.md, "Evaluations"). No clock, no storage: the caller passes the year and the
 * rating date (the unit's meeting date if set, else the campaign's).
 *
 * @example
 * import { resolveRulebook } from '@kd/domain';
 * import { evaluateMember, evaluateUnit } from '@kd/domain';
 * const rulebook = resolveRulebook('r2019', ['s000-2021']);
 * const evaluation = evaluateMember({ rulebook, member, facts, year: 2021, ratingDate: '2021-12-20' });
 */
export { evaluateMember, type EvaluateMemberInput } from './evaluate-member';
export { evaluateUnit, type EvaluateUnitInput } from './evaluate-unit';
export { AppliedInterpretation, MemberEvaluation, MemberViolation, NotRatedReason, notRatedReasons } from './member-evaluation';
export { UnitEvaluation, UnitViolation, UnitNotRatedReason, QuotaFigures } from './unit-evaluation';
export { quotaCap, type Rounding } from './quota';
export { effectiveRatio, quotaFigures } from './unit-checks';
export { Override, OverrideCircumstance, OverrideView, overrideCircumstanceLabels, overrideCircumstances } from './override';
export { checkAdjustment } from './adjustment';
export { checkQuotaException } from './quota-exception';
export { evaluateCollectiveGroups, type CollectiveGroup, type CollectiveGroupResult } from './collective-quota';
export { isRatedCollective } from './collective-scope';
export { bandLevel, missedConditions, taskFacts, type BandResult, type TaskFacts } from './score-bands';
