import { describe, expect, it } from 'vitest';
import { DomainError, degradationGroupTitles, isPlaceholder, PLACEHOLDER_MARK, placeholderText, nationalDegradationSigns as national, mergeSigns, type DegradationSignInput } from '@kd/domain';

/** Synthetic tenant wording: clearly test data, never a guess at the real text. */
const synthetic = (n: number, code = `TEST.${String(n).padStart(2, '0')}`): DegradationSignInput => ({
  code,
  group: n <= 27 ? 1 : n <= 54 ? 2 : 3,
  order: n,
  text: `Nội dung thử nghiệm số ${n} (dữ liệu giả lập)`,
  official: true,
  source: 'Dữ liệu kiểm thử',
});

describe('the national list of 27 signs', () => {
  it('has 27 signs in three groups of nine, ordered 1 … 27 with unique codes', () => {
    expect(national).toHaveLength(27);
    expect(national.map((s) => s.order)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(new Set(national.map((s) => s.code)).size).toBe(27);
    for (const g of [1, 2, 3] as const) expect(national.filter((s) => s.group === g)).toHaveLength(9);
    expect(degradationGroupTitles[1]).toBe('Suy thoái về tư tưởng chính trị');
  });

  it('carries the known wording of items 1–3 as official, with their source', () => {
    const [one, two, three] = national;
    expect(one?.text).toMatch(/^Phai nhạt lý tưởng cách mạng; dao động/);
    expect(two?.text).toMatch(/^Xa rời tôn chỉ, mục đích của Đảng/);
    expect(three?.text).toMatch(/^Nhận thức sai lệch về ý nghĩa, tầm quan trọng của lý luận/);
    for (const s of [one, two, three]) {
      expect(s?.official).toBe(true);
      expect(s?.source).toContain('04-NQ/TW');
    }
  });

  it('keeps item 4 as a truncated quotation that does not claim to be official', () => {
    const four = national[3];
    expect(four?.text).toMatch(/^Không chấp hành nghiêm các nguyên tắc tổ chức của Đảng/);
    expect(four?.text.endsWith('…')).toBe(true);
    expect(four?.official).toBe(false);
    expect(four?.source).toContain('cần đối chiếu văn bản gốc');
  });

  it('ships items 5–27 as marked placeholders that never claim to be official', () => {
    for (const s of national.slice(4)) {
      expect(s.text).toBe(placeholderText(s.order));
      expect(s.text).toContain(PLACEHOLDER_MARK);
      expect(s.official).toBe(false);
    }
    expect(national.filter(isPlaceholder).every((s) => !s.official)).toBe(true);
    expect(national.filter((s) => s.official).every((s) => !isPlaceholder(s))).toBe(true);
  });

  it('is NFC throughout', () => {
    for (const s of national) {
      expect(s.text).toBe(s.text.normalize('NFC'));
      expect(s.source).toBe(s.source.normalize('NFC'));
    }
  });
});

describe('mergeSigns', () => {
  it('returns the national list when the tenant has none, without sharing the array', () => {
    const merged = mergeSigns(national, null);
    expect(merged).toEqual([...national]);
    expect(merged).not.toBe(national);
  });

  it('lets a tenant replace the whole list (e.g. 82 concretised signs), ordered by order', () => {
    const signs = Array.from({ length: 82 }, (_, i) => synthetic(i + 1)).reverse();
    const merged = mergeSigns(national, { mode: 'replace', signs });
    expect(merged).toHaveLength(82);
    expect(merged.map((s) => s.order)).toEqual(Array.from({ length: 82 }, (_, i) => i + 1));
    expect(merged.some((s) => s.code.startsWith('NQ04'))).toBe(false);
  });

  it('lets a tenant fill a placeholder by its code and add signs of its own', () => {
    const filled = { ...synthetic(5, 'NQ04.05'), group: 1 as const };
    const merged = mergeSigns(national, { mode: 'extend', signs: [synthetic(28, 'TEST.28'), filled] });
    expect(merged).toHaveLength(28);
    expect(merged[4]).toMatchObject({ code: 'NQ04.05', text: 'Nội dung thử nghiệm số 5 (dữ liệu giả lập)', official: true });
    expect(merged[27]?.code).toBe('TEST.28');
    expect(merged.filter(isPlaceholder)).toHaveLength(22);
  });

  it('normalises decomposed Vietnamese from an upload to NFC', () => {
    const sign = { ...synthetic(1), text: 'Nội dung thử nghiệm đã khắc phục'.normalize('NFD') };
    const [merged] = mergeSigns(national, { mode: 'replace', signs: [sign] });
    expect(merged?.text).toBe('Nội dung thử nghiệm đã khắc phục'.normalize('NFC'));
  });

  it('rejects duplicate codes and colliding positions with stable codes', () => {
    const dupCode = () => mergeSigns(national, { mode: 'replace', signs: [synthetic(1, 'X'), synthetic(2, 'X')] });
    expect(dupCode).toThrow(DomainError);
    expect(dupCode).toThrow(expect.objectContaining({ code: 'DUPLICATE_SIGN_CODE', kind: 'unprocessable' }));
    const collide = () => mergeSigns(national, { mode: 'extend', signs: [synthetic(6, 'TEST.06')] });
    expect(collide).toThrow(expect.objectContaining({ code: 'DUPLICATE_SIGN_ORDER' }));
  });
});
