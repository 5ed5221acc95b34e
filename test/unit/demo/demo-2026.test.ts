import { describe, expect, it } from 'vitest';
import { checkPlanInsideParent, effectiveMilestones, evaluateMember, evaluateUnitYear, milestoneWindow, rulebookFor, totalScore, MemberFacts, type Member, type UnitPlan, type Override, type Rating } from '@kd/domain';
import { generateDemo, demo2026Items, demoUnitPlans2026 } from '@kd/local';

const vinhLong = generateDemo().tenants.find((t) => t.tenantId === 'vinh-long')!;
const { campaign, items } = demo2026Items(vinhLong);
const dossiers = items.filter((i) => i.type === 'dossier') as unknown as { unitId: string; state: string; collective: { proposed: string | null; decided: string | null }; meetingDate: string | null }[];
const rows = items.filter((i) => i.type === 'result') as unknown as { unitId: string; memberId: string; facts: MemberFacts; adjusted: Rating | null; override: Override | null }[];

describe('the demo’s 2026 campaign (Vĩnh Long, the 2025 rules)', () => {
  it('is open, under r2025, with milestones from mid-November 2026 to mid-January 2027, the first ones due by 30/11/2026', () => {
    expect(campaign).toMatchObject({ year: 2026, rulebookId: 'r2025', closedAt: null });
    const windows = campaign.milestones.map(milestoneWindow);
    expect(Math.min(...windows.map((w) => w.due.getTime()))).toBeLessThan(new Date('2026-11-30T00:00:00+07:00').getTime());
    expect(campaign.milestones[0]!.fromDate).toBe('2026-11-16');
    expect(campaign.milestones.at(-1)!.date).toBe('2027-01-15');
    expect(vinhLong.campaigns).toBe('live-2026');
    expect(generateDemo().tenants.find((t) => t.tenantId === 'tra-vinh')!.campaigns).toBe('seeds-closed');
  });

  it('has plans adopted below the province, each inside its parent’s windows', () => {
    const plans = demoUnitPlans2026(vinhLong.units);
    expect(plans.length).toBeGreaterThanOrEqual(2);
    const byId = new Map(vinhLong.units.map((u) => [u.id, u]));
    const planOf = new Map(plans.map((p) => [p.unitId, p]));
    for (const plan of plans) {
      const chain: UnitPlan[] = [];
      for (let u = byId.get(byId.get(plan.unitId)!.parentId ?? ''); u; u = byId.get(u.parentId ?? '')) if (planOf.has(u.id)) chain.unshift(planOf.get(u.id)!);
      expect(() => checkPlanInsideParent(plan, { name: 'cấp trên', milestones: effectiveMilestones(campaign, chain) })).not.toThrow();
    }
  });

  it('tells the story: an approved cell, a submitted one, a late one with nothing entered, one still scoring', () => {
    const states = new Map(dossiers.map((d) => [d.unitId, d.state]));
    expect(states.get('vl-duk-syt-bvdk')).toBe('approved');
    expect(states.get('vl-duk-syt-vp')).toBe('submitted');
    expect(states.has('vl-duk-sgd-vp')).toBe(false);
    expect(states.get('vl-duk-sgd-nbk')).toBe('draft');
  });

  it('scores every rated member on 100, forces one under 50 to incomplete, and leaves the decided cells with nothing blocking', () => {
    const rulebook = rulebookFor(campaign);
    const forced = rows.filter((r) => (totalScore(r.facts) ?? 100) < 50);
    expect(forced).toHaveLength(1);
    for (const d of dossiers.filter((x) => x.state !== 'draft')) {
      const members = vinhLong.members.filter((m: Member) => m.unitId === d.unitId);
      const own = new Map(rows.filter((r) => r.unitId === d.unitId).map((r) => [r.memberId, { facts: MemberFacts.parse(r.facts), adjusted: r.adjusted, override: r.override }]));
      expect(own.size).toBe(members.length);
      const evaluation = evaluateUnitYear({
        rulebook,
        year: 2026,
        campaignRatingDate: campaign.ratingDate,
        unitYear: { unit: vinhLong.units.find((u) => u.id === d.unitId)!, members, rows: own, collective: d.collective as never, adjustedCollective: null, meetingDate: d.meetingDate },
      });
      expect(evaluation.blocking.map((v) => `${v.ruleId}: ${(v as { message?: string }).message}`), d.unitId).toEqual([]);
      const f = evaluation.members.find((e) => forced.some((r) => r.memberId === e.memberId));
      if (f) expect([f.final, f.forced]).toEqual(['incomplete', 'incomplete']);
      expect(evaluation.unit?.score, d.unitId).toBeGreaterThanOrEqual(70);
    }
  });

  it('has one override with its circumstance and reason, set by the appraising level above a limit, and one quota exception of 25 %', () => {
    const overridden = rows.filter((r) => r.override !== null);
    expect(overridden).toHaveLength(1);
    expect(overridden[0]).toMatchObject({ unitId: 'vl-duk-syt-bvdk', adjusted: 'complete', override: { by: 'Đảng ủy Sở Y tế', circumstance: 'forceMajeure' } });
    const rulebook = rulebookFor(campaign);
    const member = vinhLong.members.find((m) => m.id === overridden[0]!.memberId)!;
    const e = evaluateMember({ rulebook, member, facts: MemberFacts.parse(overridden[0]!.facts), year: 2026, ratingDate: campaign.ratingDate, adjusted: 'complete', override: overridden[0]!.override });
    expect([e.maxAllowed, e.final, e.override?.reason]).toEqual(['incomplete', 'complete', overridden[0]!.override!.reason]);
    const exceptions = dossiers.filter((d) => (d as { quotaException?: { percent: number } | null }).quotaException);
    expect(exceptions.map((d) => [d.unitId, (d as unknown as { quotaException: { percent: number; byUnit: string } }).quotaException])).toEqual([
      ['vl-duk-sgd', expect.objectContaining({ percent: 25, byUnit: 'vl-duk' })],
    ]);
  });
});
