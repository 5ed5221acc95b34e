import { z } from 'zod';
import { FullName, MemberId } from '../member';
import { SessionInstant } from './session-time';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/[ \t]+/g, ' '));
const Place = nfc.pipe(z.string().min(1, 'Địa điểm không được để trống').max(300));
const LongText = nfc.pipe(z.string().max(5000));

/** planned → recorded → complete (all three signatures, R-MASS-10); a complete session no longer changes. */
export const massesSessionStates = ['planned', 'recorded', 'complete'] as const;
export const MassesSessionState = z.enum(massesSessionStates);
export type MassesSessionState = z.infer<typeof MassesSessionState>;

export const massesSessionStateLabels: Record<MassesSessionState, string> = {
  planned: 'Đã lên kế hoạch',
  recorded: 'Đã tổ chức, chờ ký biên bản',
  complete: 'Hoàn thành (đủ chữ ký chủ trì, thư ký, đại diện quần chúng)',
};

/** Planning a session before it is held (the team's design): when and where. */
export const SessionPlanBody = z.strictObject({
  startsAt: SessionInstant,
  endsAt: SessionInstant.nullish(),
  place: Place.nullish(),
});
export type SessionPlanBody = z.input<typeof SessionPlanBody>;

/**
 * One member on the session's list: present, with the duties the committee representative reads
 * out and the committee's summary of their main strengths and weaknesses (R-MASS-07); or absent,
 * with the reason (R-MASS-09).
 */
export const SessionMember = z.strictObject({
  memberId: MemberId,
  present: z.boolean(),
  absenceReason: nfc.pipe(z.string().max(500)).nullish(),
  duties: LongText.nullish(),
  summary: LongText.nullish(),
});
export type SessionMember = z.infer<typeof SessionMember>;

/** `POST …/masses-sessions`: what the session was. Business checks are in `checkSessionRecord`. */
export const SessionRecordBody = z.strictObject({
  startsAt: SessionInstant,
  endsAt: SessionInstant,
  place: Place,
  chair: FullName,
  clerk: FullName,
  committeeRepresentative: FullName,
  massesPresent: z.number().int().min(1, 'Phải có quần chúng tham dự').max(100_000),
  members: z.array(SessionMember).min(1, 'Danh sách đảng viên tự phê bình không được để trống').max(500),
  /** Guests introduced at the opening (agenda, part 1), as printed in the minutes. */
  guests: z.array(nfc.pipe(z.string().min(1).max(300))).max(50).default([]),
  /** What the committee representative answered at the end of the contributions (agenda, part 2). */
  acknowledgement: LongText.nullish(),
});
export type SessionRecordBody = z.input<typeof SessionRecordBody>;
export type SessionRecord = z.infer<typeof SessionRecordBody>;

export const signatureRoles = ['chair', 'clerk', 'massesRepresentative'] as const;
export const SignatureRole = z.enum(signatureRoles);
export type SignatureRole = z.infer<typeof SignatureRole>;
export const signatureRoleLabels: Record<SignatureRole, string> = {
  chair: 'Chủ trì',
  clerk: 'Thư ký',
  massesRepresentative: 'Đại diện quần chúng',
};

/** `POST …/signatures`. */
export const SignatureBody = z.strictObject({ role: SignatureRole, name: FullName });
export type SignatureBody = z.input<typeof SignatureBody>;

/** Who signed the minutes in which role, and when. */
export const Signature = SignatureBody.extend({ signedAt: z.iso.datetime({ offset: true }) });
export type Signature = z.infer<typeof Signature>;

export const MassesSession = z.strictObject({
  id: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  state: MassesSessionState,
  plan: SessionPlanBody.nullable(),
  record: SessionRecordBody.nullable(),
  signatures: z.array(Signature).max(signatureRoles.length),
});
export type MassesSession = z.infer<typeof MassesSession>;

export const isHeld = (s: Pick<MassesSession, 'state'>): boolean => s.state !== 'planned';
