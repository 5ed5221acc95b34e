import { collectiveReviewHeadings, collectiveReviewSectionKeys, committeeReviewSections, memberReviewSections, reviewSections, selfReviewParts, type ReviewForm, type ReviewSection, type SelfReviewSection } from '@kd/domain';

/** A place to write on a review page: the form field's name (`s:` the 2019 sections, `f:` HD 43's), its heading and guidance. */
export interface WritableSection {
  field: string;
  heading: string;
  guidance?: string | undefined;
}

const fromSelfReview = (sections: readonly SelfReviewSection[], prefix = ''): WritableSection[] =>
  sections.flatMap((s, i) => {
    const number = `${prefix}${i + 1}`;
    return [...(s.key ? [{ field: `s:${s.key}`, heading: `${number}. ${s.heading}`, guidance: s.guidance }] : []), ...fromSelfReview(s.children ?? [], `${number}.`)];
  });

const fromForm = (sections: readonly ReviewSection[], prefix = ''): WritableSection[] =>
  sections.flatMap((s) => {
    const number = `${prefix}${s.number}`;
    return [...(s.key ? [{ field: `f:${s.key}`, heading: `${number}. ${s.heading}` }] : []), ...fromForm(s.children ?? [], `${number}.`)];
  });

/**
 * The sections of the campaign's regime: seed 000's Mẫu 2A (and the committee member's part) and
 * Mẫu 1A under the 2019 rules; HD 43-HD/BTCTW's Mẫu 2A/2B/2C and Mẫu 01 under r2025.
 */
export function selfReviewFields(form: ReviewForm | null, isCommitteeMember: boolean): WritableSection[] {
  if (form) return fromForm(reviewSections[form]);
  const committee = isCommitteeMember ? fromSelfReview(committeeReviewSections).map((s) => ({ ...s, heading: `${selfReviewParts.committeeReview}: ${s.heading}` })) : [];
  return [...fromSelfReview(memberReviewSections), ...committee, { field: 's:remedies', heading: selfReviewParts.remedies }];
}

export function collectiveReviewFields(scored: boolean): WritableSection[] {
  if (scored) return fromForm(reviewSections['01']);
  return collectiveReviewSectionKeys.map((k, i) => ({ field: `s:${k}`, heading: `${i + 1}. ${collectiveReviewHeadings[k]}` }));
}

/** The texts a review form posted, split into the two records' section maps. */
export function sectionsFromForm(form: Record<string, unknown>): { sections: Record<string, string>; formSections: Record<string, string> } {
  const sections: Record<string, string> = {};
  const formSections: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (k.startsWith('s:')) sections[k.slice(2)] = v;
    if (k.startsWith('f:')) formSections[k.slice(2)] = v;
  }
  return { sections, formSections };
}
