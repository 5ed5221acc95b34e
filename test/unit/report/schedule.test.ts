import { describe, expect, it } from 'vitest';
import { dueInstants, latestDailyTick, nextDailyTick, nextTick, reminderDate, ticksBetween, tickId } from '@kd/domain';

const dossier = { wording: 'before' as const, date: '2021-12-22', fromDate: null };

describe('the report schedule, in Asia/Ho_Chi_Minh', () => {
  it('runs every day at 07:00 Vietnamese time (00:00 UTC)', () => {
    expect(nextDailyTick(new Date('2021-12-21T06:59:59+07:00')).toISOString()).toBe('2021-12-21T00:00:00.000Z');
    expect(nextDailyTick(new Date('2021-12-21T07:00:00+07:00')).toISOString()).toBe('2021-12-22T00:00:00.000Z');
    expect(latestDailyTick(new Date('2021-12-21T06:59:59+07:00')).toISOString()).toBe('2021-12-20T00:00:00.000Z');
  });

  it('also wakes at each milestone due time, before the next morning run', () => {
    const dues = dueInstants([dossier, { wording: 'on', date: '2021-12-20', fromDate: null }]);
    expect(dues.map((d) => d.toISOString())).toEqual(['2021-12-20T17:00:00.000Z', '2021-12-21T17:00:00.000Z']);
    expect(nextTick(new Date('2021-12-21T12:00:00+07:00'), dues)).toEqual({ kind: 'due', at: '2021-12-21T17:00:00.000Z' });
    expect(nextTick(new Date('2021-12-22T00:00:00+07:00'), dues)).toEqual({ kind: 'daily', at: '2021-12-22T00:00:00.000Z' });
  });

  it('lists the ticks a stopped process missed, oldest first', () => {
    const ticks = ticksBetween(new Date('2021-12-21T12:00:00+07:00'), new Date('2021-12-22T08:00:00+07:00'), dueInstants([dossier]));
    expect(ticks.map(tickId)).toEqual(['due#2021-12-21T17:00:00.000Z', 'daily#2021-12-22']);
  });

  it('sends reminders N days before the last day of the milestone ("trước ngày 22/12" ends on 21/12)', () => {
    expect(reminderDate(dossier, 0)).toBe('2021-12-21');
    expect(reminderDate(dossier, 2)).toBe('2021-12-19');
    expect(reminderDate({ wording: 'window', date: '2021-12-29', fromDate: '2021-12-23' }, 1)).toBe('2021-12-28');
  });

  it('names a tick by its scheduled instant, whenever it is delivered', () => {
    expect(tickId({ kind: 'daily', at: '2021-12-22T00:00:00.000Z' })).toBe('daily#2021-12-22');
    expect(tickId({ kind: 'due', at: '2021-12-22T00:00:00+07:00' })).toBe('due#2021-12-21T17:00:00.000Z');
  });
});
