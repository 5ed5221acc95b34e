import { describe, expect, it } from 'vitest';
import { Adjustments, DomainError, checkMemberAdjustments, reviewFormFor, reviewSubjectOf, type UnitYear } from '@kd/domain';
import { facts, member, r2019, r2025, scored } from '../evaluation/fixtures';

/** A cell of 2026 with one member forced to incomplete by a reprimand and one rated good. */
const unitYear: UnitYear = {
  unit: { id: 'c1', kind: 'cell', foundedOn: null },
  members: [member({ id: 'A', fullName: 'Nguyễn Văn An' }), member({ id: 'B', fullName: 'Trần Thị Bình' })],
  rows: new Map([
    ['A', { facts: scored(28, 65, { exceedingPercent: 40, discipline: 'reprimand', decided: 'incomplete' }), adjusted: null }],
    ['B', { facts: scored(25, 50, { decided: 'good' }), adjusted: null }],
  ]),
  collective: { proposed: 'good', decided: 'good' },
  adjustedCollective: null,
  meetingDate: null,
};
const check = (members: unknown[], rulebook = r2025) =>
  checkMemberAdjustments({ rulebook, year: 2026, campaignRatingDate: '2026-12-31', unitYear, adjustments: Adjustments.parse({ members }), by: 'Đảng ủy Sở Y tế' });
const reason = 'Vi phạm do tự phát hiện, tự báo cáo và đã khắc phục trước khi xem xét kỷ luật.';

describe('the appraising level’s adjustments (QĐ 366-QĐ/TW Điều 11)', () => {
  it('an override above a forced incomplete needs the circumstance and the reason, and is kept with them', () => {
    const overrides = check([{ memberId: 'A', rating: 'complete', reason, circumstance: 'selfReportedRemedied' }]);
    expect(overrides.get('A')).toEqual({ by: 'Đảng ủy Sở Y tế', circumstance: 'selfReportedRemedied', reason });
  });

  it('refuses it without a reason or without a circumstance (422 OVERRIDE_REASON_REQUIRED)', () => {
    for (const a of [{ memberId: 'A', rating: 'complete', circumstance: 'forceMajeure' }, { memberId: 'A', rating: 'complete', reason }]) {
      const error = (() => { try { check([a]); } catch (e) { return e; } })() as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'OVERRIDE_REASON_REQUIRED', kind: 'unprocessable' });
    }
  });

  it('an adjustment within what the rules allow is no override, but still needs its reason', () => {
    expect(check([{ memberId: 'B', rating: 'complete', reason: 'Chưa hoàn thành nhiệm vụ được giao trong quý IV.' }]).get('B')).toBeNull();
    expect(() => check([{ memberId: 'B', rating: 'complete' }])).toThrow(expect.objectContaining({ code: 'ADJUSTMENT_REASON_REQUIRED' }));
  });

  it('under r2019 naming a circumstance is refused (422 OVERRIDE_NOT_ALLOWED)', () => {
    const old = { ...unitYear, rows: new Map([['A', { facts: facts({ discipline: 'reprimand', decided: 'incomplete' }), adjusted: null }]]) };
    expect(() => checkMemberAdjustments({ rulebook: r2019, year: 2021, campaignRatingDate: '2021-12-20', unitYear: old, adjustments: Adjustments.parse({ members: [{ memberId: 'A', rating: 'complete', reason, circumstance: 'forceMajeure' }] }), by: 'x' }))
      .toThrow(expect.objectContaining({ code: 'OVERRIDE_NOT_ALLOWED' }));
  });
});

describe('which form a member fills in, from the roster (HD 43-HD/BTCTW mục 2.1)', () => {
  const form = (m: Parameters<typeof reviewSubjectOf>[0], sector: string | null) => reviewFormFor(reviewSubjectOf(m, sector)).form;
  it('leaders 2A, others in the political system 2B, members outside it 2C', () => {
    expect(form({ partyPosition: 'secretary', governmentPosition: null, civilServant: true }, 'publicService')).toBe('2A');
    expect(form({ partyPosition: null, governmentPosition: 'Phó Trưởng khoa Nội', civilServant: true }, 'publicService')).toBe('2A');
    expect(form({ partyPosition: 'committeeMember', governmentPosition: null, civilServant: true }, 'publicService')).toBe('2B');
    expect(form({ partyPosition: null, governmentPosition: null, civilServant: false }, 'enterprise')).toBe('2B');
    expect(form({ partyPosition: null, governmentPosition: null, civilServant: false }, 'commune')).toBe('2C');
    expect(form({ partyPosition: 'secretary', governmentPosition: null, civilServant: false }, 'commune')).toBe('2C');
  });
});
