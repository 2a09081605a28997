import type { ObjectHead } from '../s3-object';

/** Why S3 would refuse to change this object in place, in a user's words; undefined when it is not under Object Lock. */
export function objectLockOf(head: ObjectHead, now: Date): string | undefined {
  const holds: string[] = [];
  if (head.ObjectLockLegalHoldStatus === 'ON') holds.push('a legal hold');
  const until = head.ObjectLockRetainUntilDate;
  if (head.ObjectLockMode && until && until.getTime() > now.getTime()) {
    holds.push(`${head.ObjectLockMode} retention until ${until.toISOString()}`);
  }
  return holds.length > 0 ? holds.join(' and ') : undefined;
}

/**
 * Where the object's bytes are: archive tiers (GLACIER, DEEP_ARCHIVE and the
 * Intelligent-Tiering archive tiers) must be restored before anything can read them.
 */
export type ArchiveState = 'active' | 'archived' | 'restoring' | 'restored';

const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

export function archiveStateOf(head: ObjectHead): ArchiveState {
  const archived = ARCHIVE_CLASSES.has(head.StorageClass ?? '') || head.ArchiveStatus !== undefined;
  if (!archived) return 'active';
  if (head.Restore?.includes('ongoing-request="true"')) return 'restoring';
  if (head.Restore?.includes('ongoing-request="false"')) return 'restored';
  return 'archived';
}

/** Where it lives, for messages: the storage class or Intelligent-Tiering tier. */
export function archiveTierOf(head: ObjectHead): string {
  return head.ArchiveStatus ? `INTELLIGENT_TIERING ${head.ArchiveStatus}` : (head.StorageClass ?? 'STANDARD');
}
