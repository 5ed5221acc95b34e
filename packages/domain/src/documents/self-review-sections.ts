import { z } from 'zod';

/**
 * The headings of the self-review (Mẫu 2A). Their text is the plan's "Nội dung kiểm điểm" §3.2.1
 * and §3.2.2 (KH Chi bộ Bệnh viện Phổi 2021, mục II.3; docs/rulebooks.md, "Review documents"), word for word; pages and tests import them from here.
 */
export const selfReviewSectionKeys = [
  'politicalThought',
  'ethicsAndLifestyle',
  'organisationalDiscipline',
  'workingStyle',
  'degradationSigns',
  'memberDuties',
  'quantifiedResults',
  'personalResponsibility',
  'selfImprovementCommitment',
  'previousShortcomings',
  'reviewPrompts',
  'committeeLeadership',
  'committeeReformAndIt',
  'committeeIntegrity',
  'committeeComplaints',
  'remedies',
] as const;
export const SelfReviewSectionKey = z.enum(selfReviewSectionKeys);
export type SelfReviewSectionKey = z.infer<typeof SelfReviewSectionKey>;

/** A heading; `key` marks where the member writes, `guidance` is what the plan asks them to cover. */
export type SelfReviewSection = {
  key?: SelfReviewSectionKey;
  heading: string;
  guidance?: string;
  children?: readonly SelfReviewSection[];
};

/** Part titles (roman-numbered in the document). */
export const selfReviewParts = {
  memberReview: 'KIỂM ĐIỂM ĐẢNG VIÊN',
  committeeReview: 'KIỂM ĐIỂM CẤP ỦY VIÊN',
  // Not in seed 000; Trà Vinh's self-criticism forms (seed 002, part III) and the national forms carry it.
  remedies: 'PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC',
  selfRating: 'TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG',
} as const;

export const DEGRADATION_SIGNS_HEADING =
  'Liên hệ 27 biểu hiện về suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ (có Phụ lục kèm theo)';

/** §3.2.1 Kiểm điểm đảng viên. */
export const memberReviewSections: readonly SelfReviewSection[] = [
  {
    heading: 'Về tư tưởng chính trị, phẩm chất đạo đức, lối sống, ý thức tổ chức kỷ luật, tác phong, lề lối làm việc',
    children: [
      {
        key: 'politicalThought',
        heading: 'Tư tưởng chính trị',
        guidance:
          'Trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh và đường lối đổi mới của Đảng; chấp hành, tuyên truyền, vận động gia đình và nhân dân thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; việc học tập các nghị quyết, chỉ thị, tham gia các đợt sinh hoạt chính trị để nâng cao bản lĩnh chính trị, nhân sinh quan cách mạng.',
      },
      {
        key: 'ethicsAndLifestyle',
        heading: 'Phẩm chất đạo đức, lối sống',
        guidance:
          'Kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; việc giữ gìn đạo đức, lối sống, phát huy tính tiên phong, gương mẫu của người đảng viên và quan hệ mật thiết với nhân dân; tinh thần cầu thị, lắng nghe, tiếp thu sửa chữa khuyết điểm và đấu tranh với các biểu hiện quan liêu, tham nhũng, lãng phí, tiêu cực; ý thức xây dựng địa phương, cơ quan, đơn vị và giữ gìn đoàn kết nội bộ.',
      },
      {
        key: 'organisationalDiscipline',
        heading: 'Ý thức tổ chức kỷ luật',
        guidance:
          'Việc chấp hành sự phân công của tổ chức; thực hiện quy định về những điều đảng viên không được làm và các nội quy, quy chế của địa phương, cơ quan, đơn vị; các nguyên tắc, chế độ sinh hoạt đảng và đóng đảng phí theo quy định; trách nhiệm nêu gương của đảng viên; gương mẫu thực hiện nghĩa vụ công dân và thường xuyên giữ mối liên hệ với chi ủy nơi cư trú.',
      },
      {
        key: 'workingStyle',
        heading: 'Tác phong, lề lối làm việc',
        guidance:
          'Năng động, sáng tạo, quyết liệt trong thực hiện nhiệm vụ; phương pháp làm việc khoa học, dân chủ, đúng nguyên tắc; tinh thần hợp tác, giúp đỡ đồng chí, đồng nghiệp.',
      },
      { key: 'degradationSigns', heading: DEGRADATION_SIGNS_HEADING },
    ],
  },
  {
    heading: 'Về thực hiện chức trách, nhiệm vụ',
    children: [
      {
        key: 'memberDuties',
        heading:
          'Việc thực hiện nhiệm vụ đảng viên, quyền hạn và trách nhiệm đối với các chức vụ công tác (đảng, chính quyền, đoàn thể) theo quy định',
      },
      { key: 'quantifiedResults', heading: 'Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm được lượng hóa bằng sản phẩm cụ thể' },
      {
        key: 'personalResponsibility',
        heading:
          'Trách nhiệm cá nhân liên quan đến kết quả, hạn chế, khuyết điểm ở lĩnh vực, địa phương, tổ chức, cơ quan, đơn vị do mình phụ trách',
      },
    ],
  },
  {
    key: 'selfImprovementCommitment',
    heading:
      'Việc thực hiện nội dung cam kết tu dưỡng, rèn luyện, phấn đấu hoặc kế hoạch cá nhân thực hiện chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh hàng năm',
  },
  {
    key: 'previousShortcomings',
    heading: 'Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc chỉ ra ở kỳ kiểm điểm trước',
  },
  { key: 'reviewPrompts', heading: 'Những vấn đề được gợi ý kiểm điểm (nếu có)' },
];

/** §3.2.2 Kiểm điểm cấp ủy viên: only for members of the committee, in addition to §3.2.1. */
export const committeeReviewSections: readonly SelfReviewSection[] = [
  {
    key: 'committeeLeadership',
    heading:
      'Kết quả lãnh đạo, quản lý, điều hành, trách nhiệm của cá nhân trong tham gia cùng tập thể cấp ủy lãnh đạo hoạt động của chi bộ, đảng bộ; trong thực hiện các nhiệm vụ chính trị, nhiệm vụ chuyên môn và công tác tổ chức, cán bộ; trong quan hệ phối hợp với cấp ủy và tập thể lãnh đạo, quản lý cơ quan, đơn vị; thái độ công tâm, khách quan; việc quy tụ, đoàn kết nội bộ và sự tín nhiệm của cán bộ, đảng viên, quần chúng',
  },
  {
    key: 'committeeReformAndIt',
    heading:
      'Kết quả lãnh đạo, chỉ đạo công tác cải cách thủ tục hành chính tại cơ quan, đơn vị (nếu có đánh giá, xếp loại hàng năm). Việc lãnh đạo ứng dụng công nghệ thông tin trong hoạt động của cấp ủy, tổ chức đảng',
  },
  {
    key: 'committeeIntegrity',
    heading:
      'Ý thức đấu tranh phòng, chống quan liêu, tham nhũng, lãng phí, cơ hội, vụ lợi. Việc kê khai tài sản, thu nhập theo quy định; quan tâm chăm lo đời sống vật chất, tinh thần cho cán bộ, đảng viên, người lao động. Trách nhiệm nêu gương theo quy định của Trung ương và cấp ủy các cấp',
  },
  {
    key: 'committeeComplaints',
    heading:
      'Kết quả chỉ đạo giải quyết đơn thư khiếu nại, tố cáo, phản ánh kiến nghị thuộc thẩm quyền giải quyết của cán bộ lãnh đạo, quản lý',
  },
];

/** Every heading text a member's self-review prints, in order (parts included). */
export function selfReviewHeadings(isCommitteeMember: boolean): string[] {
  const flat = (sections: readonly SelfReviewSection[]): string[] =>
    sections.flatMap((s) => [s.heading, ...flat(s.children ?? [])]);
  return [
    selfReviewParts.memberReview,
    ...flat(memberReviewSections),
    ...(isCommitteeMember ? [selfReviewParts.committeeReview, ...flat(committeeReviewSections)] : []),
    selfReviewParts.remedies,
    selfReviewParts.selfRating,
  ];
}
