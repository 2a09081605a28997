import { describe, expect, it } from 'vitest';
import { multipartChecksumType, taggingHeaderOf } from './multipart-copy';

describe('taggingHeaderOf', () => {
  it('writes tags as a URL query string, or nothing for no tags', () => {
    expect(
      taggingHeaderOf([
        { key: 'team', value: 'blue green' },
        { key: 'a+b', value: '=1&2' },
      ]),
    ).toBe('team=blue%20green&a%2Bb=%3D1%262');
    expect(taggingHeaderOf([])).toBeUndefined();
  });
});

describe('multipartChecksumType', () => {
  it('keeps a whole-object CRC where S3 allows one, else checksums of the parts', () => {
    expect(multipartChecksumType({ algorithm: 'CRC32', type: 'FULL_OBJECT' })).toBe('FULL_OBJECT');
    expect(multipartChecksumType({ algorithm: 'CRC32C', type: 'COMPOSITE' })).toBe('COMPOSITE');
    expect(multipartChecksumType({ algorithm: 'CRC64NVME', type: 'COMPOSITE' })).toBe('FULL_OBJECT');
    expect(multipartChecksumType({ algorithm: 'SHA256', type: 'FULL_OBJECT' })).toBe('COMPOSITE');
  });
});
