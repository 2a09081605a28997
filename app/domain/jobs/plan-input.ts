import type { EncryptionReading, HeaderVisibility } from '../encryption';
import type { ObjectHead } from '../s3-object';
import type { ReadableStorageClass } from './restored-archive';

/**
 * What a caller can read of S3's response headers. Outside a browser every
 * header is readable; in one, only those the bucket's CORS rule exposes, and
 * a hidden header looks exactly like an absent one.
 */
export interface ResponseHeaderAccess {
  encryption: HeaderVisibility;
  canRead(header: string): boolean;
  /** CORS has no wildcard for `x-amz-meta-*`: a browser never knows it sees all user metadata. */
  seesAllUserMetadata: boolean;
}

export const EVERY_HEADER_READABLE: ResponseHeaderAccess = { encryption: 'exposed', canRead: () => true, seesAllUserMetadata: true };

/** What the planner needs to know of a bucket. */
export interface BucketFacts {
  name: string;
  region: string;
  versioning: 'Enabled' | 'Suspended' | 'Unversioned';
  /** BlockedEncryptionTypes.EncryptionType of its default encryption rule. */
  blockedEncryptionTypes: readonly string[];
  /** The most one CopyObject may copy: 5 GiB on AWS (AWS_COPY_SIZE_LIMIT); S3-compatible servers differ. */
  copySizeLimit: number;
  headers: ResponseHeaderAccess;
}

/** One selected object as HeadObject (ChecksumMode ENABLED, with its SSE-C key when given) saw it. */
export interface SelectedObject {
  bucket: string;
  key: string;
  observation: { status: 'headed'; head: ObjectHead } | Extract<EncryptionReading, { status: 'unreadable' }>;
  /** From a GetObject's x-amz-tagging-count or a listing, when known: 0 spares a GetObjectTagging. */
  tagCount?: number;
}

export interface PlanOptions {
  /** The user accepted that a multipart copy may drop metadata the browser cannot see. */
  acceptHiddenMetadata?: boolean;
  /**
   * The storage class copies of restored GLACIER and DEEP_ARCHIVE objects are
   * written with. Unset, they keep their archive class: S3 archives the copy
   * again, and it must be restored again to be read.
   */
  restoredArchiveStorageClass?: ReadableStorageClass;
  /** When Object Lock retention is judged. */
  now?: Date;
}
