import { formatUtc } from './format.utils';

/** The storage fields of a HeadObject response, as the SDK names them. */
export interface StorageHeaders {
  StorageClass?: string;
  Restore?: string;
  ArchiveStatus?: string;
}

/**
 * Whether S3 can copy the object's bytes now: GLACIER, DEEP_ARCHIVE and the
 * Intelligent-Tiering archive tiers must be restored first, else CopyObject
 * fails with 403 InvalidObjectState.
 */
export type StorageState =
  | { kind: 'available'; storageClass: string }
  | { kind: 'archived'; storageClass: string; archiveTier?: string }
  | { kind: 'restoring'; storageClass: string; archiveTier?: string }
  | { kind: 'restored'; storageClass: string; archiveTier?: string; until?: Date };

const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

export interface RestoreStatus {
  ongoing: boolean;
  expiry?: Date;
}

/** Reads `x-amz-restore`: `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"`. */
export function parseRestore(header: string | undefined): RestoreStatus | undefined {
  const ongoing = header && /ongoing-request="(true|false)"/.exec(header)?.[1];
  if (!ongoing) return undefined;
  const expiry = /expiry-date="([^"]+)"/.exec(header)?.[1];
  return { ongoing: ongoing === 'true', ...(expiry ? { expiry: new Date(expiry) } : {}) };
}

/** HEAD omits the storage class of STANDARD objects. */
export function storageStateOf(head: StorageHeaders): StorageState {
  const storageClass = head.StorageClass ?? 'STANDARD';
  const archived = ARCHIVE_CLASSES.has(storageClass) || (storageClass === 'INTELLIGENT_TIERING' && head.ArchiveStatus !== undefined);
  if (!archived) return { kind: 'available', storageClass };
  const archive = { storageClass, ...(head.ArchiveStatus ? { archiveTier: head.ArchiveStatus } : {}) };
  const restore = parseRestore(head.Restore);
  if (!restore) return { kind: 'archived', ...archive };
  if (restore.ongoing) return { kind: 'restoring', ...archive };
  return { kind: 'restored', ...archive, ...(restore.expiry ? { until: restore.expiry } : {}) };
}

/** GLACIER, or INTELLIGENT_TIERING with its archive tier. */
export function archiveLabel(state: StorageState): string {
  return 'archiveTier' in state && state.archiveTier ? `${state.storageClass}, ${state.archiveTier}` : state.storageClass;
}

export function storageStateText(state: StorageState): string {
  switch (state.kind) {
    case 'available':
      return 'Available: S3 can copy it now';
    case 'archived':
      return `Archived (${archiveLabel(state)}): restore before copying`;
    case 'restoring':
      return `Restore in progress (${archiveLabel(state)}): copy once it completes`;
    case 'restored':
      return state.until ? `Restored until ${formatUtc(state.until)}` : 'Restored';
  }
}
