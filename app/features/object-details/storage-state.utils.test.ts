import { describe, expect, it } from 'vitest';
import { parseRestore, storageStateOf, storageStateText } from './storage-state.utils';

const RESTORED = 'ongoing-request="false", expiry-date="Tue, 31 Dec 2030 00:00:00 GMT"';

describe('parseRestore', () => {
  it('reads an ongoing and a finished restore', () => {
    expect(parseRestore('ongoing-request="true"')).toEqual({ ongoing: true });
    expect(parseRestore(RESTORED)).toEqual({ ongoing: false, expiry: new Date('2030-12-31T00:00:00.000Z') });
  });

  it('ignores a missing or unknown header', () => {
    expect(parseRestore(undefined)).toBeUndefined();
    expect(parseRestore('something else')).toBeUndefined();
  });
});

describe('storage state', () => {
  it('takes a missing storage class for STANDARD, which S3 does not report', () => {
    expect(storageStateOf({})).toEqual({ kind: 'available', storageClass: 'STANDARD' });
    expect(storageStateOf({ StorageClass: 'STANDARD_IA' })).toEqual({ kind: 'available', storageClass: 'STANDARD_IA' });
    expect(storageStateOf({ StorageClass: 'GLACIER_IR' }).kind).toBe('available');
  });

  it('tells archived, restoring and restored objects apart', () => {
    expect(storageStateText(storageStateOf({ StorageClass: 'GLACIER' }))).toBe('Archived (GLACIER): restore before copying');
    expect(storageStateText(storageStateOf({ StorageClass: 'DEEP_ARCHIVE', Restore: 'ongoing-request="true"' }))).toBe(
      'Restore in progress (DEEP_ARCHIVE): copy once it completes',
    );
    expect(storageStateOf({ StorageClass: 'DEEP_ARCHIVE', Restore: RESTORED })).toEqual({
      kind: 'restored',
      storageClass: 'DEEP_ARCHIVE',
      until: new Date('2030-12-31T00:00:00.000Z'),
    });
    expect(storageStateText(storageStateOf({ StorageClass: 'DEEP_ARCHIVE', Restore: RESTORED }))).toBe('Restored until 2030-12-31 00:00:00 UTC');
  });

  it('counts only the archive tiers of Intelligent-Tiering as archived', () => {
    expect(storageStateOf({ StorageClass: 'INTELLIGENT_TIERING' }).kind).toBe('available');
    expect(storageStateText(storageStateOf({ StorageClass: 'INTELLIGENT_TIERING', ArchiveStatus: 'DEEP_ARCHIVE_ACCESS' }))).toBe(
      'Archived (INTELLIGENT_TIERING, DEEP_ARCHIVE_ACCESS): restore before copying',
    );
  });
});
