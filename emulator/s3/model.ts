/** The records the S3 service keeps in the store. Values are replaced, never mutated in place. */

export type StorageClass =
  | 'STANDARD'
  | 'REDUCED_REDUNDANCY'
  | 'STANDARD_IA'
  | 'ONEZONE_IA'
  | 'INTELLIGENT_TIERING'
  | 'GLACIER'
  | 'DEEP_ARCHIVE'
  | 'GLACIER_IR'
  | 'OUTPOSTS'
  | 'SNOW'
  | 'EXPRESS_ONEZONE';

export const STORAGE_CLASSES: readonly StorageClass[] = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
];

/** Storage classes whose objects must be restored before they can be read or copied. */
export const ARCHIVED_STORAGE_CLASSES: readonly StorageClass[] = ['GLACIER', 'DEEP_ARCHIVE'];

export type VersioningStatus = 'Unversioned' | 'Enabled' | 'Suspended';

export interface BucketEncryptionRule {
  sseAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  kmsMasterKeyId?: string;
  bucketKeyEnabled: boolean;
  /** `BlockedEncryptionTypes`: 'SSE-C' or 'NONE'. */
  blockedEncryptionTypes: string[];
}

export interface CorsRule {
  id?: string;
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

export type ObjectLockRetentionMode = 'GOVERNANCE' | 'COMPLIANCE';

export const OBJECT_LOCK_RETENTION_MODES: readonly ObjectLockRetentionMode[] = ['GOVERNANCE', 'COMPLIANCE'];

/** `DefaultRetention`: the retention every new object gets unless its write sets one; a period in Days or Years. */
export interface DefaultRetention {
  mode: ObjectLockRetentionMode;
  days?: number;
  years?: number;
}

/** A bucket's Object Lock configuration. Once enabled, Object Lock cannot be turned off. */
export interface BucketObjectLock {
  defaultRetention?: DefaultRetention;
}

export interface BucketRecord {
  name: string;
  region: string;
  creationDate: string;
  versioning: VersioningStatus;
  /** Absent until PutBucketEncryption: S3 then applies SSE-S3 by default. */
  encryption?: BucketEncryptionRule;
  cors?: CorsRule[];
  /** Present once Object Lock is enabled; absent (as in stores written before it existed) means it is not. */
  objectLock?: BucketObjectLock;
  /** Absent until PutBucketTagging, and again after DeleteBucketTagging. */
  tags?: Tag[];
}

/** How an object's bytes are protected, as S3 reports it. */
export type ObjectSse =
  | { type: 'NONE' }
  | { type: 'AES256' }
  | { type: 'aws:kms'; keyArn: string; bucketKeyEnabled: boolean }
  | { type: 'aws:kms:dsse'; keyArn: string }
  | { type: 'SSE-C'; keyMd5: string; keyCheck: string };

/** One envelope layer of the bytes at rest; layers are applied in order when sealing. */
export type AtRestLayer =
  | { wrap: 'stack'; wrappedKey: string; iv: string; tag: string }
  | { wrap: 'kms'; ciphertextBlob: string; context: Record<string, string>; iv: string; tag: string }
  | { wrap: 'customer'; iv: string; tag: string };

export interface StoredBody {
  blobId: string;
  layers: AtRestLayer[];
  /**
   * Set when the blob is independently sealed segments end to end (an SSE-C
   * multipart object: its parts as uploaded, joined without the customer's key);
   * `layers` is then empty.
   */
  segments?: Array<{ size: number; layers: AtRestLayer[] }>;
}

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

export interface ObjectChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64 of the digest; for multipart objects, the checksum of part checksums followed by -N. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

export interface ObjectLock {
  mode?: ObjectLockRetentionMode;
  retainUntilDate?: string;
  legalHold?: 'ON' | 'OFF';
}

export interface Tag {
  key: string;
  value: string;
}

/** Content headers S3 stores with an object and returns on GET and HEAD. */
export interface ContentHeaders {
  contentType: string;
  contentEncoding?: string;
  contentLanguage?: string;
  contentDisposition?: string;
  cacheControl?: string;
  expires?: string;
  websiteRedirectLocation?: string;
}

export interface ObjectVersion {
  /** 'null' for objects written while the bucket was not versioned. */
  versionId: string;
  deleteMarker: boolean;
  lastModified: string;
  etag: string;
  size: number;
  storageClass: StorageClass;
  content: ContentHeaders;
  userMetadata: Record<string, string>;
  tags: Tag[];
  sse: ObjectSse;
  checksum?: ObjectChecksum;
  /** Sizes of the parts a multipart upload assembled, for PartsCount. */
  partSizes?: number[];
  /** Set when an archived object has been restored (`x-amz-restore`). */
  restore?: { ongoing: boolean; expiryDate?: string };
  objectLock?: ObjectLock;
  body?: StoredBody;
}

/** All versions of one key, newest first. */
export interface ObjectEntry {
  versions: ObjectVersion[];
}

export const bucketsTable = 'buckets';
export const objectsTable = (bucket: string) => `objects/${bucket}`;
export const uploadsTable = (bucket: string) => `uploads/${bucket}`;
/** Recently completed multipart uploads, so that a retried CompleteMultipartUpload gets the same answer. */
export const completedUploadsTable = (bucket: string) => `completed-uploads/${bucket}`;
