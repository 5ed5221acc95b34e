import { describe, expect, it } from 'vitest';
import { parseRating, lowerOf } from '@kd/domain';

describe('rating', () => {
  it('reads full names and abbreviations after NFC and case folding', () => {
    expect(parseRating('Hoàn thành xuất sắc nhiệm vụ')).toBe('excellent');
    expect(parseRating('  htt ')).toBe('good');
    expect(parseRating('Hoàn thành nhiệm vụ'.normalize('NFD'))).toBe('complete');
    expect(parseRating('KHTNV')).toBe('incomplete');
    expect(parseRating('Tốt')).toBeUndefined();
  });
  it('orders excellent > good > complete > incomplete', () => {
    expect(lowerOf('excellent', 'good')).toBe('good');
    expect(lowerOf('incomplete', 'complete')).toBe('incomplete');
  });
});
