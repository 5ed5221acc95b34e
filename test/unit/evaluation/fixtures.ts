import { Member, MemberFacts, evaluateMember, resolveRulebook, type MemberFactsInput, type Rating, type MemberEvaluation, type ResolvedRulebook } from '@kd/domain';

export const r2019 = resolveRulebook('r2019');
export const s000 = resolveRulebook('r2019', ['s000-2021']);
export const r2023 = resolveRulebook('r2023');
export const r2025 = resolveRulebook('r2025');
export const rulebooks: Record<string, ResolvedRulebook> = { r2019, 'r2019+s000-2021': s000, r2023, r2025 };

export type MemberInput = Partial<Omit<Member, 'id' | 'unitId'>> & { id?: string; unitId?: string };

export function member(overrides: MemberInput = {}): Member {
  return Member.parse({ id: 'DV01', unitId: 'CB-PHOI', fullName: 'Nguyễn Văn An', admittedOn: '2010-03-15', officialOn: '2011-03-15', ...overrides });
}

export function facts(overrides: MemberFactsInput = {}): MemberFacts {
  return MemberFacts.parse(overrides);
}

/** Members of one cell with the given decided ratings, evaluated under `rulebook`. */
export function cellEvaluations(rulebook: ResolvedRulebook, decided: readonly Rating[], extra: MemberInput = {}): MemberEvaluation[] {
  return decided.map((rating, i) =>
    evaluateMember({
      rulebook,
      member: member({ id: `DV${String(i + 1).padStart(2, '0')}`, fullName: `Trần Thị Bình ${i + 1}`, ...extra }),
      facts: facts({ decided: rating }),
      year: 2021,
      ratingDate: '2021-12-20',
    }),
  );
}

export function repeat<T>(value: T, n: number): T[] {
  return Array.from({ length: n }, () => value);
}

/** Letters that only Vietnamese text has: a message in Vietnamese contains at least one. */
export const vietnameseLetter = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

/**
 * A member's facts under the 100-point regime: general / tasks scores, and everything not named
 * as the T25 cases assume (tasks 100 %, none late, none exceeding, remedied, no discipline).
 */
export function scored(general: number | null, tasks: number | null, overrides: MemberFactsInput = {}): MemberFacts {
  return facts({ generalScore: general, taskScore: tasks, taskCompletionPercent: 100, latePercent: 0, exceedingPercent: 0, shortcomingsRemedied: true, ...overrides });
}
