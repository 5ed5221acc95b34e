import type { Prng } from './prng';

export type Gender = 'male' | 'female';

/** Family names, weighted roughly as in the Mekong delta. */
const kinhFamilies: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30], ['Trần', 10], ['Lê', 9], ['Phạm', 6], ['Huỳnh', 6], ['Võ', 5], ['Phan', 4],
  ['Trương', 3], ['Đặng', 2], ['Bùi', 2], ['Hồ', 2], ['Đỗ', 1.5], ['Ngô', 1.5], ['Dương', 1.5],
  ['Hoàng', 1.5], ['Đoàn', 1.5], ['Lâm', 1.5], ['Lý', 1], ['Vũ', 1], ['Châu', 1], ['Mai', 1],
  ['Cao', 1], ['Thái', 0.8], ['Đinh', 0.8], ['Tô', 0.8], ['Lưu', 0.8], ['Tăng', 0.6], ['La', 0.5],
  ['Tạ', 0.5], ['Kiều', 0.3],
];

/** Khmer family names, common in Trà Vinh. */
const khmerFamilies: readonly (readonly [string, number])[] = [
  ['Thạch', 35], ['Sơn', 25], ['Kim', 15], ['Kiên', 8], ['Danh', 5],
];

const middleNames: Record<Gender, readonly (readonly [string, number])[]> = {
  male: [
    ['Văn', 30], ['Minh', 8], ['Thanh', 8], ['Hữu', 6], ['Quốc', 6], ['Tấn', 4], ['Hoàng', 4],
    ['Đức', 4], ['Công', 4], ['Ngọc', 4], ['Hồng', 3], ['Chí', 3], ['Trung', 2], ['Phước', 2],
    ['Thành', 2], ['Duy', 2], ['Anh', 2],
  ],
  female: [
    ['Thị', 35], ['Ngọc', 6], ['Thị Kim', 5], ['Thị Ngọc', 5], ['Thị Thanh', 5], ['Thị Thu', 4],
    ['Thị Mỹ', 4], ['Thị Hồng', 4], ['Thanh', 4], ['Kim', 4], ['Mỹ', 3], ['Bích', 3],
    ['Phương', 2], ['Thùy', 2], ['Hoài', 1],
  ],
};

const givenNames: Record<Gender, readonly string[]> = {
  male: [
    'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Hải', 'Hậu', 'Hiển', 'Hiếu', 'Hòa',
    'Hoàng', 'Hùng', 'Hưng', 'Huy', 'Khánh', 'Khoa', 'Kiệt', 'Lâm', 'Lộc', 'Lợi', 'Long', 'Nam',
    'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quang', 'Quý', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Tấn',
    'Thắng', 'Thành', 'Thiện', 'Thịnh', 'Tín', 'Toàn', 'Trí', 'Triều', 'Trung', 'Tú', 'Tuấn',
    'Việt', 'Vinh', 'Vũ',
  ],
  female: [
    'Anh', 'Ánh', 'Châu', 'Diễm', 'Dung', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Hương',
    'Huyền', 'Kiều', 'Lan', 'Lệ', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Ngọc', 'Nguyệt',
    'Nhi', 'Nhung', 'Oanh', 'Phương', 'Phượng', 'Quyên', 'Thảo', 'Thơ', 'Thủy', 'Thúy', 'Tiên',
    'Trâm', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến',
  ],
};

/** Khmer given names as Vietnamese records spell them. */
const khmerGivenNames: Record<Gender, readonly string[]> = {
  male: ['Sô Phol', 'Sa Rết', 'Chanh Đa', 'Sóc Kha', 'Sa Vươl', 'Ra Ni', 'Pha Ni'],
  female: ['Thị Sa Rây', 'Thị Sô Phia', 'Thị Sa Ly', 'Thị Sa Rinh', 'Thị Chanh Thi', 'Sô Phi'],
};

/**
 * A plausible Vietnamese full name for the gender: family, middle, given. A share of Khmer
 * family names (Thạch, Sơn, Kim…) comes with `khmerShare`; some of those carry Khmer given names.
 */
export function drawFullName(prng: Prng, gender: Gender, khmerShare: number): string {
  const khmer = prng.chance(khmerShare);
  const family = prng.weighted(khmer ? khmerFamilies : kinhFamilies);
  if (khmer && prng.chance(0.35)) return `${family} ${prng.pick(khmerGivenNames[gender])}`.normalize('NFC');
  for (;;) {
    const middle = prng.weighted(middleNames[gender]);
    const given = prng.pick(givenNames[gender]);
    // "Thị Hồng Hồng" or "Ngọc Ngọc" would not be a real name.
    if (middle.split(' ').at(-1) === given) continue;
    return `${family} ${middle} ${given}`.normalize('NFC');
  }
}
