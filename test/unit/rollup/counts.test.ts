import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCounts, equalCounts, fromFlat, isZeroCounts, subtractCounts, sumCounts, toFlat, zeroCounts, baseQuota, defaultQuotaParams, quotaView, formatPercent, evaluateOwnYear, ownContribution, quotaParamsOf, bieu1, bieu2, rollupNumbers, resolveRulebook, Member, MemberFacts, type RollupCounts } from '@kd/domain';

const counts = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 27, maxLength: 27 }).map((values) => {
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
    expect(quotaView('baseCommittee', c.members, c.quotaSum, defaultQuotaParams)).toEqual({ excellent: 3, good: 12, cap: 2, breaches: 1, withinCap: false });
    expect(quotaView('cell', c.members, zeroCounts().quotaSum, defaultQuotaParams)).toEqual({ excellent: 3, good: 12, cap: 2, breaches: 0, withinCap: false });
  });

  it('reads the ratio from the rulebook', () => {
    expect(quotaParamsOf(resolveRulebook('r2019', ['s000-2021']))).toEqual({ ratioPercent: 20, rounding: 'floor' });
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
