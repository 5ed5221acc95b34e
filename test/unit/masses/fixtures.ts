import { traVinhMassesSettings, MassesSession, recordSession, massesOf, type SessionRecordBody } from '@kd/domain';

/** A cell of the Trà Vinh bloc (Kế hoạch 03-KH/ĐUK) holding its 2020 session; names are made up. */
export const settings = traVinhMassesSettings;
export const sixPermanent = massesOf({ permanent: 6, longTerm: 0, shortTerm: 0, productionLine: 0 }, settings);

export function recordBody(overrides: Partial<SessionRecordBody> = {}): SessionRecordBody {
  return {
    startsAt: '2020-11-10T08:00',
    endsAt: '2020-11-10T11:30',
    place: 'Hội trường Sở Tài chính',
    chair: 'Nguyễn Văn Tám',
    clerk: 'Trần Thị Lan',
    committeeRepresentative: 'Lê Minh Hùng',
    massesPresent: 6,
    members: [
      { memberId: 'DV001', present: true, duties: 'Bí thư Chi bộ, Giám đốc Sở', summary: 'Ưu điểm: gương mẫu. Khuyết điểm: chưa sâu sát cơ sở.' },
      { memberId: 'DV002', present: true, duties: 'Kế toán trưởng', summary: 'Hoàn thành tốt nhiệm vụ; đôi khi chậm báo cáo.' },
      { memberId: 'DV003', present: false, absenceReason: 'Đi học tập trung tại Trường Chính trị tỉnh' },
    ],
    ...overrides,
  };
}

export function recordedSession(id = 'S1', overrides: Partial<SessionRecordBody> = {}): MassesSession {
  return recordSession(null, { id, unitId: 'C1', year: 2020, body: recordBody(overrides), workplace: sixPermanent, settings });
}
