import { z } from 'zod';
import { LocalDate } from '../local-date';
import { FullName, MemberId } from '../member';
import type { CommentHeading } from './comment-form';

/**
 * A member's written self-criticism before the masses (R-MASS-06): one per member and year, on the
 * form for members with a position (party or government) or without one (the two forms attached to
 * Kế hoạch 03-KH/ĐUK).
 */
export const selfCriticismForms = ['withPosition', 'withoutPosition'] as const;
export const SelfCriticismForm = z.enum(selfCriticismForms);
export type SelfCriticismForm = z.infer<typeof SelfCriticismForm>;

/** The form for a member: with a position when they hold one in the party or the government. */
export function selfCriticismFormFor(member: { partyPosition?: string | null; governmentPosition?: string | null }): SelfCriticismForm {
  return member.partyPosition || member.governmentPosition ? 'withPosition' : 'withoutPosition';
}

/** The five headings of part I, in the order of the forms (the comment form numbers them 1–5 the same way). */
export const strengthKeys = ['politicalThought', 'ethicsAndLifestyle', 'duties', 'discipline', 'previousShortcomings'] as const;
export const StrengthKey = z.enum(strengthKeys);
export type StrengthKey = z.infer<typeof StrengthKey>;
export const headingOfStrength: Record<StrengthKey, CommentHeading> = {
  politicalThought: 1,
  ethicsAndLifestyle: 2,
  duties: 3,
  discipline: 4,
  previousShortcomings: 5,
};

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/[ \t]+/g, ' '));
const Line = nfc.pipe(z.string().max(300)).nullish();
const Body = z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(20_000)).nullish();

export const SelfCriticismBody = z
  .strictObject({
    form: SelfCriticismForm,
    identity: z.strictObject({
      fullName: FullName,
      birthDate: LocalDate.nullish(),
      /** Labels as printed ("Bí thư Chi bộ"), with-position form only. */
      partyPosition: Line,
      governmentPosition: Line,
      workplace: Line,
      cellName: Line,
      /** "Nhiệm vụ được phân công": without-position form only. */
      duties: Line,
    }),
    /** Part I, one text per heading; missing prints dotted lines. */
    strengths: z.partialRecord(StrengthKey, Body).default({}),
    /** Part II: the shortcomings under the same headings, then their causes. */
    shortcomings: Body,
    causes: Body,
    /** Part III. */
    remedies: Body,
    /** The committee's comment (with-position form only), written by the committee, not the member. */
    committeeComment: Body,
  })
  .superRefine((b, ctx) => {
    const refuse = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (b.form === 'withoutPosition') {
      if (b.identity.partyPosition) refuse(['identity', 'partyPosition'], 'Mẫu dành cho đảng viên không có chức vụ không ghi chức vụ Đảng');
      if (b.identity.governmentPosition) refuse(['identity', 'governmentPosition'], 'Mẫu dành cho đảng viên không có chức vụ không ghi chức vụ chính quyền');
      if (b.committeeComment) refuse(['committeeComment'], 'Mẫu dành cho đảng viên không có chức vụ không có phần nhận xét của cấp ủy');
    } else if (b.identity.duties) {
      refuse(['identity', 'duties'], 'Mẫu dành cho đảng viên có chức vụ ghi chức vụ Đảng, chức vụ chính quyền, không ghi nhiệm vụ được phân công');
    }
  });
export type SelfCriticismBody = z.input<typeof SelfCriticismBody>;

export const SelfCriticism = z.object({
  memberId: MemberId,
  unitId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  body: SelfCriticismBody,
});
export type SelfCriticism = z.infer<typeof SelfCriticism>;
