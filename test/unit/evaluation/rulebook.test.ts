import { describe, expect, it } from 'vitest';
import { evaluateMember, BaseRulebook, RulebookOverlay, baseRulebook, baseRulebookIdForYear, parseOverlay, resolveRulebook, resolveRulebookFrom, ruleKey, rulebookOverlay, shippedRulebookJson } from '@kd/domain';
import { facts, member, vietnameseLetter } from './fixtures';

const { r2019: r2019Json, r2023: r2023Json } = shippedRulebookJson;
const s000Json = RulebookOverlay.parse(shippedRulebookJson['s000-2021']);

const overlay = (patch: object) =>
  parseOverlay({ id: 'tenant-x', kind: 'overlay', title: 'Thử nghiệm', appliesTo: ['r2019'], years: { from: 2021, to: 2021 }, sources: ['thử nghiệm'], ...patch });

describe('rulebooks as data', () => {
  it('the shipped JSON files parse with the schema', () => {
    expect(BaseRulebook.safeParse(r2019Json).success).toBe(true);
    expect(BaseRulebook.safeParse(r2023Json).success).toBe(true);
    expect(BaseRulebook.safeParse(shippedRulebookJson.r2025).success).toBe(true);
    expect(RulebookOverlay.safeParse(shippedRulebookJson['s000-2021']).success).toBe(true);
  });

  it('r2019 + s000-2021 covers every rule the 2021 seed needs', () => {
    const rules = resolveRulebook('r2019', ['s000-2021']).rules;
    const ids = new Set(rules.map((r) => r.id));
    for (const id of [
      'R-ELIG-01', 'R-ELIG-02', 'R-ELIG-03', 'R-ELIG-04', 'R-ELIG-05', 'R-ELIG-07',
      'R-SPEC-01', 'R-SPEC-02', 'R-SPEC-03', 'R-SPEC-04', 'R-SPEC-05', 'R-SPEC-08',
      'R-IND19-KHTNV', 'R-ORG19-HTXS', 'R-ORG19-HTNV', 'R-QUOTA-01', 'R-HEAD-01', 'R-CAP-LOCAL-01',
    ]) expect(ids, id).toContain(id);
    const quotaKinds = rules.filter((r) => r.id === 'R-QUOTA-01').flatMap((r) => r.params.unitKinds as string[]);
    expect(quotaKinds).toEqual(expect.arrayContaining(['cell', 'baseCommittee']));
  });

  it('every rule explains itself in NFC Vietnamese and names its source; keys are unique', () => {
    for (const book of [baseRulebook('r2019'), baseRulebook('r2023'), baseRulebook('r2025'), rulebookOverlay('s000-2021')]) {
      const keys = book.rules.map(ruleKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const rule of book.rules) {
        expect(rule.explanation).toBe(rule.explanation.normalize('NFC'));
        expect(rule.explanation, ruleKey(rule)).toMatch(vietnameseLetter);
        expect(rule.source.length).toBeGreaterThan(0);
      }
    }
  });

  it('r2025 cites the regulations themselves: QĐ 366-QĐ/TW or HD 43-HD/BTCTW with an article or section (rewards: HD 06-HD/TW, striking off: QĐ 24-QĐ/TW)', () => {
    for (const rule of baseRulebook('r2025').rules) {
      expect(rule.source, ruleKey(rule)).toMatch(/^(QĐ 366-QĐ\/TW (Điều \d+|Phụ lục)|HD 43-HD\/BTCTW mục \d|HD 06-HD\/TW điểm \d|QĐ 24-QĐ\/TW điểm \d)/);
      expect(rule.source).not.toMatch(/rules|\.md|\[/);
    }
  });

  it('rules marked [INF] or [UNVERIFIED] in their source are flagged provisional', () => {
    const r = resolveRulebook('r2019', ['s000-2021']).rules;
    expect(r.find((x) => x.id === 'R-SPEC-01')?.provisional).toBe(true); // 66 working days for "3 tháng"
    expect(r.filter((x) => x.id === 'R-QUOTA-01').every((x) => x.provisional)).toBe(true); // floor rounding
    expect(resolveRulebook('r2023').rules.find((x) => x.id === 'R-HEAD-01')?.provisional).toBe(true);
  });

  it('picks the regime by year', () => {
    expect(baseRulebookIdForYear(2021)).toBe('r2019');
    expect(baseRulebookIdForYear(2023)).toBe('r2023');
    expect(baseRulebookIdForYear(2024)).toBe('r2023');
    expect(baseRulebookIdForYear(2025)).toBe('r2025');
    expect(baseRulebookIdForYear(2026)).toBe('r2025');
    expect(baseRulebookIdForYear(2017)).toBeUndefined();
  });

  it('r2023 differs from r2019 for new members only in data (T02)', () => {
    const p19 = resolveRulebook('r2019').rules.find((r) => r.id === 'R-ELIG-03')!;
    const p23 = resolveRulebook('r2023').rules.find((r) => r.id === 'R-ELIG-03')!;
    expect([p19.check, p23.check]).toEqual(['newMember', 'newMember']);
    expect([p19.params.reviewRequired, p23.params.reviewRequired]).toEqual([true, false]);
  });

  it('an overlay changes a param: 90 days for "3 tháng" lets 80 days of sick leave through (T07)', () => {
    const input = { member: member(), facts: facts({ sickLeaveDays: 80, decided: 'good' }), year: 2021, ratingDate: '2021-12-20' } as const;
    expect(evaluateMember({ ...input, rulebook: resolveRulebook('r2019') }).final).toBe('complete');
    const book = resolveRulebookFrom(baseRulebook('r2019'), [overlay({ patches: [{ id: 'R-SPEC-01', params: { thresholdDays: 90 }, source: 'thử nghiệm' }] })]);
    expect(evaluateMember({ ...input, rulebook: book })).toMatchObject({ final: 'good', violations: [] });
  });

  it('an overlay replaces a rule by id and clause, and can disable one', () => {
    const book = resolveRulebookFrom(baseRulebook('r2019'), [
      overlay({
        rules: [{ ...s000Json.rules.find((r) => r.id === 'R-QUOTA-01')!, params: { ratioPercent: 25, unitKinds: ['cell'] } }],
        patches: [{ id: 'R-SPEC-02', enabled: false, source: 'thử nghiệm' }],
      }),
    ]);
    const quota = book.rules.filter((r) => r.id === 'R-QUOTA-01');
    expect(quota.map((r) => [r.clause, r.params.ratioPercent, r.params.rounding])).toEqual([['base', 20, 'floor'], ['cell', 25, 'floor']]);
    expect(book.rules.find((r) => r.id === 'R-SPEC-02')?.enabled).toBe(false);
  });

  it('refuses an overlay for another regime, a patch of an unknown rule, and bad params', () => {
    expect(() => resolveRulebook('r2023', ['s000-2021'])).toThrow(expect.objectContaining({ code: 'RULEBOOK_OVERLAY_MISMATCH' }));
    expect(() => resolveRulebookFrom(baseRulebook('r2019'), [overlay({ patches: [{ id: 'R-NONE-01', source: 'x' }] })])).toThrow(
      expect.objectContaining({ code: 'RULEBOOK_INVALID' }),
    );
    expect(() => resolveRulebookFrom(baseRulebook('r2019'), [overlay({ patches: [{ id: 'R-SPEC-01', params: { thresholdDays: 'ba tháng' }, source: 'x' }] })])).toThrow(
      expect.objectContaining({ code: 'RULEBOOK_INVALID' }),
    );
    expect(() => resolveRulebookFrom(baseRulebook('r2019'), [overlay({ patches: [{ id: 'R-SPEC-01', params: { thresholdDay: 90 }, source: 'x' }] })])).toThrow(
      expect.objectContaining({ code: 'RULEBOOK_INVALID' }),
    );
    expect(() => parseOverlay({ id: 'x', kind: 'overlay' })).toThrow(expect.objectContaining({ code: 'RULEBOOK_INVALID' }));
    expect(() => resolveRulebook('r1999')).toThrow(expect.objectContaining({ code: 'RULEBOOK_NOT_FOUND' }));
    expect(RulebookOverlay.safeParse({ ...s000Json, rules: [{ ...s000Json.rules[0], check: 'astrology' }] }).success).toBe(false);
    expect(RulebookOverlay.safeParse({ ...s000Json, rules: [{ ...s000Json.rules[0], explanation: 'Đảng viên'.normalize('NFD') }] }).success).toBe(false);
  });
});
