import { describe, expect, it } from 'vitest';
import { restoredArchiveClassOf } from './restored-archive';

const RESTORED = 'ongoing-request="false", expiry-date="Fri, 21 Dec 2029 00:00:00 GMT"';

describe('restoredArchiveClassOf', () => {
  it('names the class of a restored GLACIER or DEEP_ARCHIVE object', () => {
    expect(restoredArchiveClassOf({ StorageClass: 'GLACIER', Restore: RESTORED })).toBe('GLACIER');
    expect(restoredArchiveClassOf({ StorageClass: 'DEEP_ARCHIVE', Restore: RESTORED })).toBe('DEEP_ARCHIVE');
  });

  it('is undefined for archived objects not restored yet, restoring, in Intelligent-Tiering, or not archived', () => {
    expect(restoredArchiveClassOf({ StorageClass: 'GLACIER' })).toBeUndefined();
    expect(restoredArchiveClassOf({ StorageClass: 'DEEP_ARCHIVE', Restore: 'ongoing-request="true"' })).toBeUndefined();
    expect(
      restoredArchiveClassOf({ StorageClass: 'INTELLIGENT_TIERING', ArchiveStatus: 'DEEP_ARCHIVE_ACCESS', Restore: 'ongoing-request="false"' }),
    ).toBeUndefined();
    expect(restoredArchiveClassOf({ StorageClass: 'GLACIER_IR' })).toBeUndefined();
    expect(restoredArchiveClassOf({})).toBeUndefined();
  });
});
