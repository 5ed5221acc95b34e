import type { MemberEvaluation } from '../evaluation/index';
import { importedContribution } from '../history/imported-contribution';
import type { ImportedCollective, ImportedRowMark } from '../history/past-result';
import type { LocalDate } from '../local-date';
import { evaluateUnitYear, type UnitYearEvaluation } from '../review/unit-year';
import type { Member } from '../member';
import type { MemberFacts } from '../member-facts';
import type { Rating } from '../rating';
import type { Override } from '../evaluation/override';
import type { CollectiveFacts } from '../review/collective-facts';
import { unitCheckParams } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook } from '../rulebook/schema';
import type { UnitKind } from '../unit-kind';
import { zeroCounts, type RollupCounts, type ScoreBandCounts, type WorkflowCounts } from './counts';
import { scoreBandOf } from './score-distribution';
import { defaultQuotaParams, type QuotaParams } from './quota';

/** What a campaign contributes to the evaluation: its rulebook and its default rating date. */
export interface RollupCampaignContext {
  year: number;
  rulebook: ResolvedRulebook;
  ratingDate: LocalDate;
  /**
   * The campaign holds only results imported from an earlier year (it was created by the import):
   * a unit without imported results contributes nothing — today's roster says nothing of that year.
   */
  importedOnly?: boolean;
}

/** The parts of a dossier the roll-up reads (the data layer's Dossier fits). */
export interface DossierFacts {
  state: keyof WorkflowCounts;
  /** The collective's own record: proposed and decided, and under r2025 its scores and task figures. */
  collective: { proposed: Rating | null; decided: Rating | null } & Partial<CollectiveFacts>;
  adjustedCollective: { rating: Rating } | null;
  meetingDate: LocalDate | null;
  /** Set when the unit's members' results of the year were imported (docs/rollups.md, "Imported years"). */
  importedMembersAt?: string | null | undefined;
  /** Set when the organisation's own result of the year was imported. */
  importedCollective?: ImportedCollective | null | undefined;
}

export interface OwnInput {
  campaign: RollupCampaignContext;
  unit: { id: string; kind: UnitKind; foundedOn: LocalDate | null; closedOn: LocalDate | null };
  /** Null when the unit has no dossier for the year yet (a draft). */
  dossier: DossierFacts | null;
  /** The unit's direct members (its roster). */
  roster: readonly Member[];
  /** Rows of the current results version, by member id. */
  rows: ReadonlyMap<string, { facts: MemberFacts; adjusted: Rating | null; override?: Override | null; imported?: ImportedRowMark | null | undefined }>;
  /** Final collective ratings of the direct subordinate organisations (R-ORG19-HTXS at a committee). */
  childCollectiveRatings: readonly (Rating | null)[];
  /** A direct subordinate organisation recorded as disciplined in the year (r2025 excellent of a collective). */
  subordinateDisciplined?: boolean;
}

export interface OwnContribution {
  /** Everything but `quotaSum`, which a base organisation derives from its subtree (`baseQuota`). */
  counts: RollupCounts;
  /** The collective's final rating (null: not rated or not an organisation); its parent reads it. */
  collectiveFinal: Rating | null;
}

/**
 * The unit-year evaluated exactly as the review page evaluates it (`evaluateUnitYear`, with the
 * collective's rating so R-HEAD-01 lowers the secretary): a member without a row is evaluated on
 * empty facts (pending). A committee's quota over its subtree is left out here — it never changes
 * a rating, and the roll-up sums it from the subtree's own figures (`baseQuota`).
 */
export function evaluateOwnYear(input: Omit<OwnInput, 'unit'> & { unit: Pick<OwnInput['unit'], 'id' | 'kind' | 'foundedOn'> }): UnitYearEvaluation {
  const dossier = input.dossier;
  return evaluateUnitYear({
    rulebook: input.campaign.rulebook,
    year: input.campaign.year,
    campaignRatingDate: input.campaign.ratingDate,
    unitYear: {
      unit: { id: input.unit.id, kind: input.unit.kind, foundedOn: input.unit.foundedOn },
      members: input.roster,
      rows: input.rows,
      collective: dossier?.collective ?? { proposed: null, decided: null },
      adjustedCollective: dossier?.adjustedCollective ?? null,
      meetingDate: dossier?.meetingDate ?? null,
    },
    subtree: [],
    childCollectiveRatings: input.childCollectiveRatings,
    subordinateDisciplined: input.subordinateDisciplined ?? false,
  });
}

/** A rated subject's score into Biểu 4's bands (docs/rollups.md): nothing without a score. */
function countScore(bands: ScoreBandCounts, rated: boolean, score: number | null): void {
  if (!rated || score === null) return;
  bands.scored++;
  bands[scoreBandOf(score)]++;
}

/** Adds member evaluations into `members` counts (docs/api.md, "Roll-ups") and their scores into Biểu 4's. */
export function countMembers(counts: RollupCounts, evaluations: readonly MemberEvaluation[], facts: ReadonlyMap<string, MemberFacts | undefined>): void {
  for (const e of evaluations) {
    counts.members.total++;
    countScore(counts.memberScores, e.rated && e.final !== null, e.score);
    if (e.rated && e.final) {
      counts.members.rated++;
      counts.members[e.final]++;
    } else {
      counts.members[e.notRatedReason ?? 'pending']++;
    }
    if (facts.get(e.memberId)?.discipline) counts.members.disciplined++;
  }
}

/**
 * A unit's own contribution for a campaign: its direct members by `final` of the current results
 * version, itself as a collective (the kinds the rulebook rates) by its final rating and its
 * dossier state — both as `evaluateOwnYear` (the review's evaluation) gives them. A closed unit
 * contributes nothing. Pure.
 */
export function ownContribution(input: OwnInput): OwnContribution {
  const dossier = input.dossier;
  if (dossier?.importedMembersAt || dossier?.importedCollective) {
    return importedContribution({
      rulebook: input.campaign.rulebook,
      unit: input.unit,
      collective: { decided: dossier.collective.decided },
      importedCollective: dossier.importedCollective ?? null,
      rows: dossier.importedMembersAt ? input.rows : new Map(),
    });
  }
  if (input.campaign.importedOnly) return { counts: zeroCounts(), collectiveFinal: null };
  const counts = zeroCounts();
  if (input.unit.closedOn) return { counts, collectiveFinal: null };
  const evaluation = evaluateOwnYear(input);
  countMembers(counts, evaluation.members, new Map(input.roster.map((m) => [m.id, input.rows.get(m.id)?.facts])));
  const unit = evaluation.unit;
  if (!unit) return { counts, collectiveFinal: null };
  counts.units.total = 1;
  countScore(counts.unitScores, unit.rated && unit.final !== null, unit.score);
  if (unit.rated && unit.final) {
    counts.units.rated = 1;
    counts.units[unit.final] = 1;
  } else {
    counts.units.notRated = 1;
  }
  counts.workflow[input.dossier?.state ?? 'draft'] = 1;
  return { counts, collectiveFinal: unit.rated ? unit.final : null };
}

/** R-QUOTA-01 at the base organisation, as the rulebook states it (20 %, floor under r2019). */
export function quotaParamsOf(rulebook: ResolvedRulebook): QuotaParams {
  const rule = rulebook.rules.find((r) => r.enabled && r.check === 'quota' && Array.isArray((r.params as { unitKinds?: unknown }).unitKinds) && (r.params as { unitKinds: string[] }).unitKinds.includes('baseCommittee'))
    ?? rulebook.rules.find((r) => r.enabled && r.check === 'quota');
  if (!rule) return defaultQuotaParams;
  const p = unitCheckParams.quota.parse(rule.params);
  return { ratioPercent: p.ratioPercent, rounding: p.rounding, ...(p.exceptionMaxPercent === undefined ? {} : { exceptionMaxPercent: p.exceptionMaxPercent }) };
}
