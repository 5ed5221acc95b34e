import type { SelfCriticismForm, StrengthKey } from '../masses/self-criticism';

/**
 * The two self-criticism forms attached to Kế hoạch 03-KH/ĐUK (2020), word for word: the fixed
 * words, and per heading of part I what the member is asked to cover. Where the two forms differ,
 * each keeps its own wording; the plan's year in "chuyên đề năm 2020" is the review's year.
 */
export const selfCriticismTexts = {
  title: 'BẢN TỰ PHÊ BÌNH',
  subtitle: (year: number) => `trước quần chúng cơ quan, đơn vị, doanh nghiệp năm ${year}`,
  audience: { withPosition: '(Đối với đảng viên có chức vụ)', withoutPosition: '(Dùng cho đảng viên không có chức vụ)' } satisfies Record<SelfCriticismForm, string>,
  intro: {
    withPosition:
      'Với trách nhiệm là đảng viên và nhiệm vụ được phân công, qua một năm công tác tôi nghiêm túc tự phê bình bản thân, tự nhận thấy mình có những ưu điểm, hạn chế như sau:',
    withoutPosition:
      'Với trách nhiệm là đảng viên và nhiệm vụ được phân công, qua một năm công tác tôi nghiêm túc tự phê bình bản thân và tự nhận thấy mình có những ưu điểm, hạn chế như sau:',
  } satisfies Record<SelfCriticismForm, string>,
  strengths: 'I- VỀ ƯU ĐIỂM',
  shortcomings: 'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
  shortcomingsGuidance: '- Nêu đầy đủ, cụ thể những khuyết điểm, hạn chế theo các nội dung trên;',
  causesGuidance: '- Nguyên nhân khuyết điểm, hạn chế;',
  remedies: 'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC',
  remediesGuidance: '(Nêu phương hướng, biện pháp chính)',
  committeeComment: 'NHẬN XÉT CỦA CẤP ỦY',
  author: 'NGƯỜI TỰ PHÊ',
} as const;

export const selfCriticismIdentityLabels = {
  fullName: 'Họ và tên',
  birthDate: 'sinh ngày',
  partyPosition: 'Chức vụ Đảng',
  governmentPosition: 'Chức vụ chính quyền',
  workplace: 'Đơn vị công tác',
  cellName: 'Sinh hoạt tại chi bộ',
  duties: 'Nhiệm vụ được phân công',
} as const;

export interface SelfCriticismSection {
  key: StrengthKey;
  heading: string;
  guidance: readonly string[];
}

const SELF_DEGRADATION =
  'Trách nhiệm trong việc đấu tranh, phòng chống suy thoái về tư tưởng chính trị, đạo đức lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ; thực hiện cam kết không có biểu hiện suy thoái “tự diễn biến”, “tự chuyển hóa”.';
const THRIFT = 'việc thực hành tiết kiệm, chống lãng phí, tham nhũng và các hành vi lợi dụng chức quyền để trục lợi.';
const SERVICE =
  'Tinh thần thái độ phục vụ nhân dân (có chịu khó, lắng nghe, cầu thị, quan tâm giải quyết đến nơi, đến chốn các đề nghị, nhu cầu bức xúc của nhân dân).';
const LOCAL_RULES = 'Việc chấp hành các quy định của địa phương đối với bản thân và gia đình; ý thức nêu gương của bản thân và gia đình.';

/** Part I of a form: five headings with their guidance. */
export function selfCriticismSections(form: SelfCriticismForm, year: number): SelfCriticismSection[] {
  const withPosition = form === 'withPosition';
  return [
    {
      key: 'politicalThought',
      heading: 'Tư tưởng chính trị',
      guidance: [
        'Quan điểm lập trường; việc chấp hành đường lối, chỉ thị, nghị quyết của Đảng, chính sách pháp luật Nhà nước của bản thân và gia đình.',
        SELF_DEGRADATION,
        withPosition ? `Việc thực hiện dân chủ ở cơ sở; ${THRIFT}` : `Việc thực hành tiết kiệm, chống lãng phí, tham nhũng và các hành vi lợi dụng chức quyền để trục lợi.`,
      ],
    },
    {
      key: 'ethicsAndLifestyle',
      heading: withPosition ? 'Phẩm chất, đạo đức, lối sống' : 'Phẩm chất đạo đức, lối sống',
      guidance: [
        'Việc tu dưỡng, rèn luyện phẩm chất đạo đức lối sống;',
        withPosition ? `Việc thực hiện dân chủ ở cơ sở; ${THRIFT}` : `Việc chấp hành và thực hiện dân chủ ở cơ sở; ${THRIFT}`,
        withPosition
          ? `Kết quả học tập và làm theo chuyên đề năm ${year} theo tinh thần Chỉ thị số 05-CT/TW của Bộ Chính trị.`
          : `Kết quả học tập và làm theo chuyên đề hàng năm ${year} theo tinh thần Chỉ thị 05-CT/TW của Bộ Chính trị.`,
        LOCAL_RULES,
      ],
    },
    {
      key: 'duties',
      heading: withPosition ? 'Thực hiện chức trách, nhiệm vụ được giao' : 'Thực hiện nhiệm vụ được giao',
      guidance: [
        withPosition
          ? 'Kết quả lãnh đạo, điều hành thực hiện nhiệm vụ theo chức danh công tác; việc quy tụ, đoàn kết nội bộ; thái độ công tâm, khách quan và sự tín nhiệm của cán bộ, đảng viên và quần chúng cơ quan, đơn vị, doanh nghiệp.'
          : 'Kết quả thực hiện nhiệm vụ được giao và sự tín nhiệm của cán bộ, đảng viên và quần chúng cơ quan, đơn vị, doanh nghiệp.',
        'Kết quả, mức độ hoàn thành nhiệm vụ được giao.',
        SERVICE,
      ],
    },
    {
      key: 'discipline',
      heading: 'Ý thức tổ chức, kỷ luật',
      guidance: ['Việc chấp hành quy định, nội quy, quy chế cơ quan, đơn vị, doanh nghiệp.', 'Chấp hành quy định những điều đảng viên không được làm.'],
    },
    {
      key: 'previousShortcomings',
      heading: withPosition
        ? 'Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị, doanh nghiệp (nếu có).'
        : 'Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị (nếu có).',
      guidance: [],
    },
  ];
}
