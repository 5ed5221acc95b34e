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

/** Government titles that are leadership or management posts (heads and deputies of a body or a department). */
const leadershipTitle = /^(phó\s+)?(tổng\s+)?(giám đốc|trưởng|chủ tịch|chánh|hiệu trưởng|viện trưởng|thủ trưởng|chỉ huy trưởng|tổng biên tập|bí thư)(\s|$)/iu;
/** Sectors whose members work inside the political system (Party, State, Front, organisations, public units, state enterprises, armed forces). */
const politicalSectors = new Set(['agency', 'publicService', 'enterprise', 'armedForces']);

/**
 * The subject of a member's form, as far as the roster tells it (the cell may choose another form
 * on the sheet page): a leadership or management post is a committee post of secretary, deputy or
 * standing member, or a government title of head or deputy; the political system is a civil
 * servant's or public employee's job, a government title, or a unit of the agency, public-service,
 * enterprise or armed-forces sector. Members of commune and residential cells without either are
 * taken as outside it (Mẫu 2C: retirees, pupils and students, private employees). These are this
 * system's readings of HD 43-HD/BTCTW mục 2.1, not the guidance's words.
 *
 * @example reviewSubjectOf({ partyPosition: null, governmentPosition: null, civilServant: false }, 'commune') // outside: Mẫu 2C
 */
export function reviewSubjectOf(
  member: { partyPosition: string | null; governmentPosition: string | null; civilServant: boolean },
  sector: string | null,
): ReviewSubject {
  const title = (member.governmentPosition ?? '').normalize('NFC').trim();
  const holdsLeadershipPost = ['secretary', 'deputySecretary', 'standingCommitteeMember'].includes(member.partyPosition ?? '') || leadershipTitle.test(title);
  const worksInPoliticalSystem = member.civilServant || title !== '' || (sector !== null && politicalSectors.has(sector));
  return { kind: 'member', worksInPoliticalSystem, holdsLeadershipPost };
}

/** The framework variant (khối) a unit's sector suggests, where one clearly does; the sheet page lets the cell choose. */
export function variantOfSector(sector: string | null): string | null {
  const map: Record<string, string> = { publicService: 'publicService', enterprise: 'stateEnterprise', armedForces: 'armedForces', agency: 'stateAdministration' };
  return sector ? (map[sector] ?? null) : null;
}
