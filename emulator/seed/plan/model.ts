import type {
  BucketEncryptionRule,
  BucketObjectLock,
  ChecksumAlgorithm,
  CorsRule,
  ObjectLock,
  StorageClass,
  Tag,
  VersioningStatus,
} from '../../s3/model.js';

/**
 * The demo described as data: buckets, their settings over time, and every
 * write. It is pure (no Node APIs), so the browser can import the summary
 * derived from it; the seed turns it into stored records.
 */

/** S3 Inventory's `EncryptionStatus` values. */
export const ENCRYPTION_STATUSES = ['NOT-SSE', 'SSE-S3', 'SSE-KMS', 'DSSE-KMS', 'SSE-C'] as const;
export type EncryptionStatus = (typeof ENCRYPTION_STATUSES)[number];

export type PlannedEncryption =
  | { status: 'NOT-SSE' }
  | { status: 'SSE-S3' }
  | { status: 'SSE-KMS'; kmsKeyId: string; bucketKeyEnabled: boolean }
  | { status: 'DSSE-KMS'; kmsKeyId: string }
  /** Always with the demo SSE-C key. */
  | { status: 'SSE-C' };

export const NOT_SSE: PlannedEncryption = { status: 'NOT-SSE' };
export const SSE_S3: PlannedEncryption = { status: 'SSE-S3' };

/** Deterministic bytes: `line` once, or repeated and cut to exactly `size` bytes. */
export interface PlannedBody {
  line: string;
  size?: number;
}

export interface PlannedObject {
  key: string;
  lastModified: string;
  encryption: PlannedEncryption;
  body: PlannedBody;
  contentType: string;
  storageClass: StorageClass;
  userMetadata: Record<string, string>;
  tags: Tag[];
  restore?: { ongoing: boolean; expiryDate?: string };
  objectLock?: ObjectLock;
  checksumAlgorithm?: ChecksumAlgorithm;
  /** Encrypted by the Amazon S3 Encryption Client (V2, `AES/GCM` wrap) before S3 received it. */
  clientSideEncrypted: boolean;
}

export interface PlannedDeleteMarker {
  key: string;
  lastModified: string;
  deleteMarker: true;
}

export type PlannedWrite = PlannedObject | PlannedDeleteMarker;

export function isDeleteMarker(write: PlannedWrite): write is PlannedDeleteMarker {
  return 'deleteMarker' in write;
}

/** A stretch of a bucket's history: its settings then, and the writes made under them. */
export interface BucketPhase {
  versioning: VersioningStatus;
  encryption: BucketEncryptionRule;
  /** Set from the phase Object Lock is enabled in, which needs versioning Enabled; only then may writes carry `objectLock`. */
  objectLock?: BucketObjectLock;
  writes: PlannedWrite[];
}

export interface BucketPlan {
  name: string;
  creationDate: string;
  cors: CorsRule[];
  /** Oldest first; the last phase holds the bucket's current settings. */
  phases: BucketPhase[];
}

/** Object Lock enabled, with no default retention: each locked object sets its own. */
export const OBJECT_LOCK_ENABLED: BucketObjectLock = {};

/** SSE-S3 default encryption, which every bucket has had since 2023; buckets made before April 2026 do not block SSE-C. */
export const SSE_S3_DEFAULT: BucketEncryptionRule = { sseAlgorithm: 'AES256', bucketKeyEnabled: false, blockedEncryptionTypes: [] };
