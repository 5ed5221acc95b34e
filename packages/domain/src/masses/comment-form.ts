import { z } from 'zod';

/**
 * The comment form of the masses ("Phiếu ghi ý kiến đóng góp", form attached to Kế hoạch
 * 03-KH/ĐUK): strengths and shortcomings under five headings, then proposals. Texts as printed on
 * the form; the API numbers the headings 1–5.
 */
export const commentHeadings = [1, 2, 3, 4, 5] as const;
export const CommentHeading = z.union(commentHeadings.map((h) => z.literal(h)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<5>], {
  error: 'Mục góp ý phải là một số từ 1 đến 5',
});
export type CommentHeading = z.infer<typeof CommentHeading>;

export const commentHeadingLabels: Record<CommentHeading, string> = {
  1: 'Tư tưởng chính trị',
  2: 'Phẩm chất, đạo đức, lối sống',
  3: 'Thực hiện chức trách (nhiệm vụ được giao)',
  4: 'Ý thức tổ chức, kỷ luật',
  5: 'Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị, doanh nghiệp (nếu có)',
};

export const commentKinds = ['strength', 'shortcoming', 'proposal'] as const;
export const CommentKind = z.enum(commentKinds);
export type CommentKind = z.infer<typeof CommentKind>;

/** The form's three parts, one per kind. */
export const commentFormParts: Record<CommentKind, string> = {
  strength: 'VỀ ƯU ĐIỂM',
  shortcoming: 'VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
  proposal: 'ĐỀ XUẤT (nếu có)',
};

export const commentFormTexts = {
  title: 'PHIẾU GHI Ý KIẾN ĐÓNG GÓP',
  audience: '(Dành cho quần chúng, khi cấp ủy thấy thật sự cần thiết)',
  about: 'Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên',
  aboutCollective: 'Qua nghiên cứu, ưu điểm, khuyết điểm của tập thể',
  lead: 'Tôi có đóng góp như sau:',
} as const;

/** Where a comment sits on the form: "Ưu điểm — 1. Tư tưởng chính trị", or "Đề xuất". */
export function commentPlace(c: { kind: CommentKind; heading: CommentHeading | null }): string {
  if (c.kind === 'proposal' || c.heading === null) return 'Đề xuất';
  return `${c.kind === 'strength' ? 'Ưu điểm' : 'Khuyết điểm, hạn chế'} — ${c.heading}. ${commentHeadingLabels[c.heading]}`;
}
