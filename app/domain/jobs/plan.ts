import type { EncryptionKind, ObjectEncryption } from '../encryption';
import type { ArchiveStorageClass } from './restored-archive';
import type { SourceSettings } from './source-settings';

/** What the job will do with one object. */
export type PlanAction = 'skip' | 'update-encryption' | 'copy' | 'multipart-copy' | 'needs-customer-key' | 'cannot';

export const PLAN_ACTIONS: readonly PlanAction[] = ['skip', 'update-encryption', 'copy', 'multipart-copy', 'needs-customer-key', 'cannot'];

/** One object of a plan: plain data, so a journal can keep it. */
export interface PlanItem {
  id: string;
  bucket: string;
  region: string;
  key: string;
  /** Set where the bucket has versioning: the job then changes exactly this version. */
  versionId?: string;
  /** The ETag seen when planning; every change is conditional on it. */
  etag?: string;
  size?: number;
  versioned: boolean;
  /** Undefined when it could not be read. */
  before?: ObjectEncryption;
  action: PlanAction;
  /** Why, in words a user understands. */
  reason: string;
  /** A refused multipart copy the user may still accept (re-plan with acceptHiddenMetadata). */
  consent?: 'hidden-metadata';
  /** What a copy keeps (copy and multipart-copy). */
  source?: SourceSettings;
  /**
   * A copy of a restored archived object: the class it is archived in. The
   * copy is written with `source.storageClass`, this same class unless the
   * user chose another (PlanOptions.restoredArchiveStorageClass).
   */
  restoredArchiveClass?: ArchiveStorageClass;
  partSize?: number;
  /** An SSE-C source names its key by MD5; the key itself is given to the job in memory. */
  sourceCustomerKeyMd5?: string;
  tagCount?: number;
}

export interface PlanCounts {
  byEncryption: Record<EncryptionKind | 'unknown', number>;
  byAction: Record<PlanAction, number>;
}

export interface JobPlan {
  items: PlanItem[];
  counts: PlanCounts;
  /** What the review must say beyond each object's reason. */
  warnings: string[];
}

/** Unique per object version, and readable in a journal. */
export function planItemId(bucket: string, key: string, versionId: string | undefined): string {
  return JSON.stringify([bucket, key, versionId ?? null]);
}
