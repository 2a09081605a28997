import { describe, expect, it } from 'vitest';
import { checksumAlgorithmOf, sourceSettingsOf } from './source-settings';

describe('sourceSettingsOf', () => {
  it('reads what a copy has to keep, with STANDARD for a head without a storage class', () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    expect(
      sourceSettingsOf({
        ContentType: 'text/csv',
        ContentLanguage: 'en',
        ContentDisposition: 'attachment',
        ContentEncoding: 'gzip',
        CacheControl: 'max-age=60',
        Expires: expires,
        Metadata: { owner: 'finance' },
        ChecksumSHA256: 'abc=',
        ChecksumType: 'COMPOSITE',
      }),
    ).toEqual({
      storageClass: 'STANDARD',
      checksum: { algorithm: 'SHA256', type: 'COMPOSITE' },
      contentType: 'text/csv',
      contentLanguage: 'en',
      contentDisposition: 'attachment',
      contentEncoding: 'gzip',
      cacheControl: 'max-age=60',
      expires: expires.toUTCString(),
      metadata: { owner: 'finance' },
    });
  });

  it('leaves out what the head does not have, and keeps S3 expiry text as sent', () => {
    const settings = sourceSettingsOf({ StorageClass: 'STANDARD_IA', ExpiresString: 'not a date' });
    expect(settings).toEqual({ storageClass: 'STANDARD_IA', expires: 'not a date', metadata: {} });
    expect(Object.keys(settings)).not.toContain('contentType');
  });

  it('finds the checksum algorithm, FULL_OBJECT when the type is not reported', () => {
    expect(checksumAlgorithmOf({ ChecksumCRC64NVME: 'x' })).toBe('CRC64NVME');
    expect(checksumAlgorithmOf({})).toBeUndefined();
    expect(sourceSettingsOf({ ChecksumCRC32: 'x' }).checksum).toEqual({ algorithm: 'CRC32', type: 'FULL_OBJECT' });
  });
});
