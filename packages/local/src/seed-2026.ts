import { transactPut, campaignItem, unitPlanItem, dossierItem, ResultRow, rowItem, unitEventItem, type Store } from '@kd/data';
import { addMonthsClamped, evaluateMember, isCell, rulebookFor, MemberFacts, type Campaign, type CollectiveFactsInput, type Override, type DossierState, type LocalDate, type Member, type MemberFactsInput, type Rating, type Unit } from '@kd/domain';
import { createPrng, deriveSeed, type Prng } from './demo/prng';
import { demoCampaign2026, demoUnitPlans2026 } from './demo/vinh-long-2026';
import type { CampaignSeedTenant } from './seed-campaigns';

type CellPlan = 'approved' | 'submitted' | 'draft' | 'none';

/**
 * Where each cell stands at the end of November 2026: the first four cells in tree order tell the
 * story (one approved, one submitted, one that has entered nothing — late for "cell results" on
 * 28/11 — and one scoring its members); any further cell gets a stable mix by its id.
 */
const pinned: readonly CellPlan[] = ['approved', 'submitted', 'none', 'draft'];

function planOf(unit: Unit, index: number): CellPlan {
  const p = pinned[index];
  if (p) return p;
  const bucket = deriveSeed(2026, unit.id) % 100;
  return bucket < 25 ? 'approved' : bucket < 50 ? 'submitted' : bucket < 70 ? 'draft' : 'none';
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const instant = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

/**
 * A member's year on the 100-point scale (QĐ 366-QĐ/TW, HD 43-HD/BTCTW Phụ lục 1): general
 * criteria out of 30, tasks out of 70, every task completed, a few late, some exceeding.
 */
function scoredFacts(prng: Prng): MemberFactsInput {
  const general = round1(prng.int(240, 300) / 10);
  const tasks = round1(prng.int(470, 680) / 10);
  return {
    generalScore: general,
    taskScore: tasks,
    selfScore: Math.min(100, round1(general + tasks + prng.int(0, 20) / 10)),
    taskCompletionPercent: 100,
    latePercent: prng.chance(0.12) ? 10 : 0,
    exceedingPercent: prng.int(0, 50),
    absences: prng.int(0, 2),
    residenceComment: true,
  };
}

/**
 * The override of the story (QĐ 366-QĐ/TW Điều 11): in the approved cell, a member whose tasks
 * were 30 % late (at most `incomplete` by the bands) rated `complete` by the base committee, which
 * names the force majeure.
 */
const LATE_BY_FLOOD: MemberFactsInput = { generalScore: 26, taskScore: 55, selfScore: 82, taskCompletionPercent: 100, latePercent: 30, exceedingPercent: 0, note: 'Công trình chậm tiến độ do mưa lũ tháng 10/2026' };
const overrideOf = (by: string): Override => ({
  by,
  circumstance: 'forceMajeure',
  reason: 'Nhiệm vụ chậm tiến độ do mưa lũ kéo dài tháng 10/2026 làm gián đoạn thi công; đã hoàn thành đủ 100 % nhiệm vụ trước ngày 30/11/2026.',
});

/** The quota exception of the story: the bloc lets Đảng ủy Sở Giáo dục và Đào tạo rate up to 25 % of `good` excellent. */
const QUOTA_EXCEPTION_PERCENT = 25;

/** A collective's own record on 100 points: `excellent` only with the score and conditions for it. */
function collectiveOf(prng: Prng, voted: boolean): CollectiveFactsInput {
  const excellent = prng.chance(0.3);
  const general = excellent ? prng.int(27, 29) : prng.int(24, 27);
  const tasks = excellent ? prng.int(64, 68) : prng.int(52, 60);
  const rating: Rating = excellent ? 'excellent' : 'good';
  return {
    proposed: rating,
    decided: voted ? rating : null,
    scores: { general, tasks },
    taskCompletionPercent: 100,
    latePercent: 0,
    exceedingPercent: excellent ? 40 : 10,
    shortcomingsRemedied: true,
  };
}

/** The member whose score under 50 forces `incomplete` whatever the vote (QĐ 366-QĐ/TW Điều 11). */
const FORCED: MemberFactsInput = { generalScore: 20, taskScore: 29.5, selfScore: 55, taskCompletionPercent: 100, latePercent: 40, exceedingPercent: 0, note: 'Điểm tổng 49,5: dưới 50 điểm' };

interface ScoredRow {
  member: Member;
  facts: MemberFactsInput;
  maxAllowed: Rating | null;
}

/** Excellent votes kept within ⌊share × good⌋ (R-QUOTA), demoting the lowest scores first. */
function withinQuota(rows: ScoredRow[], sharePercent: number): Map<string, Rating | null> {
  const decided = new Map(rows.map((r) => [r.member.id, r.maxAllowed] as const));
  const total = (r: ScoredRow) => (r.facts.generalScore ?? 0) + (r.facts.taskScore ?? 0);
  const excellent = rows.filter((r) => r.maxAllowed === 'excellent').sort((a, b) => total(a) - total(b));
  let good = rows.filter((r) => r.maxAllowed === 'good').length;
  let kept = excellent.length;
  for (const r of excellent) {
    if (kept <= Math.floor((good * sharePercent) / 100)) break;
    decided.set(r.member.id, 'good');
    kept--;
    good++;
  }
  return decided;
}

/**
 * Every item of the demo's 2026 campaign for one tenant (pure): the campaign, the plans adopted
 * below the province, and the cells' dossiers and rows as each cell's story has it.
 */
export function demo2026Items(tenant: CampaignSeedTenant): { campaign: Campaign; items: Record<string, unknown>[] } {
  const t = tenant.tenantId;
  const campaign = demoCampaign2026(tenant.units);
  const rulebook = rulebookFor(campaign);
  const ratingDate: LocalDate = campaign.ratingDate;
  const items: Record<string, unknown>[] = [campaignItem(t, campaign), ...demoUnitPlans2026(tenant.units).map((p) => unitPlanItem(t, p))];
  const membersOf = new Map<string, Member[]>();
  for (const m of tenant.members) membersOf.set(m.unitId, [...(membersOf.get(m.unitId) ?? []), m]);
  const prng = createPrng(deriveSeed(2026, t));
  const cells = tenant.units.filter((u) => isCell(u.kind) && !u.closedOn && (membersOf.get(u.id)?.length ?? 0) > 0);
  let forcedPlaced = false;
  let overridePlaced = false;
  const byId = new Map(tenant.units.map((u) => [u.id, u] as const));
  const baseOrgOf = (u: Unit): Unit => {
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    return parent && parent.kind === 'baseCommittee' ? parent : u;
  };
  // The exception goes to the second base committee of the tree (the first holds the override).
  const excepted = tenant.units.filter((u) => u.kind === 'baseCommittee')[1];
  if (excepted) {
    const grantor = excepted.parentId ? byId.get(excepted.parentId) : undefined;
    items.push(
      dossierItem(t, {
        unitId: excepted.id,
        year: campaign.year,
        quotaException: {
          share: QUOTA_EXCEPTION_PERCENT / 100,
          percent: QUOTA_EXCEPTION_PERCENT,
          reason: 'Đơn vị có nhiều đảng viên đạt thành tích nổi bật trong năm học 2025–2026 (giải quốc gia, chuyển đổi số ngành giáo dục).',
          byUnit: grantor?.id ?? excepted.id,
          byName: grantor?.name ?? excepted.name,
          at: instant('2026-11-20', '10:00'),
        },
        updatedAt: instant('2026-11-20', '10:00'),
      }),
    );
  }

  cells.forEach((unit, index) => {
    const plan = planOf(unit, index);
    if (plan === 'none') return;
    const members = (membersOf.get(unit.id) ?? []).filter((m) => m.admittedOn <= ratingDate);
    const rateable = (m: Member) => !m.exempt && !m.suspended && addMonthsClamped(m.admittedOn, 6) <= ratingDate;
    const scored: ScoredRow[] = members.map((member) => {
      if (!rateable(member)) return { member, facts: {}, maxAllowed: null };
      const forced = !forcedPlaced && plan === 'submitted' && member.partyPosition === null;
      if (forced) forcedPlaced = true;
      const flood = !forced && !overridePlaced && plan === 'approved' && member.partyPosition === null;
      if (flood) overridePlaced = true;
      const facts = forced ? FORCED : flood ? LATE_BY_FLOOD : scoredFacts(prng);
      const evaluation = evaluateMember({ rulebook, member, facts: MemberFacts.parse(facts), year: campaign.year, ratingDate });
      return { member, facts, maxAllowed: evaluation.maxAllowed };
    });
    const share = excepted && baseOrgOf(unit).id === excepted.id ? QUOTA_EXCEPTION_PERCENT : 20;
    const decided = withinQuota(scored.filter((r) => r.maxAllowed !== null), share);
    // A draft is being scored: the votes are not in yet.
    const voted = plan !== 'draft';
    const own = collectiveOf(prng, voted);
    const collective = own.proposed as Rating;
    const meeting = `2026-11-${String(prng.int(20, 27)).padStart(2, '0')}`;
    const state: DossierState = plan === 'draft' ? 'draft' : plan;
    const submittedAt = voted ? instant(`2026-11-${String(Math.min(29, Number(meeting.slice(8)) + 1)).padStart(2, '0')}`, '09:30') : null;
    items.push(
      dossierItem(t, {
        unitId: unit.id,
        year: campaign.year,
        state,
        rev: 1,
        currentVersion: 1,
        versionCounter: 1,
        collective: own,
        meetingDate: voted ? meeting : null,
        submittedAt,
        firstSubmittedAt: submittedAt,
        appraisedAt: plan === 'approved' ? instant('2026-11-29', '15:00') : null,
        updatedAt: submittedAt,
      }),
    );
    for (const r of scored) {
      const level = decided.get(r.member.id) ?? null;
      const secretaryLevel = r.member.partyPosition === 'secretary' && level !== null && collective === 'good' && level === 'excellent' ? 'good' : level;
      const facts = MemberFacts.parse({
        ...r.facts,
        selfProposed: secretaryLevel,
        groupProposed: secretaryLevel,
        decided: voted ? secretaryLevel : null,
        votesFor: voted && secretaryLevel ? members.length - prng.int(0, 1) : null,
      });
      const overridden = r.facts === LATE_BY_FLOOD;
      const appraiser = byId.get(unit.parentId ?? '')?.name ?? unit.name;
      items.push(rowItem(t, unit.id, campaign.year, 1, ResultRow.parse({ memberId: r.member.id, facts, rev: 1, ...(overridden ? { adjusted: 'complete', adjustReason: overrideOf(appraiser).reason, override: overrideOf(appraiser) } : {}) })));
    }
    if (voted) items.push(unitEventItem(t, { event: 'cellResultsDecided', unitId: unit.id, year: campaign.year, at: instant(meeting, '16:30'), heldOn: meeting, startTime: '14:00', location: 'Hội trường cơ quan', chairMemberId: null, clerkMemberId: null, note: null }));
  });
  return { campaign, items };
}

/** Writes the 2026 campaign of the demo as a system import (like the seeds' campaigns). */
export async function seedCampaign2026(store: Store, tenant: CampaignSeedTenant): Promise<{ items: number }> {
  const { items } = demo2026Items(tenant);
  await transactPut(store, items, 2);
  return { items: items.length };
}
