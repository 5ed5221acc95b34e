import { z } from 'zod';
import { LocalDate } from './local-date';
import { PartyPosition } from './party-position';
import { MemberStint, TemporaryAttachment } from './tree/member-history';
import { nfcLine } from './text';

/** Member ids are the party card number or the province's code: letters, digits, `.`, `-`, `/`. */
export const MemberId = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}._\-/]+$/u, 'Mã đảng viên chỉ gồm chữ, số và . _ - /');

export const FullName = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ')).pipe(z.string().min(1).max(120));

/** A party member as the roster knows them (docs/spreadsheets.md, "The roster"). */
export const Member = z.object({
  id: MemberId,
  unitId: z.string().min(1),
  fullName: FullName,
  birthDate: LocalDate.nullable().default(null),
  admittedOn: LocalDate,
  officialOn: LocalDate.nullable().default(null),
  groupId: z.string().nullable().default(null),
  partyPosition: PartyPosition.nullable().default(null),
  governmentPosition: nfcLine(200).nullable().default(null),
  civilServant: z.boolean().default(false),
  exempt: z.boolean().default(false),
  suspended: z.boolean().default(false),
  transferredInOn: LocalDate.nullable().default(null),
  temporaryAttachmentAt: nfcLine(200).nullable().default(null),
  /** The cells the member was registered at, with dates (docs/tree-history.md); absent: always at `unitId`. */
  cells: z.array(MemberStint).optional(),
  /** Temporary attachments with their periods. */
  attachments: z.array(TemporaryAttachment).optional(),
  version: z.number().int().nonnegative().default(1),
});
export type Member = z.infer<typeof Member>;

export type MemberStatus = 'official' | 'probationary';
export function memberStatus(m: Pick<Member, 'officialOn'>): MemberStatus {
  return m.officialOn ? 'official' : 'probationary';
}
export const memberStatusLabels: Record<MemberStatus, string> = { official: 'Chính thức', probationary: 'Dự bị' };
