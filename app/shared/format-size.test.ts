import { describe, expect, it } from 'vitest';
import { formatSize } from './format-size';

describe('formatSize', () => {
  it('writes sizes as the S3 console does', () => {
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(1023)).toBe('1023 bytes');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(12 * 1024 * 1024)).toBe('12.0 MB');
    expect(formatSize(5 * 1024 ** 3 + 1)).toBe('5.0 GB');
    expect(formatSize(1024 ** 6)).toBe('1024.0 PB');
  });
});
