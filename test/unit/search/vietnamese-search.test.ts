import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, foldVietnamese, vietnameseNameSortKey } from '@kd/domain';

describe('Vietnamese search folding', () => {
  it('folds diacritics, đ, case and NFC/NFD alike', () => {
    const nfc = 'Nguyễn Văn Đức';
    expect(foldVietnamese(nfc)).toBe('nguyen van duc');
    expect(foldVietnamese(nfc.normalize('NFD'))).toBe('nguyen van duc');
    expect(foldVietnamese('  ĐẶNG   thị ÁNH ')).toBe('dang thi anh');
    expect(foldVietnamese('nguyen van duc')).toBe('nguyen van duc');
  });
});

describe('the sort key of a name', () => {
  it('orders names as compareVietnameseNames does (given name, then the rest; letters, then tones)', () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Ánh', 'Phạm Minh Ân', 'Võ Văn Ăn', 'Đặng Thị Anh', 'Huỳnh Văn Đức', 'Bùi Văn Dũng', 'Lý Thị Bình', 'Lê Hồng Vũ', 'Đỗ Văn Long', 'Hồ Thị Mai', 'Lê An', 'Ngô Văn Ành', 'Ông Văn Ảnh', 'Ơn Thị Ốc', 'Ô Thị Oanh', 'Dương Dz', 'Trần Văn Đ', 'Lê Thị Ứng', 'Lê Thị Ung'];
    const byKey = [...names].sort((a, b) => (vietnameseNameSortKey(a) < vietnameseNameSortKey(b) ? -1 : 1));
    expect(byKey).toEqual([...names].sort(compareVietnameseNames));
    expect(vietnameseNameSortKey('Nguyễn Văn An'.normalize('NFD'))).toBe(vietnameseNameSortKey('Nguyễn Văn An'));
  });
});
