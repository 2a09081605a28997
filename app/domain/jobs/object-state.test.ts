import { describe, expect, it } from 'vitest';
import { archiveStateOf, archiveTierOf, objectLockOf } from './object-state';

const NOW = new Date('2026-06-01T00:00:00Z');
const LATER = new Date('2027-01-01T00:00:00Z');

describe('objectLockOf', () => {
  it('names a legal hold and a retention period that has not ended', () => {
    expect(objectLockOf({ ObjectLockLegalHoldStatus: 'ON' }, NOW)).toBe('a legal hold');
    expect(objectLockOf({ ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: LATER }, NOW)).toBe(
      'COMPLIANCE retention until 2027-01-01T00:00:00.000Z',
    );
    expect(objectLockOf({ ObjectLockLegalHoldStatus: 'ON', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: LATER }, NOW)).toBe(
      'a legal hold and GOVERNANCE retention until 2027-01-01T00:00:00.000Z',
    );
  });

  it('does not count an ended retention or a released hold', () => {
    expect(objectLockOf({ ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date('2026-01-01T00:00:00Z') }, NOW)).toBeUndefined();
    expect(objectLockOf({ ObjectLockLegalHoldStatus: 'OFF' }, NOW)).toBeUndefined();
    expect(objectLockOf({}, NOW)).toBeUndefined();
  });
});

describe('archiveStateOf', () => {
  it('tells archived, restoring and restored objects apart', () => {
    expect(archiveStateOf({ StorageClass: 'GLACIER' })).toBe('archived');
    expect(archiveStateOf({ StorageClass: 'DEEP_ARCHIVE', Restore: 'ongoing-request="true"' })).toBe('restoring');
    expect(archiveStateOf({ StorageClass: 'GLACIER', Restore: 'ongoing-request="false", expiry-date="Fri, 21 Dec 2029 00:00:00 GMT"' })).toBe(
      'restored',
    );
    expect(archiveStateOf({ StorageClass: 'INTELLIGENT_TIERING', ArchiveStatus: 'DEEP_ARCHIVE_ACCESS' })).toBe('archived');
  });

  it('counts instant-retrieval and frequent classes as active', () => {
    for (const StorageClass of [undefined, 'STANDARD_IA', 'GLACIER_IR', 'INTELLIGENT_TIERING'] as const) {
      expect(archiveStateOf({ StorageClass })).toBe('active');
    }
  });

  it('names the tier for messages', () => {
    expect(archiveTierOf({ StorageClass: 'GLACIER' })).toBe('GLACIER');
    expect(archiveTierOf({ StorageClass: 'INTELLIGENT_TIERING', ArchiveStatus: 'ARCHIVE_ACCESS' })).toBe('INTELLIGENT_TIERING ARCHIVE_ACCESS');
  });
});
