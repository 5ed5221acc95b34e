/** Fixed words of the review documents, one place for builders, pages and tests. */
export const SIGN_HINT = '(Ký, ghi rõ họ tên)';

export const selfReviewLabels = {
  title: 'BẢN TỰ KIỂM ĐIỂM ĐẢNG VIÊN',
  form: '(Mẫu 2A)',
  reviewer: 'NGƯỜI TỰ KIỂM ĐIỂM',
  committeeComment: 'NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY',
  committeeSigner: 'T/M CHI ỦY',
  cellRating: 'CHI BỘ XẾP LOẠI',
  cellSigner: 'T/M CHI BỘ',
  selfRatingLine: 'Tự nhận mức xếp loại chất lượng đảng viên năm',
  cellRatingLine: 'Chi bộ xếp loại chất lượng đảng viên năm',
} as const;

export const identityLabels = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  partyPosition: 'Chức vụ Đảng',
  governmentPosition: 'Chức vụ chính quyền',
  workplace: 'Đơn vị công tác',
  cellName: 'Sinh hoạt tại chi bộ',
} as const;

export const minutesLabels = {
  chair: 'CHỦ TRÌ',
  clerk: 'THƯ KÝ',
} as const;

const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
export function roman(n: number): string {
  return romans[n - 1] ?? String(n);
}
