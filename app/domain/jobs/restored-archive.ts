import type { StorageClass } from '@aws-sdk/client-s3';
import type { ObjectHead } from '../s3-object';
import { archiveStateOf } from './object-state';

/**
 * Storage classes whose objects are read only after a restore, and whose
 * restored copy is temporary: a copy that keeps the class is archived again.
 * (A restore from the Intelligent-Tiering archive tiers moves the object back
 * to its Frequent Access tier instead, so a copy of it stays readable.)
 */
export type ArchiveStorageClass = 'GLACIER' | 'DEEP_ARCHIVE';

/** S3 bills these for at least this many days: deleted, overwritten or moved sooner, the rest is charged anyway (storage-class-intro.html). */
export const MINIMUM_STORAGE_DAYS: Record<ArchiveStorageClass, number> = { GLACIER: 90, DEEP_ARCHIVE: 180 };

/** What copying a restored archived object onto itself costs, whatever class the copy gets. */
export const ARCHIVED_ORIGINAL_OVERWRITTEN = `Where the bucket keeps no versions, a copy overwrites the restored archived object it was made from. S3 bills GLACIER objects for at least ${MINIMUM_STORAGE_DAYS.GLACIER} days and DEEP_ARCHIVE objects for at least ${MINIMUM_STORAGE_DAYS.DEEP_ARCHIVE}: an original overwritten sooner is charged for the rest of that time.`;

/** Where a copy of a restored archived object may go: classes S3 reads without a restore. */
export const READABLE_STORAGE_CLASSES = [
  'STANDARD',
  'INTELLIGENT_TIERING',
  'STANDARD_IA',
  'ONEZONE_IA',
  'GLACIER_IR',
] as const satisfies readonly StorageClass[];

export type ReadableStorageClass = (typeof READABLE_STORAGE_CLASSES)[number];

/** The archive class of a restored GLACIER or DEEP_ARCHIVE object; undefined for any other object. */
export function restoredArchiveClassOf(head: ObjectHead): ArchiveStorageClass | undefined {
  if (archiveStateOf(head) !== 'restored') return undefined;
  return head.StorageClass === 'GLACIER' || head.StorageClass === 'DEEP_ARCHIVE' ? head.StorageClass : undefined;
}
