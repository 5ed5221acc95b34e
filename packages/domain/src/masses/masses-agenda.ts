/**
 * The programme of a session as Kế hoạch 03-KH/ĐUK mục II.5 sets it ("Chương trình họp tự phê bình
 * và phê bình"), word for word except "Gợi ý thảo luận" (printed "Gọi ý" in the plan). Pages show
 * it while the session is held; the minutes follow its three parts.
 */
export const massesAgendaPartKeys = ['opening', 'content', 'closing'] as const;
export type MassesAgendaPartKey = (typeof massesAgendaPartKeys)[number];

export interface MassesAgendaPart {
  key: MassesAgendaPartKey;
  title: string;
  items: readonly string[];
}

export const massesAgenda: readonly MassesAgendaPart[] = [
  {
    key: 'opening',
    title: 'Nghi thức',
    items: [
      'Tuyên bố lý do, giới thiệu đại biểu',
      'Thông báo số lượng cấp ủy viên, đảng viên tự phê bình',
      'Thông báo số lượng quần chúng tham dự',
      'Cử thư ký ghi biên bản',
    ],
  },
  {
    key: 'content',
    title: 'Nội dung',
    items: [
      'Đại diện cấp ủy thông qua danh sách đảng viên (ghi rõ nhiệm vụ của từng người, tóm tắt những ưu điểm, khuyết điểm chính)',
      'Gợi ý thảo luận đóng góp',
      'Đóng góp của quần chúng',
      'Đại diện cấp ủy tiếp thu',
    ],
  },
  {
    key: 'closing',
    title: 'Kết thúc',
    items: ['Thư ký thông qua biên bản', 'Chủ trì, thư ký, đại diện quần chúng ký vào biên bản'],
  },
];
