import { z } from 'zod';
import { ReviewSectionKey } from '../documents/review-form-sections';

/**
 * The collective review (Mẫu 1A, Báo cáo kiểm điểm tập thể cấp ủy): its sections are the plan's
 * "Nội dung kiểm điểm" §3.1 for the collective, word for word (KH Chi bộ Bệnh viện Phổi 2021, mục II.3; docs/rulebooks.md, "Review documents").
 */
export const collectiveReviewSectionKeys = [
  'policyImplementation',
  'annualPlanResults',
  'democraticCentralism',
  'degradationPrevention',
  'antiCorruption',
  'inspectionAndEmulation',
  'previousShortcomings',
  'itApplication',
  'reviewPrompts',
] as const;
export const CollectiveReviewSectionKey = z.enum(collectiveReviewSectionKeys);
export type CollectiveReviewSectionKey = z.infer<typeof CollectiveReviewSectionKey>;

export const collectiveReviewHeadings: Record<CollectiveReviewSectionKey, string> = {
  policyImplementation:
    'Việc quán triệt, tổ chức thực hiện các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, nghị quyết, chỉ thị, quyết định, kết luận của cấp trên',
  annualPlanResults:
    'Kết quả lãnh đạo thực hiện các chương trình, kế hoạch công tác năm của đơn vị; các chỉ tiêu, nhiệm vụ được cấp có thẩm quyền giao, phê duyệt trong năm được lượng hóa bằng sản phẩm (nếu có)',
  democraticCentralism: 'Việc thực hiện nguyên tắc tập trung dân chủ và các quy định, quy chế làm việc',
  degradationPrevention:
    'Việc đấu tranh ngăn chặn, đẩy lùi những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ gắn với đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và công tác đấu tranh phòng, chống tham nhũng, lãng phí',
  antiCorruption: 'Kết quả lãnh đạo, chỉ đạo thực hiện công tác phòng, chống tham nhũng, lãng phí, tiêu cực',
  inspectionAndEmulation: 'Kết quả lãnh đạo, chỉ đạo, thực hiện công tác kiểm tra, giám sát, kỷ luật đảng và thi đua, khen thưởng',
  previousShortcomings: 'Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở kỳ kiểm điểm trước',
  itApplication: 'Việc lãnh đạo ứng dụng công nghệ thông tin trong hoạt động của cấp ủy, tổ chức đảng',
  reviewPrompts: 'Những vấn đề được gợi ý kiểm điểm (nếu có)',
};

const nfcText = (max: number) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(max));

/** What the unit writes: section texts, and where the draft's comments came from (KH Chi bộ Bệnh viện Phổi 2021, mục II.3). */
export const CollectiveReviewInput = z.object({
  sections: z.partialRecord(CollectiveReviewSectionKey, nfcText(20_000)).default({}),
  /** Under r2025, part A of Mẫu 01 (HD 43-HD/BTCTW), section by section. */
  formSections: z.partialRecord(ReviewSectionKey, nfcText(20_000)).default({}),
  /** The draft was sent to participants at least 3 working days before the meeting (seed 000 §4.1.1). */
  draftCirculatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  /** Who commented the draft (Ban Giám đốc, trưởng khoa/phòng, ban chấp hành đoàn thể …). */
  commentSources: nfcText(2000).nullable().default(null),
});
export type CollectiveReviewInput = z.infer<typeof CollectiveReviewInput>;

export const CollectiveReview = CollectiveReviewInput.extend({
  unitId: z.string(),
  year: z.number().int(),
  rev: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
});
export type CollectiveReview = z.infer<typeof CollectiveReview>;

export function emptyCollectiveReview(unitId: string, year: number): CollectiveReview {
  return { unitId, year, rev: 0, updatedAt: null, ...CollectiveReviewInput.parse({}) };
}
