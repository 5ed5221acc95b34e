import { describe, expect, it } from 'vitest';
import { deadlineText, isOnTime, DomainError, defaultMassesDates, massesMilestoneLine, openMassesReview, parseMassesSettings, requireMassesSettings, traVinhMassesSettings, withMassesPatch } from '@kd/domain';
import { httpStatus } from '@kd/api/http-status';

const settings = traVinhMassesSettings;

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('masses settings (QĐ 3054-QĐ/TU, Kế hoạch 03-KH/ĐUK)', () => {
  it('carries Kế hoạch 03-KH/ĐUK: threshold 5, permanent and long-term staff counted, one day at most', () => {
    expect(settings.threshold.value).toBe(5);
    expect(settings.countedContracts.value).toEqual(['permanent', 'longTerm']);
    expect(settings.longestSessionDays.value).toBe(1);
    expect(settings.sources.join(' ')).toContain('3054-QĐ/TU');
  });

  it('names a source in Vietnamese for every parameter and marks the one-day reading as an interpretation', () => {
    for (const p of [settings.threshold, settings.countedContracts, settings.longestSessionDays, ...Object.values(settings.milestones)]) {
      expect(p.source).toMatch(/^Kế hoạch 03-KH\/ĐUK ngày 21\/10\/2020, mục (II|IV)\.\d$/);
      expect(p.explanation).toBe(p.explanation.normalize('NFC'));
      expect(p.explanation).toMatch(/[àáảãạăâđêôơư]/);
    }
    expect(settings.longestSessionDays.interpretation).toContain('cuối ngày');
  });

  it('refuses malformed settings with one code', () => {
    const e = thrown(() => parseMassesSettings({ ...settings, threshold: { value: 0, explanation: 'x', source: 'y' } }));
    expect(e.code).toBe('MASSES_SETTINGS_INVALID');
    expect(thrown(() => parseMassesSettings({ ...settings, extra: 1 })).code).toBe('MASSES_SETTINGS_INVALID');
  });

  it('lets a tenant change a parameter with its own source', () => {
    const patched = withMassesPatch(settings, {
      id: 'tinh-x-2024',
      threshold: { value: 7, explanation: 'Đơn vị có từ 07 quần chúng trở lên mới tổ chức.', source: 'Kế hoạch 12-KH/TU năm 2024, mục II' },
    });
    expect(patched.threshold.value).toBe(7);
    expect(patched.threshold.source).toContain('12-KH/TU');
    expect(patched.longestSessionDays).toEqual(settings.longestSessionDays);
  });

  it('answers 404 MASSES_NOT_ENABLED for a tenant without the rule', () => {
    const e = thrown(() => requireMassesSettings(null));
    expect([httpStatus[e.kind], e.code]).toEqual([404, 'MASSES_NOT_ENABLED']);
    expect(requireMassesSettings(settings)).toBe(settings);
  });
});

describe('openMassesReview', () => {
  it('sets the milestones of the 2020 plan: sessions by 15/11, base committees by 20/11, the bloc by 30/11', () => {
    const review = openMassesReview(settings, 2020);
    expect(review.milestones.map((m) => [m.id, m.date, m.event])).toEqual([
      ['sessionsBy', '2020-11-15', 'massesSessionsDone'],
      ['baseReportBy', '2020-11-20', 'baseMassesReportSent'],
      ['blocReportBy', '2020-11-30', 'blocMassesReportSent'],
    ]);
    const sessions = review.milestones[0]!;
    expect(deadlineText(sessions)).toBe('chậm nhất đến hết ngày 15/11/2020');
    expect(massesMilestoneLine(sessions)).toBe('Hoàn thành việc tự phê bình và phê bình trước quần chúng: chậm nhất đến hết ngày 15/11/2020');
    // "Đến hết ngày 15/11": 23:59 Viet Nam time is on time, midnight is late.
    expect(isOnTime(sessions, new Date('2020-11-15T23:59:00+07:00'))).toBe(true);
    expect(isOnTime(sessions, new Date('2020-11-16T00:00:00+07:00'))).toBe(false);
    expect(review.milestones[2]!.actorKinds).toEqual(['bloc']);
  });

  it('moves the dates of the plan to another year when the plan gives none', () => {
    expect(defaultMassesDates(settings, 2021)).toEqual({ sessionsBy: '2021-11-15', baseReportBy: '2021-11-20', blocReportBy: '2021-11-30' });
  });

  it('refuses dates out of the cascade order or outside the year', () => {
    expect(thrown(() => openMassesReview(settings, 2020, { sessionsBy: '2020-11-25', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' })).code).toBe(
      'MASSES_MILESTONES_OUT_OF_ORDER',
    );
    expect(thrown(() => openMassesReview(settings, 2020, { sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2021-01-05' })).code).toBe(
      'MASSES_MILESTONE_OUTSIDE_YEAR',
    );
  });
});
