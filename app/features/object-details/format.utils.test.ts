import { describe, expect, it } from 'vitest';
import { etagText, formatUtc, NOT_SET, sizeText } from './format.utils';

describe('sizes', () => {
  it('gives the exact byte count with the human size beside it', () => {
    expect(sizeText(1)).toBe('1 byte');
    expect(sizeText(57)).toBe('57 bytes');
    expect(sizeText(12_582_912)).toBe('12,582,912 bytes (12.0 MB)');
    expect(sizeText(undefined)).toBe(NOT_SET);
  });
});

describe('dates and ETags', () => {
  it('writes dates in UTC to the second', () => {
    expect(formatUtc(new Date('2024-06-01T10:00:00.000Z'))).toBe('2024-06-01 10:00:00 UTC');
    expect(formatUtc(new Date('not a date'))).toBe(NOT_SET);
    expect(formatUtc(undefined)).toBe(NOT_SET);
  });

  it('drops the quotes S3 puts around an ETag', () => {
    expect(etagText('"9b2cf535f27731c974343645a3985328"')).toBe('9b2cf535f27731c974343645a3985328');
    expect(etagText('"abc-3"')).toBe('abc-3');
    expect(etagText(undefined)).toBe(NOT_SET);
  });
});
