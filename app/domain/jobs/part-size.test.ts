import { describe, expect, it } from 'vitest';
import { choosePartSize, GiB, MAX_PARTS, MiB, partRanges } from './part-size';

describe('choosePartSize', () => {
  it('prefers large parts, but never over the copy limit', () => {
    expect(choosePartSize(6 * GiB, 5 * GiB)).toBe(256 * MiB);
    expect(choosePartSize(20 * MiB, 8 * MiB)).toBe(8 * MiB);
    expect(choosePartSize(5 * MiB + 1000, 5 * MiB)).toBe(5 * MiB);
  });

  it('grows the parts so that no more than 10,000 are needed', () => {
    const size = 5 * 1024 * GiB; // S3's largest object, 5 TiB
    const partSize = choosePartSize(size, 5 * GiB) ?? 0;
    expect(partSize % MiB).toBe(0);
    expect(Math.ceil(size / partSize)).toBeLessThanOrEqual(MAX_PARTS);
    expect(partSize).toBeGreaterThan(256 * MiB);
  });

  it('gives up when the limits cannot be met', () => {
    expect(choosePartSize(10 * MiB, 4 * MiB)).toBeUndefined();
    expect(choosePartSize(MAX_PARTS * 5 * MiB + 1, 5 * MiB)).toBeUndefined();
  });
});

describe('partRanges', () => {
  it('covers every byte once, the last part holding the rest', () => {
    expect(partRanges(12, 5)).toEqual([
      { partNumber: 1, first: 0, last: 4 },
      { partNumber: 2, first: 5, last: 9 },
      { partNumber: 3, first: 10, last: 11 },
    ]);
    expect(partRanges(10, 5)).toHaveLength(2);
  });
});
