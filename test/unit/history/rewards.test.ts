import { describe, expect, it } from 'vitest';
import { baseRulebook, parseOverlay, resolveRulebook, resolveRulebookFrom, rewardsFor, streakOf, type Rating, type RatingHistory } from '@kd/domain';

const history = (entries: [number, Rating | null, boolean?][]): RatingHistory => new Map(entries.map(([year, rating, imported]) => [year, { rating, imported: imported ?? false }]));
const excellentFrom = (from: number, to: number, imported = true) => Array.from({ length: to - from + 1 }, (_, i) => [from + i, 'excellent', imported] as [number, Rating, boolean]);

describe('rewards over the years (R-REW-01, HD 06-HD/TW điểm 19.2)', () => {
  const r2025 = resolveRulebook('r2025');
  const r2019 = resolveRulebook('r2019');

  it('five excellent years, four of them imported, propose the committee above’s and the province’s certificates', () => {
    const h = history([...excellentFrom(2017, 2020), [2021, 'excellent', false]]);
    const { proposals } = rewardsFor(r2019, 'member', null, h, 2021);
    expect(proposals.map((p) => [p.award, p.issuer])).toEqual([
      ['baseCertificate', 'baseOrganisation'],
      ['upperCertificate', 'upperCommittee'],
      ['provinceCertificate', 'province'],
    ]);
    const five = proposals.find((p) => p.award === 'provinceCertificate')!;
    expect(five).toMatchObject({ years: [2021, 2020, 2019, 2018, 2017], importedYears: [2020, 2019, 2018, 2017] });
    expect(five.text).toBe('Bằng khen của Ban Thường vụ Tỉnh ủy: Hoàn thành xuất sắc nhiệm vụ 5 năm liền (2017–2021)');
    expect(five.interpretation).toMatch(/gián đoạn/);
  });

  it('a gap year — no record — or a good year breaks the five; the year’s own certificate stays', () => {
    const gap = history([[2017, 'excellent'], [2018, 'excellent'], [2020, 'excellent'], [2021, 'excellent'], [2022, 'excellent']]);
    expect(rewardsFor(r2019, 'member', null, gap, 2022).proposals.map((p) => p.award)).toEqual(['baseCertificate']);
    const good = history([...excellentFrom(2018, 2022)].map(([y, r]) => [y, y === 2019 ? 'good' : r] as [number, Rating]));
    expect(rewardsFor(r2019, 'member', null, good, 2022).proposals.map((p) => p.award)).toEqual(['baseCertificate']);
    expect(rewardsFor(r2019, 'member', null, history(excellentFrom(2017, 2021)), 2022).proposals).toEqual([]);
  });

  it('a year without a rating breaks the chain by default; a province’s overlay may pass over it instead (an interpretation)', () => {
    const exempt = history([[2016, 'excellent'], [2017, 'excellent'], [2018, null], [2019, 'excellent'], [2020, 'excellent'], [2021, 'excellent']]);
    expect(rewardsFor(r2019, 'member', null, exempt, 2021).proposals.map((p) => p.award)).toEqual(['baseCertificate']);
    const overlay = parseOverlay({
      id: 'tinh-x-khen-thuong', kind: 'overlay', title: 'Hướng dẫn khen thưởng của Tỉnh ủy', appliesTo: ['r2019'], years: { from: 2021, to: 2022 }, sources: ['HD 09-HD/TU'],
      patches: [{ id: 'R-REW-01', clause: 'memberFiveYears', params: { notRatedBreaksChain: false }, interpretation: null, source: 'HD 09-HD/TU mục 3' }],
    });
    const book = resolveRulebookFrom(baseRulebook('r2019'), [overlay]);
    const five = rewardsFor(book, 'member', null, exempt, 2021).proposals.find((p) => p.award === 'upperCertificate')!;
    expect(five).toMatchObject({ years: [2021, 2020, 2019, 2017, 2016], passedOver: [2018], interpretation: null });
  });

  it('organisations: a base organisation’s yearly certificate comes from the committee above; a cell’s from its base organisation', () => {
    const h = history(excellentFrom(2021, 2025, false));
    expect(rewardsFor(r2025, 'organisation', 'baseCommittee', h, 2025).proposals.map((p) => [p.award, p.issuer])).toEqual([
      ['baseCertificate', 'upperCommittee'], ['upperCertificate', 'upperCommittee'], ['provinceCertificate', 'province'],
    ]);
    expect(rewardsFor(r2025, 'organisation', 'cell', h, 2025).proposals[0]).toMatchObject({ issuer: 'baseOrganisation' });
    expect(rewardsFor(r2025, 'member', null, h, 2025).proposals).toHaveLength(3);
  });

  it('incomplete two years running is put to the committee for review (R-CONS-01, an interpretation); once is not', () => {
    const twice = history([[2020, 'incomplete'], [2021, 'incomplete']]);
    const { flags, proposals } = rewardsFor(r2019, 'member', null, twice, 2021);
    expect(proposals).toEqual([]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ ruleId: 'R-CONS-01', years: [2021, 2020] });
    expect(flags[0]!.interpretation).toMatch(/không tự kết luận/);
    expect(rewardsFor(r2019, 'member', null, history([[2020, 'complete'], [2021, 'incomplete']]), 2021).flags).toEqual([]);
  });

  it('the reward rules are data in every regime, with their readings marked and their sources named', () => {
    for (const id of ['r2019', 'r2023', 'r2025']) {
      const rules = baseRulebook(id).rules.filter((r) => r.effect === 'propose' || r.effect === 'flag');
      expect(rules.map((r) => `${r.id}.${r.clause ?? ''}`), id).toEqual(['R-REW-01.memberYear', 'R-REW-01.memberFiveYears', 'R-REW-01.orgYear', 'R-REW-01.orgFiveYears', 'R-CONS-01.']);
      expect(rules.filter((r) => r.interpretation).map((r) => r.clause ?? r.id)).toEqual(['memberFiveYears', 'orgYear', 'orgFiveYears', 'R-CONS-01']);
    }
  });

  it('streakOf walks back from the end year only', () => {
    expect(streakOf(history([[2020, 'excellent']]), 2021, 1, 'excellent', true).holds).toBe(false);
    expect(streakOf(history([[2021, 'excellent']]), 2021, 1, 'excellent', true)).toMatchObject({ holds: true, years: [2021] });
  });
});
