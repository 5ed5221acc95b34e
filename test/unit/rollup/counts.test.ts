import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCounts, equalCounts, flatCountNames, fromFlat, isZeroCounts, subtractCounts, sumCounts, toFlat, zeroCounts, baseQuota, defaultQuotaParams, quotaView, formatPercent, evaluateOwnYear, ownContribution, quotaParamsOf, bieu1, bieu2, rollupNumbers, resolveRulebook, Member, MemberFacts, type RollupCounts } from '@kd/domain';

const counts = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: flatCountNames.length, maxLength: flatCountNames.length }).map((values) => {
  const flat = Object.fromEntries(Object.keys(toFlat(zeroCounts())).map((k, i) => [k, values[i]!]));
  return fromFlat(flat);
});

describe('roll-up counts', () => {
  it('add and subtract are inverse, and flat attributes round-trip', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        expect(subtractCounts(addCounts(a, b), b)).toEqual(a);
        expect(fromFlat(toFlat(a))).toEqual(a);
        expect(isZeroCounts(subtractCounts(a, a))).toBe(true);
        expect(equalCounts(sumCounts([a, b]), addCounts(b, a))).toBe(true);
      }),
    );
  });
});

describe('quota (docs/api.md "Roll-ups", R-QUOTA-01)', () => {
  it('caps excellent at floor(20 % of good) at a base organisation, one breach when over', () => {
    expect(baseQuota({ excellent: 2, good: 9 }, defaultQuotaParams)).toEqual({ excellent: 2, good: 9, cap: 1, breaches: 1 });
    expect(baseQuota({ excellent: 2, good: 10 }, defaultQuotaParams)).toEqual({ excellent: 2, good: 10, cap: 2, breaches: 0 });
  });

  it('sums over base organisations above them, and shows a cell its own figures', () => {
    const c: RollupCounts = zeroCounts();
    c.members.excellent = 3;
    c.members.good = 12;
    c.quotaSum = { excellent: 3, good: 12, cap: 1, breaches: 1 };
    expect(quotaView('province', c.members, c.quotaSum, defaultQuotaParams)).toEqual({ excellent: 3, good: 12, cap: 1, breaches: 1, withinCap: false });
    // A base organisation shows the figures the roll-up wrote for it (its cap carries a quota exception, if granted).
    expect(quotaView('baseCommittee', c.members, { excellent: 3, good: 12, cap: 2, breaches: 1 }, defaultQuotaParams)).toEqual({ excellent: 3, good: 12, cap: 2, breaches: 1, withinCap: false });
    expect(quotaView('baseCommittee', c.members, { excellent: 3, good: 12, cap: 3, breaches: 0 }, defaultQuotaParams)).toEqual({ excellent: 3, good: 12, cap: 3, breaches: 0, withinCap: true });
    expect(quotaView('cell', c.members, zeroCounts().quotaSum, defaultQuotaParams)).toEqual({ excellent: 3, good: 12, cap: 2, breaches: 0, withinCap: false });
  });

  it('reads the ratio from the rulebook', () => {
    expect(quotaParamsOf(resolveRulebook('r2019', ['s000-2021']))).toEqual({ ratioPercent: 20, rounding: 'floor' });
    expect(quotaParamsOf(resolveRulebook('r2025'))).toEqual({ ratioPercent: 20, rounding: 'floor', exceptionMaxPercent: 25 });
  });

  it('T25-07: a base organisation’s quota exception raises its cap, never above the rule’s limit (12 good: 2 at 20 %, 3 at 25 %)', () => {
    const params = quotaParamsOf(resolveRulebook('r2025'));
    expect(baseQuota({ excellent: 3, good: 12 }, params)).toEqual({ excellent: 3, good: 12, cap: 2, breaches: 1 });
    expect(baseQuota({ excellent: 3, good: 12 }, params, 25)).toEqual({ excellent: 3, good: 12, cap: 3, breaches: 0 });
    expect(baseQuota({ excellent: 3, good: 12 }, params, 40)).toEqual({ excellent: 3, good: 12, cap: 3, breaches: 0 });
    // Under a rulebook without exceptions a stored share changes nothing.
    expect(baseQuota({ excellent: 3, good: 12 }, defaultQuotaParams, 25)).toEqual({ excellent: 3, good: 12, cap: 2, breaches: 1 });
  });
});

describe('a unit’s own contribution', () => {
  const rulebook = resolveRulebook('r2019', ['s000-2021']);
  const campaign = { year: 2021, rulebook, ratingDate: '2021-12-20' as const };
  const member = (id: string, extra: Partial<Member> = {}) => Member.parse({ id, unitId: 'c1', fullName: `Đảng viên ${id}`, admittedOn: '2015-01-01', officialOn: '2016-01-01', ...extra });
  const roster = [member('A'), member('B'), member('C', { exempt: true }), member('D', { admittedOn: '2021-09-01', officialOn: null }), member('E')];
  const rows = new Map([
    ['A', { facts: MemberFacts.parse({ decided: 'excellent' }), adjusted: null }],
    ['B', { facts: MemberFacts.parse({ decided: 'good', discipline: 'reprimand' }), adjusted: null }],
  ]);

  it('counts roster members by final; members without a row are pending', () => {
    const own = ownContribution({ campaign, unit: { id: 'c1', kind: 'cell', foundedOn: '2010-01-01', closedOn: null }, dossier: null, roster, rows, childCollectiveRatings: [] });
    expect(own.counts.members).toEqual({ total: 5, exempt: 1, suspended: 0, newMember: 1, absent: 0, pending: 1, rated: 2, excellent: 1, good: 0, complete: 0, incomplete: 1, disciplined: 1 });
    expect(own.counts.units).toMatchObject({ total: 1, notRated: 1, rated: 0 });
    expect(own.counts.workflow).toMatchObject({ draft: 1 });
    expect(evaluateOwnYear({ campaign, unit: { id: 'c1', kind: 'cell', foundedOn: '2010-01-01' }, dossier: null, roster, rows, childCollectiveRatings: [] }).members.map((e) => e.notRatedReason)).toEqual([null, null, 'exempt', 'newMember', 'pending']);
  });

  it('rates the collective by its adjusted rating when the upper level changed it; a closed unit counts nothing', () => {
    const dossier = { state: 'approved' as const, collective: { proposed: 'good' as const, decided: 'good' as const }, adjustedCollective: { rating: 'complete' as const }, meetingDate: null };
    const own = ownContribution({ campaign, unit: { id: 'c1', kind: 'cell', foundedOn: '2010-01-01', closedOn: null }, dossier, roster, rows, childCollectiveRatings: [] });
    expect(own.counts.units).toMatchObject({ total: 1, rated: 1, complete: 1 });
    expect(own.counts.workflow).toMatchObject({ approved: 1, draft: 0 });
    const closed = ownContribution({ campaign, unit: { id: 'c1', kind: 'cell', foundedOn: '2010-01-01', closedOn: '2021-06-01' }, dossier, roster, rows, childCollectiveRatings: [] });
    expect(isZeroCounts(closed.counts)).toBe(true);
  });

  it('counts Biểu 4 beside the ratings under r2025: rated members and the collective by score band', () => {
    const r2025 = { year: 2026, rulebook: resolveRulebook('r2025'), ratingDate: '2026-12-31' as const };
    const scored = (general: number, tasks: number, decided: 'excellent' | 'good' | 'complete') =>
      ({ facts: MemberFacts.parse({ generalScore: general, taskScore: tasks, taskCompletionPercent: 100, exceedingPercent: 40, decided }), adjusted: null });
    const members = [member('A'), member('B'), member('C'), member('D', { exempt: true })];
    const rows2025 = new Map([
      ['A', scored(28, 65, 'excellent')],
      ['B', scored(25, 50, 'good')],
      ['C', { facts: MemberFacts.parse({ generalScore: 25 }), adjusted: null }],
      ['D', scored(20, 20, 'complete')],
    ]);
    const dossier = {
      state: 'draft' as const,
      collective: { proposed: 'good' as const, decided: 'good' as const, scores: { general: 25, tasks: 40 }, taskCompletionPercent: 100 },
      adjustedCollective: null,
      meetingDate: null,
    };
    const own = ownContribution({ campaign: r2025, unit: { id: 'c1', kind: 'cell', foundedOn: '2010-01-01', closedOn: null }, dossier, roster: members, rows: rows2025, childCollectiveRatings: [] });
    // C is pending (one score missing), D exempt: neither is scored.
    expect(own.counts.memberScores).toEqual({ scored: 2, from90: 1, from70: 1, from50: 0, below50: 0 });
    expect(own.counts.members).toMatchObject({ rated: 2, excellent: 1, good: 1, pending: 1, exempt: 1 });
    expect(own.counts.unitScores).toEqual({ scored: 1, from90: 0, from70: 0, from50: 1, below50: 0 });
    expect(own.counts.units).toMatchObject({ rated: 1, complete: 1 });
  });
});

describe('report tables (docs/rulebooks.md, "Report tables")', () => {
  it('formats percentages the Vietnamese way', () => {
    expect(formatPercent(604, 662)).toBe('91,2 %');
    expect(formatPercent(1, 0)).toBe('—');
  });

  it('builds Biểu 1 and Biểu 2 rows with subtotals and the total', () => {
    const c = zeroCounts();
    c.members = { ...c.members, total: 10, rated: 8, excellent: 1, good: 6, complete: 1, pending: 2 };
    c.units = { ...c.units, total: 1, rated: 1, good: 1 };
    const child = (id: string) => rollupNumbers({ unitId: id, name: `Chi bộ ${id}`, kind: 'cell', counts: c, quota: defaultQuotaParams });
    const total = addCounts(c, c);
    const rollup = { ...rollupNumbers({ unitId: 'bc', name: 'Đảng ủy Sở', kind: 'baseCommittee', counts: total, quota: defaultQuotaParams }), year: 2021, asOf: '2021-12-20T00:00:00Z', children: [child('a'), child('b')] };
    const b2 = bieu2(rollup);
    expect(b2.headers).toHaveLength(18);
    expect(b2.rows.at(-1)!.slice(0, 9)).toEqual(['', 'Tổng cộng Đảng ủy Sở', 20, 0, 0, 0, 4, 16, 2]);
    expect(b2.rows.at(-1)![9]).toEqual({ share: 2 / 16 });
    const b1 = bieu1(rollup);
    expect(b1.headers).toHaveLength(16);
    expect(b1.rows.map((r) => r[1])).toEqual(['Chi bộ a', 'Chi bộ b', 'Cộng chi bộ trực thuộc', 'Tổng cộng Đảng ủy Sở']);
  });
});
