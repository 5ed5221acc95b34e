import type { Rule } from '../rulebook/schema';
import type { ResolvedRulebook } from '../rulebook/schema';
import { historyCheckParams } from '../rulebook/check-vocabulary';
import { isBaseOrganisation, type UnitKind } from '../unit-kind';
import { rewardAwardLabels, rewardIssuerLabels, type RewardAward, type RewardIssuer, type RewardSubject } from './award';
import { streakOf, type RatingHistory } from './streak';

/** One award a committee may consider: who grants it, for which years, on which rule. */
export interface RewardProposal {
  ruleId: string;
  clause: string | null;
  award: RewardAward;
  issuer: RewardIssuer;
  /** "Giấy khen của Đảng ủy cơ sở …: Hoàn thành xuất sắc nhiệm vụ năm 2021". */
  text: string;
  years: number[];
  passedOver: number[];
  importedYears: number[];
  /** Set when the rule deciding it is the system's reading of an open point (docs/rulebooks.md, "Interpretations"). */
  interpretation: string | null;
}

/** A case put to the committee for review (R-CONS-01). */
export interface ReviewFlag {
  ruleId: string;
  text: string;
  years: number[];
  interpretation: string | null;
}

export interface RewardOutcome {
  proposals: RewardProposal[];
  flags: ReviewFlag[];
}

/** The base organisation grants its own members' and cells' yearly certificates; its own comes from above. */
function issuerOf(award: RewardAward, subject: RewardSubject, unitKind: UnitKind | null): RewardIssuer {
  if (award === 'provinceCertificate') return 'province';
  if (award === 'upperCertificate') return 'upperCommittee';
  const aboveBase = unitKind !== null && (isBaseOrganisation(unitKind) || unitKind === 'bloc' || unitKind === 'province');
  return subject === 'organisation' && aboveBase ? 'upperCommittee' : 'baseOrganisation';
}

const span = (years: readonly number[]) => (years.length === 1 ? `năm ${years[0]}` : `${years.length} năm liền (${Math.min(...years)}–${Math.max(...years)})`);

/**
 * What the year's rulebook proposes for one member or organisation from its ratings over the
 * years (R-REW-01: `excellent` this year, and five years running), and what it puts to the
 * committee (R-CONS-01: `incomplete` two years running). Proposals are candidates: the committee
 * chooses among them. Pure.
 *
 * @example rewardsFor(rulebookFor(campaign), 'member', 'cell', history, 2021).proposals.map((p) => p.award)
 */
export function rewardsFor(rulebook: ResolvedRulebook, subject: RewardSubject, unitKind: UnitKind | null, history: RatingHistory, year: number): RewardOutcome {
  const proposals: RewardProposal[] = [];
  const flags: ReviewFlag[] = [];
  const rules = rulebook.rules.filter((r): r is Rule => r.enabled);
  for (const rule of rules) {
    if (rule.check === 'excellentStreak' && rule.effect === 'propose') {
      const p = historyCheckParams.excellentStreak.parse(rule.params);
      if (p.subject !== subject) continue;
      const streak = streakOf(history, year, p.years, 'excellent', p.notRatedBreaksChain);
      if (!streak.holds) continue;
      for (const award of p.awards) {
        const issuer = issuerOf(award, subject, unitKind);
        proposals.push({
          ruleId: rule.id,
          clause: rule.clause ?? null,
          award,
          issuer,
          text: `${rewardAwardLabels[award]} của ${rewardIssuerLabels[issuer]}: Hoàn thành xuất sắc nhiệm vụ ${span(streak.years)}`,
          years: streak.years,
          passedOver: streak.passedOver,
          importedYears: streak.importedYears,
          interpretation: rule.interpretation ?? null,
        });
      }
    } else if (rule.check === 'incompleteStreak' && rule.effect === 'flag' && subject === 'member') {
      const p = historyCheckParams.incompleteStreak.parse(rule.params);
      const streak = streakOf(history, year, p.years, 'incomplete', p.notRatedBreaksChain);
      if (!streak.holds) continue;
      flags.push({ ruleId: rule.id, text: `${rule.explanation} (${span(streak.years)})`, years: streak.years, interpretation: rule.interpretation ?? null });
    }
  }
  return { proposals, flags };
}

/** The years a rulebook's history checks look back over, this one included (for what to read). */
export function rewardLookback(rulebook: ResolvedRulebook): number {
  let years = 1;
  for (const rule of rulebook.rules) {
    if (!rule.enabled) continue;
    if (rule.check === 'excellentStreak') years = Math.max(years, historyCheckParams.excellentStreak.parse(rule.params).years);
    if (rule.check === 'incompleteStreak') years = Math.max(years, historyCheckParams.incompleteStreak.parse(rule.params).years);
  }
  // Unrated years passed over reach further back; a few spare years cover them.
  return years + 5;
}
