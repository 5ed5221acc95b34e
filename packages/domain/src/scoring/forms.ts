import { z } from 'zod';

/** The review forms of HD 43-HD/BTCTW: the collective's report and the three individual forms. */
export const reviewForms = ['01', '2A', '2B', '2C'] as const;
export const ReviewForm = z.enum(reviewForms);
export type ReviewForm = z.infer<typeof ReviewForm>;

export interface ReviewFormInfo {
  /** As printed at the top of the form. */
  readonly code: string;
  /** The framework the form's part B scores against (QĐ 366-QĐ/TW Điều 10). */
  readonly appendix: number;
  /** Who fills it in, in HD 43's words. */
  readonly subjects: string;
}

export const reviewFormInfo: Record<ReviewForm, ReviewFormInfo> = {
  '01': { code: 'Mẫu 01-HD KĐ.ĐG 2025', appendix: 1, subjects: 'tập thể' },
  '2A': { code: 'Mẫu 02A-HD KĐ.ĐG 2025', appendix: 3, subjects: 'cá nhân giữ chức vụ lãnh đạo, quản lý' },
  '2B': { code: 'Mẫu 02B-HD KĐ.ĐG 2025', appendix: 4, subjects: 'cá nhân không giữ chức vụ lãnh đạo, quản lý' },
  '2C': { code: 'Mẫu 2C-HD KĐ.ĐG 2025', appendix: 5, subjects: 'đảng viên không làm việc trong hệ thống chính trị' },
};

/** Who is reviewed: a collective, or a member with what decides the form. */
export const ReviewSubject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('collective') }),
  z.strictObject({
    kind: z.literal('member'),
    /** Works in the political system (Party, State, Front and organisations); retirees, pupils and students, private-sector employees do not. */
    worksInPoliticalSystem: z.boolean(),
    holdsLeadershipPost: z.boolean(),
    /** A leader managed by the Central Committee, the Politburo or the Secretariat (Phụ lục 2). */
    centrallyManaged: z.boolean().default(false),
  }),
]);
export type ReviewSubject = z.input<typeof ReviewSubject>;

/**
 * The form and the framework for a subject (HD 43-HD/BTCTW mục 2.1: Mẫu 2A for leaders and
 * managers, 2B for those without a post, 2C for members outside the political system; Mẫu 01 for
 * collectives; QĐ 366-QĐ/TW Điều 10 for the appendices).
 *
 * @example reviewFormFor({ kind: 'member', worksInPoliticalSystem: false, holdsLeadershipPost: false }) // { form: '2C', appendix: 5 }
 */
export function reviewFormFor(raw: ReviewSubject): { form: ReviewForm; appendix: number } {
  const subject = ReviewSubject.parse(raw);
  if (subject.kind === 'collective') return { form: '01', appendix: 1 };
  if (!subject.worksInPoliticalSystem) return { form: '2C', appendix: 5 };
  if (subject.holdsLeadershipPost) return { form: '2A', appendix: subject.centrallyManaged ? 2 : 3 };
  return { form: '2B', appendix: 4 };
}
