import { describe, expect, it } from 'vitest';
import { deadlineText, isOnTime, milestoneWindow } from '@kd/domain';

describe('milestone deadlines in Asia/Ho_Chi_Minh', () => {
  const dossier = { wording: 'before' as const, date: '2021-12-22', fromDate: null };

  it('"trước ngày 22/12" is met at 23:30 on 21/12 and missed at 00:10 on 22/12, though that is still 21/12 in UTC', () => {
    expect(isOnTime(dossier, new Date('2021-12-21T23:30:00+07:00'))).toBe(true);
    expect(isOnTime(dossier, new Date('2021-12-22T00:10:00+07:00'))).toBe(false);
    expect(new Date('2021-12-22T00:10:00+07:00').toISOString().slice(0, 10)).toBe('2021-12-21');
    expect(milestoneWindow(dossier).due.toISOString()).toBe('2021-12-21T17:00:00.000Z');
  });

  it('"ngày D" and "chậm nhất ngày D" run to the end of D; a window runs from the start of A to the end of B', () => {
    expect(isOnTime({ wording: 'on', date: '2021-12-20', fromDate: null }, new Date('2021-12-20T23:59:00+07:00'))).toBe(true);
    expect(isOnTime({ wording: 'noLaterThan', date: '2021-12-20', fromDate: null }, new Date('2021-12-21T00:00:00+07:00'))).toBe(false);
    const appraisal = { wording: 'window' as const, date: '2021-12-29', fromDate: '2021-12-23' };
    expect(milestoneWindow(appraisal).opens?.toISOString()).toBe('2021-12-22T17:00:00.000Z');
    expect(deadlineText(appraisal)).toBe('từ ngày 23/12/2021 đến ngày 29/12/2021');
    expect(deadlineText(dossier)).toBe('trước ngày 22/12/2021');
  });
});
