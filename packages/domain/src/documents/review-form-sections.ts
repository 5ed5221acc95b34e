import { z } from 'zod';
import type { ReviewForm } from '../scoring/forms';

/**
 * The skeleton of the HD 43-HD/BTCTW forms (Mẫu 01, 2A, 2B, 2C): part A, the review, and part B,
 * the self-rating. Headings and guidance are the forms' words as the sources reproduce them. Part
 * A.I of Mẫu 2A was not reproduced: it is printed as one section, without invented sub-headings.
 */
export const reviewSectionKeys = [
  'principles', 'targets', 'partyBuilding', 'leadershipResponsibility',
  'strengths', 'conduct', 'tasks', 'commitment',
  'shortcomings', 'causes', 'remedyResults', 'promptExplanations', 'responsibility', 'directions',
] as const;
export const ReviewSectionKey = z.enum(reviewSectionKeys);
export type ReviewSectionKey = z.infer<typeof ReviewSectionKey>;

export interface ReviewSection {
  readonly number: string;
  readonly heading: string;
  readonly guidance?: string;
  /** Where the subject writes; a section with children has none of its own. */
  readonly key?: ReviewSectionKey;
  readonly children?: readonly ReviewSection[];
}

export const reviewFormParts = {
  review: 'A. NỘI DUNG KIỂM ĐIỂM',
  rating: 'B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI',
  criteria: 'Đánh giá theo các nhóm tiêu chí',
  proposal: 'Đề xuất xếp loại mức chất lượng:',
  general: 'Nhóm tiêu chí chung',
  tasks: 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ',
  total: 'Tổng điểm',
} as const;

const conduct =
  'Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc. Liên hệ các biểu hiện về suy thoái, "tự diễn biến", "tự chuyển hoá".';
const commitment = 'Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu của cá nhân theo quy định.';

const shortcomings: ReviewSection = {
  number: 'II',
  heading: 'Hạn chế, khuyết điểm và nguyên nhân',
  children: [
    { number: '1', heading: 'Hạn chế, khuyết điểm.', key: 'shortcomings' },
    { number: '2', heading: 'Nguyên nhân của hạn chế, khuyết điểm.', key: 'causes' },
  ],
};

const remedies = (whose: string): ReviewSection => ({
  number: 'III',
  heading: 'Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước',
  guidance: `Kiểm điểm rõ từng hạn chế, khuyết điểm (đã được khắc phục; đang khắc phục, mức độ khắc phục; chưa được khắc phục); những khó khăn, vướng mắc (nếu có); trách nhiệm của ${whose}.`,
  key: 'remedyResults',
});

const prompts = (whose: string): ReviewSection => ({
  number: 'IV',
  heading: 'Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)',
  guidance: `Giải trình từng vấn đề được gợi ý kiểm điểm, nêu nguyên nhân, xác định trách nhiệm của ${whose} đối với từng vấn đề được gợi ý kiểm điểm.`,
  key: 'promptExplanations',
});

const directions: ReviewSection = { number: 'VI', heading: 'Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm', key: 'directions' };

const individualTail: readonly ReviewSection[] = [
  shortcomings,
  remedies('cá nhân'),
  prompts('cá nhân'),
  { number: 'V', heading: 'Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)', key: 'responsibility' },
  directions,
];

const strengths = 'Ưu điểm, kết quả đạt được';

/** Part A of each form, in order. */
export const reviewSections: Record<ReviewForm, readonly ReviewSection[]> = {
  '01': [
    {
      number: 'I',
      heading: strengths,
      children: [
        { number: '1', heading: 'Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.', key: 'principles' },
        { number: '2', heading: 'Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội nhiệm kỳ, kế hoạch, chương trình công tác năm...', key: 'targets' },
        { number: '3', heading: 'Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; xây dựng tổ chức bộ máy tinh gọn, hoạt động hiệu năng, hiệu lực, hiệu quả...', key: 'partyBuilding' },
        { number: '4', heading: 'Trách nhiệm của tập thể lãnh đạo, quản lý trong triển khai thực hiện các chủ trương, đường lối, nghị quyết, văn bản chỉ đạo của Đảng, của cấp trên...', key: 'leadershipResponsibility' },
      ],
    },
    shortcomings,
    remedies('tập thể, cá nhân có liên quan'),
    prompts('tập thể, cá nhân'),
    {
      number: 'V',
      heading: 'Trách nhiệm của tập thể, cá nhân',
      guidance:
        'Về hạn chế, khuyết điểm trong thực hiện nhiệm vụ hoặc khi có dấu hiệu vi phạm; để xảy ra những vấn đề bức xúc, phức tạp, dư luận quan tâm; có đơn, thư khiếu nại, tố cáo; biểu hiện mất đoàn kết nội bộ; vi phạm nguyên tắc, quy định của Đảng; biểu hiện "lợi ích nhóm", tham nhũng, lãng phí, tiêu cực, suy thoái, "tự diễn biến", "tự chuyển hoá"; để tập thể, cá nhân thuộc quyền quản lý bị kỷ luật, khởi tố; trì trệ, yếu kém, không hoàn thành chức trách, nhiệm vụ được giao.',
      key: 'responsibility',
    },
    directions,
  ],
  '2A': [{ number: 'I', heading: strengths, key: 'strengths' }, ...individualTail],
  '2B': [
    {
      number: 'I',
      heading: strengths,
      children: [
        { number: '1', heading: conduct, key: 'conduct' },
        { number: '2', heading: 'Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm, gắn với hiệu quả, tiến độ, chất lượng công việc.', key: 'tasks' },
        { number: '3', heading: commitment, key: 'commitment' },
      ],
    },
    ...individualTail,
  ],
  '2C': [
    {
      number: 'I',
      heading: strengths,
      children: [
        { number: '1', heading: conduct, key: 'conduct' },
        { number: '2', heading: 'Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ chính trị được cấp uỷ, chi bộ phân công.', key: 'tasks' },
        { number: '3', heading: commitment, key: 'commitment' },
      ],
    },
    ...individualTail,
  ],
};

/** The title lines of each form (the year and the collective's name are added by the builder). */
export const reviewFormTitles: Record<ReviewForm, { title: string; subtitle?: string }> = {
  '01': { title: 'BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ' },
  '2A': { title: 'BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN', subtitle: '(Cá nhân giữ chức vụ lãnh đạo, quản lý)' },
  '2B': { title: 'BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN', subtitle: '(Cá nhân không giữ chức vụ lãnh đạo, quản lý)' },
  '2C': { title: 'BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN', subtitle: '(Đảng viên không làm việc trong hệ thống chính trị)' },
};

/** Every heading a form prints in part A, as printed ("I. …", "1. …"). */
export function reviewSectionHeadings(form: ReviewForm): string[] {
  const walk = (s: ReviewSection): string[] => [`${s.number}. ${s.heading}`, ...(s.children ?? []).flatMap(walk)];
  return reviewSections[form].flatMap(walk);
}
