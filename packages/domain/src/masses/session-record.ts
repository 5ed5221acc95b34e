import { DomainError } from '../errors/index';
import { formatVietnameseDateTime } from '../local-date';
import type { MassesSettings } from './masses-settings';
import { MassesSession, SessionPlanBody, SessionRecordBody, type SessionRecord } from './masses-session';
import { latestSessionEnd } from './session-time';
import type { WorkplaceMasses } from './workplace';

/**
 * The business checks of a recorded session, in the order a clerk can fix them (422):
 * `WORKPLACE_MISSING` (no workplace declared for the unit or above it), `MASSES_BELOW_THRESHOLD`
 * (R-MASS-02), `SESSION_ENDS_BEFORE_START`, `SESSION_TOO_LONG` (R-MASS-04), `SESSION_MEMBER_DUPLICATE`,
 * `ABSENCE_REASON_REQUIRED` (R-MASS-09).
 */
export function checkSessionRecord(record: SessionRecord, workplace: WorkplaceMasses | null, settings: MassesSettings): void {
  if (!workplace) {
    throw new DomainError('WORKPLACE_MISSING', 'Chưa khai báo cơ quan, đơn vị, doanh nghiệp và số quần chúng của đơn vị trong năm.');
  }
  const threshold = settings.threshold.value;
  if (workplace.countedMasses < threshold) {
    throw new DomainError('MASSES_BELOW_THRESHOLD', `Cơ quan, đơn vị có ${workplace.countedMasses} quần chúng (biên chế, hợp đồng dài hạn), dưới ${threshold}: không tổ chức tự phê bình trước quần chúng. ${settings.threshold.explanation}`,
      { countedMasses: workplace.countedMasses, threshold, source: settings.threshold.source },
    );
  }
  const starts = new Date(record.startsAt);
  const ends = new Date(record.endsAt);
  if (ends.getTime() <= starts.getTime()) {
    throw new DomainError('SESSION_ENDS_BEFORE_START', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', { startsAt: record.startsAt, endsAt: record.endsAt });
  }
  const latest = latestSessionEnd(record.startsAt, settings.longestSessionDays.value);
  if (ends.getTime() > latest.getTime()) {
    throw new DomainError('SESSION_TOO_LONG', `Buổi tự phê bình bắt đầu lúc ${formatVietnameseDateTime(starts)} phải kết thúc chậm nhất lúc ${formatVietnameseDateTime(latest)}. ${settings.longestSessionDays.explanation}`,
      { startsAt: record.startsAt, endsAt: record.endsAt, latestEnd: latest.toISOString(), source: settings.longestSessionDays.source },
    );
  }
  const seen = new Set<string>();
  record.members.forEach((m, index) => {
    if (seen.has(m.memberId)) {
      throw new DomainError('SESSION_MEMBER_DUPLICATE', `Đảng viên ${m.memberId} có tên hai lần trong danh sách.`, { index, memberId: m.memberId });
    }
    seen.add(m.memberId);
    if (!m.present && !m.absenceReason) {
      throw new DomainError('ABSENCE_REASON_REQUIRED', 'Đảng viên vắng mặt phải có lý do chính đáng (Kế hoạch 03-KH/ĐUK mục II.5); cấp ủy thông báo lại ý kiến cho đảng viên vắng mặt.',
        { index, memberId: m.memberId },
      );
    }
  });
}

/** A complete session's record no longer changes (R-MASS-10): 409 `SESSION_COMPLETE`. */
export function assertNotComplete(session: Pick<MassesSession, 'state'>): void {
  if (session.state === 'complete') {
    throw new DomainError('SESSION_COMPLETE', 'Biên bản đã có đủ chữ ký chủ trì, thư ký, đại diện quần chúng; không thể sửa đổi.');
  }
}

/** A new planned session. */
export function planSession(input: { id: string; unitId: string; year: number; plan: SessionPlanBody }): MassesSession {
  return MassesSession.parse({ id: input.id, unitId: input.unitId, year: input.year, state: 'planned', plan: SessionPlanBody.parse(input.plan), record: null, signatures: [] });
}

/**
 * Records what a session was, on a planned session, a new one (`existing` null) or a recorded one
 * being corrected. A correction drops the signatures given so far: they were given to other text.
 */
export function recordSession(
  existing: MassesSession | null,
  input: { id: string; unitId: string; year: number; body: SessionRecordBody; workplace: WorkplaceMasses | null; settings: MassesSettings },
): MassesSession {
  if (existing) assertNotComplete(existing);
  const record = SessionRecordBody.parse(input.body);
  checkSessionRecord(record, input.workplace, input.settings);
  return MassesSession.parse({
    id: existing?.id ?? input.id,
    unitId: existing?.unitId ?? input.unitId,
    year: existing?.year ?? input.year,
    state: 'recorded',
    plan: existing?.plan ?? null,
    record,
    signatures: [],
  });
}
