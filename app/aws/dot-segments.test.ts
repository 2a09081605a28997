import { describe, expect, it } from 'vitest';
import { protectDotSegments } from './dot-segments';

describe('protectDotSegments', () => {
  it('encodes the slash after a dot segment of the key, so no URL parser can resolve it', () => {
    expect(protectDotSegments('/bucket/../dot-dot.txt', 2)).toBe('/bucket/..%2Fdot-dot.txt');
    expect(protectDotSegments('/bucket/a/./b/../../c', 2)).toBe('/bucket/a/.%2Fb/..%2F..%2Fc');
    expect(protectDotSegments('/../x', 1)).toBe('/..%2Fx');
  });

  it('encodes the slash before a dot segment that ends the key', () => {
    expect(protectDotSegments('/bucket/logs/..', 2)).toBe('/bucket/logs%2F..');
  });

  it('leaves other paths and the bucket alone', () => {
    expect(protectDotSegments('/bucket/a//b.txt', 2)).toBe('/bucket/a//b.txt');
    expect(protectDotSegments('/bucket/..backup/.hidden', 2)).toBe('/bucket/..backup/.hidden');
    expect(protectDotSegments('/bucket/..', 2)).toBe('/bucket/..');
  });
});
