import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareVietnameseNames, sortByVietnameseName } from '@kd/domain';

/** A unit's roster in Vietnamese name order: given name first, then the rest, ties by id. */
describe('sortByVietnameseName', () => {
  it('orders by given name, then the rest (An, Anh, Ánh, Ăn, Ân, Bình, Dũng, Đức), ties by the given rule', () => {
    const people = ['Trần Văn Đức', 'Lê Thị Ánh', 'Nguyễn An', 'Phạm Ân', 'Hồ Ăn', 'Vũ Bình', 'Đỗ Dũng', 'Lê Anh', 'Bùi Anh', 'Lê Anh'].map((fullName, i) => ({ id: `M${10 - i}`, fullName }));
    const sorted = sortByVietnameseName(people, (p) => p.fullName, (a, b) => (a.id < b.id ? -1 : 1));
    expect(sorted.map((p) => `${p.fullName} ${p.id}`)).toEqual([
      'Nguyễn An M8', 'Bùi Anh M2', 'Lê Anh M1', 'Lê Anh M3', 'Lê Thị Ánh M9', 'Hồ Ăn M6', 'Phạm Ân M7', 'Vũ Bình M5', 'Đỗ Dũng M4', 'Trần Văn Đức M10',
    ]);
    expect(people[0]!.fullName).toBe('Trần Văn Đức'); // the input is left as it was
  });

  it('gives the order a sort by compareVietnameseNames gives, for any names', () => {
    const syllable = fc.constantFrom('An', 'Anh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đức', 'Nguyễn', 'Thị', 'Văn', 'Lê', 'Ngọc');
    const name = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        const items = names.map((fullName, i) => ({ i, fullName }));
        const expected = [...items].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.i - b.i);
        expect(sortByVietnameseName(items, (x) => x.fullName, (a, b) => a.i - b.i)).toEqual(expected);
      }),
      { seed: 2026 },
    );
  });
});
