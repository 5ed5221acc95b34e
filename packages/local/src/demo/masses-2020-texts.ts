import type { CommentHeading, CommentKind } from '@kd/domain';

/**
 * What the demo's 2020 sessions before the masses say (Kế hoạch 03-KH/ĐUK): the committee's
 * summaries of each member, the masses' comments under the form's headings, the reasons members
 * were absent, and the remediation the committees took on. Invented, plausible, Vietnamese.
 */
export const memberStrengths: readonly string[] = [
  'Lập trường chính trị vững vàng, chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước',
  'Hoàn thành tốt nhiệm vụ chuyên môn được giao, có tinh thần trách nhiệm cao',
  'Gương mẫu, đoàn kết, hòa nhã với đồng nghiệp, được quần chúng tín nhiệm',
  'Tích cực học tập nâng cao trình độ, chủ động đề xuất cải tiến công việc',
  'Lối sống giản dị, trung thực, không có biểu hiện suy thoái',
];

export const memberWeaknesses: readonly string[] = [
  'đôi lúc còn chậm trong việc giải quyết kiến nghị của người dân, doanh nghiệp',
  'có lúc tác phong còn nóng vội khi góp ý đồng nghiệp',
  'chưa mạnh dạn đấu tranh phê bình trong sinh hoạt chi bộ',
  'việc cập nhật văn bản mới có lúc chưa kịp thời',
  'sắp xếp thời gian tham gia phong trào của cơ quan chưa hợp lý',
];

export const absenceReasons: readonly string[] = [
  'Đi công tác theo quyết định của cơ quan',
  'Nghỉ ốm, có giấy xác nhận của cơ sở y tế',
  'Nghỉ thai sản theo chế độ',
  'Đi học tập trung lớp Trung cấp lý luận chính trị',
];

export interface CommentText {
  kind: CommentKind;
  heading: CommentHeading | null;
  text: string;
}

export const memberComments: readonly CommentText[] = [
  { kind: 'strength', heading: 1, text: 'Đồng chí có lập trường tư tưởng vững vàng, luôn gương mẫu chấp hành chủ trương, nghị quyết của Đảng.' },
  { kind: 'strength', heading: 3, text: 'Đồng chí tận tụy với công việc, sẵn sàng hỗ trợ đồng nghiệp khi khối lượng công việc nhiều.' },
  { kind: 'strength', heading: 2, text: 'Đồng chí sống giản dị, chan hòa, quan tâm đến đời sống của anh chị em trong cơ quan.' },
  { kind: 'shortcoming', heading: 3, text: 'Đề nghị đồng chí giải quyết hồ sơ, kiến nghị đúng hẹn; còn một số trường hợp phải chờ lâu mới có trả lời.' },
  { kind: 'shortcoming', heading: 2, text: 'Đồng chí đôi khi nói năng chưa nhã nhặn với người đến liên hệ công việc.' },
  { kind: 'shortcoming', heading: 4, text: 'Đồng chí có lúc đi họp muộn, chưa thực hiện nghiêm giờ giấc làm việc của cơ quan.' },
  { kind: 'shortcoming', heading: 5, text: 'Khuyết điểm được góp ý năm trước về việc chậm phản hồi ý kiến của quần chúng đã có chuyển biến nhưng chưa triệt để.' },
  { kind: 'proposal', heading: null, text: 'Đề nghị đồng chí dành thêm thời gian hướng dẫn chuyên môn cho viên chức, người lao động mới tuyển dụng.' },
];

export const collectiveComments: readonly CommentText[] = [
  { kind: 'strength', heading: 3, text: 'Tập thể cấp ủy, lãnh đạo đơn vị đoàn kết, lãnh đạo hoàn thành tốt nhiệm vụ năm 2020 trong điều kiện phòng, chống dịch Covid-19.' },
  { kind: 'shortcoming', heading: 4, text: 'Việc công khai các khoản thu nhập tăng thêm, phúc lợi của cơ quan chưa đầy đủ, kịp thời.' },
  { kind: 'shortcoming', heading: 3, text: 'Điều kiện làm việc ở một số bộ phận còn chật hẹp, trang thiết bị xuống cấp chậm được sửa chữa.' },
  { kind: 'shortcoming', heading: 5, text: 'Một số vấn đề đã hứa với quần chúng năm trước (bố trí phòng nghỉ trưa, nhà để xe) đến nay chưa thực hiện.' },
  { kind: 'proposal', heading: null, text: 'Đề nghị tổ chức đối thoại định kỳ giữa lãnh đạo cơ quan với người lao động ít nhất mỗi quý một lần.' },
  { kind: 'proposal', heading: null, text: 'Đề nghị xem xét quy trình bình xét thi đua cuối năm cho công khai, minh bạch hơn.' },
];

/** Comments that contradict the member's self-criticism or the committee's summary: kept and counted. */
export const dissentingComments: readonly CommentText[] = [
  { kind: 'shortcoming', heading: 3, text: 'Tôi không đồng tình với phần tự nhận xét là đã giải quyết kịp thời kiến nghị của người bệnh; thực tế nhiều kiến nghị trong năm vẫn chưa được trả lời.' },
  { kind: 'shortcoming', heading: 2, text: 'Bản tóm tắt của cấp ủy chưa nêu việc đồng chí còn thiếu công bằng khi phân công trực, ngoài giờ; tôi đề nghị ghi nhận khuyết điểm này.' },
  { kind: 'shortcoming', heading: 4, text: 'Đồng chí tự nhận đã chấp hành tốt kỷ luật phát ngôn, nhưng vẫn có lúc bình luận công việc nội bộ trên mạng xã hội.' },
];

/** Remediation the committee takes on, by the responsibility it decided (R-MASS-11). */
export const remediationTexts = {
  individual: [
    'Rà soát toàn bộ kiến nghị tồn đọng, trả lời bằng văn bản cho người kiến nghị và công khai kết quả tại cơ quan',
    'Chấn chỉnh tác phong, thái độ giao tiếp; tự kiểm điểm trước chi bộ vào kỳ sinh hoạt tháng 12/2020',
    'Thực hiện nghiêm giờ giấc làm việc; tổ trưởng theo dõi, báo cáo chi bộ hằng tháng',
  ],
  collective: [
    'Công khai các khoản thu nhập tăng thêm, phúc lợi năm 2020 tại hội nghị cán bộ, công chức, viên chức',
    'Lập kế hoạch sửa chữa, bổ sung trang thiết bị làm việc cho các bộ phận đã được quần chúng góp ý',
    'Bố trí phòng nghỉ trưa và nhà để xe cho người lao động như đã hứa năm trước',
    'Ban hành quy chế đối thoại định kỳ giữa lãnh đạo cơ quan với người lao động',
  ],
  /** Items that run over years: open and within their deadline whenever the demo is looked at. */
  ongoing: 'Duy trì đối thoại định kỳ với người lao động; rà soát, báo cáo kết quả thực hiện với chi bộ hằng năm',
} as const;
