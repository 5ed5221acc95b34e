import { describe, expect, it } from 'vitest';
import { DomainError, massesAgenda, SessionRecordBody, assertNotComplete, planSession, recordSession, latestSessionEnd, SessionInstant, sessionDay, missingSignatures, signSession, massesOf } from '@kd/domain';
import { recordBody, recordedSession, settings, sixPermanent } from './fixtures';
import { httpStatus } from '@kd/api/http-status';

const at = new Date('2020-11-10T04:45:00Z');

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return `${httpStatus[e.kind]} ${e.code}`;
    throw e;
  }
  return 'no error';
}

const record = (overrides: Parameters<typeof recordBody>[0] = {}, workplace: ReturnType<typeof massesOf> | null = sixPermanent) =>
  recordSession(null, { id: 'S1', unitId: 'C1', year: 2020, body: recordBody(overrides), workplace, settings });

describe('session times in Viet Nam', () => {
  it('reads a time without offset as Viet Nam time and keeps an explicit offset', () => {
    expect(SessionInstant.parse('2020-11-10T08:00')).toBe('2020-11-10T08:00:00.000+07:00');
    expect(SessionInstant.parse('2020-11-10T01:00:00Z')).toBe('2020-11-10T08:00:00.000+07:00');
    expect(SessionInstant.safeParse('10/11/2020 08:00').success).toBe(false);
  });

  it('takes the session day and its end in Asia/Ho_Chi_Minh, not UTC', () => {
    // 06:30 on 10/11 in Viet Nam is still 9 November in UTC.
    expect(sessionDay('2020-11-09T23:30:00Z')).toBe('2020-11-10');
    expect(latestSessionEnd('2020-11-10T06:30:00+07:00', 1).toISOString()).toBe('2020-11-10T17:00:00.000Z');
  });
});

describe('recording a session (R-MASS-04…10)', () => {
  it('T31: a workplace with 6 permanent staff records a session, which is not complete before three signatures', () => {
    const s = recordedSession();
    expect(s.state).toBe('recorded');
    expect(s.record?.members).toHaveLength(3);
    expect(missingSignatures(s)).toEqual(['chair', 'clerk', 'massesRepresentative']);
  });

  it('T30: 4 long-term and 10 short-term staff: 422 MASSES_BELOW_THRESHOLD', () => {
    expect(code(() => record({}, massesOf({ permanent: 0, longTerm: 4, shortTerm: 10, productionLine: 0 }, settings)))).toBe('422 MASSES_BELOW_THRESHOLD');
  });

  it('needs a workplace declared for the unit or above it', () => {
    expect(code(() => record({}, null))).toBe('422 WORKPLACE_MISSING');
  });

  it('may last the whole day but not past its end (SESSION_TOO_LONG)', () => {
    expect(record({ startsAt: '2020-11-10T07:00', endsAt: '2020-11-10T23:59' }).state).toBe('recorded');
    expect(record({ startsAt: '2020-11-10T07:00', endsAt: '2020-11-11T00:00' }).state).toBe('recorded');
    expect(code(() => record({ startsAt: '2020-11-10T07:00', endsAt: '2020-11-11T00:01' }))).toBe('422 SESSION_TOO_LONG');
    expect(code(() => record({ startsAt: '2020-11-10T13:30', endsAt: '2020-11-11T08:00' }))).toBe('422 SESSION_TOO_LONG');
    // 23:00 UTC on 9/11 is 06:00 on 10/11 in Viet Nam: ending at 17:00 Viet Nam time is the same day.
    expect(record({ startsAt: '2020-11-09T23:00:00Z', endsAt: '2020-11-10T17:00:00+07:00' }).state).toBe('recorded');
  });

  it('says why a session is too long in Vietnamese, with the latest end and the source', () => {
    const e = (() => {
      try {
        record({ startsAt: '2020-11-10T13:30', endsAt: '2020-11-11T08:00' });
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('did not throw');
    })();
    expect(e.message).toContain('phải kết thúc chậm nhất lúc 11/11/2020 00:00');
    expect(e.details).toMatchObject({ source: 'Kế hoạch 03-KH/ĐUK ngày 21/10/2020, mục II.3' });
  });

  it('refuses an end before the start', () => {
    expect(code(() => record({ startsAt: '2020-11-10T08:00', endsAt: '2020-11-10T08:00' }))).toBe('422 SESSION_ENDS_BEFORE_START');
  });

  it('needs a reason for every absent member (ABSENCE_REASON_REQUIRED)', () => {
    const members = recordBody().members!.map((m) => (m.present ? m : { memberId: m.memberId, present: false }));
    expect(code(() => record({ members }))).toBe('422 ABSENCE_REASON_REQUIRED');
    const blank = recordBody().members!.map((m) => (m.present ? m : { ...m, absenceReason: '   ' }));
    expect(code(() => record({ members: blank }))).toBe('422 ABSENCE_REASON_REQUIRED');
  });

  it('keeps each member once on the list', () => {
    const [a] = recordBody().members!;
    expect(code(() => record({ members: [a!, a!] }))).toBe('422 SESSION_MEMBER_DUPLICATE');
  });

  it('reads the body strictly: masses present, at least one member, no unknown field', () => {
    expect(SessionRecordBody.safeParse({ ...recordBody(), massesPresent: 0 }).success).toBe(false);
    expect(SessionRecordBody.safeParse({ ...recordBody(), members: [] }).success).toBe(false);
    expect(SessionRecordBody.safeParse({ ...recordBody(), recordedBy: 'x' }).success).toBe(false);
  });

  it('records a planned session, keeping its plan', () => {
    const planned = planSession({ id: 'S1', unitId: 'C1', year: 2020, plan: { startsAt: '2020-11-10T08:00', place: 'Hội trường' } });
    expect(planned.state).toBe('planned');
    const s = recordSession(planned, { id: 'ignored', unitId: 'C1', year: 2020, body: recordBody(), workplace: sixPermanent, settings });
    expect([s.id, s.state, s.plan?.place]).toEqual(['S1', 'recorded', 'Hội trường']);
  });
});

describe('the three signatures (R-MASS-10)', () => {
  it('make the session complete and frozen', () => {
    let s = recordedSession();
    s = signSession(s, { role: 'chair', name: 'Nguyễn Văn Tám' }, at);
    s = signSession(s, { role: 'clerk', name: 'Trần Thị Lan' }, at);
    expect(s.state).toBe('recorded');
    expect(missingSignatures(s)).toEqual(['massesRepresentative']);
    s = signSession(s, { role: 'massesRepresentative', name: 'Phạm Thị Hoa' }, at);
    expect(s.state).toBe('complete');
    expect(s.signatures.map((x) => [x.role, x.name, x.signedAt])).toContainEqual(['massesRepresentative', 'Phạm Thị Hoa', '2020-11-10T11:45:00.000+07:00']);
    expect(code(() => assertNotComplete(s))).toBe('409 SESSION_COMPLETE');
    expect(code(() => recordSession(s, { id: 'S1', unitId: 'C1', year: 2020, body: recordBody(), workplace: sixPermanent, settings }))).toBe('409 SESSION_COMPLETE');
    expect(code(() => signSession(s, { role: 'chair', name: 'Nguyễn Văn Tám' }, at))).toBe('409 SESSION_COMPLETE');
  });

  it('are given once per role, and only to a recorded session', () => {
    const s = signSession(recordedSession(), { role: 'chair', name: 'Nguyễn Văn Tám' }, at);
    expect(code(() => signSession(s, { role: 'chair', name: 'Người khác' }, at))).toBe('409 ALREADY_SIGNED');
    const planned = planSession({ id: 'S2', unitId: 'C1', year: 2020, plan: { startsAt: '2020-11-12T08:00' } });
    expect(code(() => signSession(planned, { role: 'chair', name: 'Nguyễn Văn Tám' }, at))).toBe('409 SESSION_NOT_RECORDED');
  });

  it('given so far are dropped when the record is corrected: they were given to other text', () => {
    const signed = signSession(recordedSession(), { role: 'chair', name: 'Nguyễn Văn Tám' }, at);
    const corrected = recordSession(signed, { id: 'S1', unitId: 'C1', year: 2020, body: recordBody({ massesPresent: 7 }), workplace: sixPermanent, settings });
    expect([corrected.state, corrected.signatures, corrected.record?.massesPresent]).toEqual(['recorded', [], 7]);
  });
});

describe('the agenda of Kế hoạch 03-KH/ĐUK mục II.5', () => {
  it('has its three parts, ending with the three signatures', () => {
    expect(massesAgenda.map((p) => p.title)).toEqual(['Nghi thức', 'Nội dung', 'Kết thúc']);
    expect(massesAgenda[1]!.items).toContain('Đóng góp của quần chúng');
    expect(massesAgenda[2]!.items.at(-1)).toBe('Chủ trì, thư ký, đại diện quần chúng ký vào biên bản');
  });
});
