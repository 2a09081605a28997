import { describe, expect, it } from 'vitest';
import { decodeUrlEncodedName } from './url-encoded-names';

describe('decodeUrlEncodedName', () => {
  it('restores keys S3 percent-encoded, keeping slashes and literal percent signs', () => {
    expect(decodeUrlEncodedName('dir/with%20space/plus%2Bsign.txt')).toBe('dir/with space/plus+sign.txt');
    expect(decodeUrlEncodedName('percent%2520literal.txt')).toBe('percent%20literal.txt');
    expect(decodeUrlEncodedName('emoji-%F0%9F%94%90.txt')).toBe('emoji-🔐.txt');
    expect(decodeUrlEncodedName('a//b.txt')).toBe('a//b.txt');
  });

  it('reads a bare plus as a space, as form encoding writes it', () => {
    expect(decodeUrlEncodedName('with+space.txt')).toBe('with space.txt');
  });
});
