import type { ChecksumAlgorithm, CompletedPart, StorageClass } from '@aws-sdk/client-s3';
import type { CustomerKey } from '../customer-key';
import type { ObjectAddress, ObjectHead, ObjectTag, SeenObject, WrittenObject } from '../s3-object';
import type { Md5Constructor } from './customer-keys';
import type { PartRange } from './part-size';
import type { SourceSettings } from './source-settings';
import type { TargetEncryption } from './target-encryption';

/**
 * What a re-encryption job asks of S3, in one region. The job owns this
 * interface; the console's runtime (`app/jobs/`) and the bench hand it the
 * S3 operations through a client without SDK retries, since the job runs the
 * retry strategy around each request itself. Failures are the SDK's errors,
 * which `aws-error.ts` reads.
 */
export interface ObjectStore {
  /** With ChecksumMode ENABLED, and the SSE-C key when one is given. */
  headObject(address: ObjectAddress, customerKey?: CustomerKey): Promise<ObjectHead>;
  getObjectTagging(address: ObjectAddress): Promise<ObjectTag[]>;
  copyObjectInPlace(copy: InPlaceCopy): Promise<WrittenObject>;
  updateObjectEncryption(update: KmsEncryptionUpdate): Promise<void>;
  /** Returns the upload's id. */
  createMultipartCopy(start: MultipartCopyStart): Promise<string>;
  uploadPartCopy(copy: PartCopy): Promise<CompletedPart>;
  completeMultipartCopy(completion: MultipartCompletion): Promise<WrittenObject>;
  abortMultipartUpload(upload: OpenUpload): Promise<void>;
  /** The MD5 the client names SSE-C keys with (browsers' WebCrypto has none). */
  readonly md5: Md5Constructor;
}

export interface InPlaceCopy {
  object: SeenObject;
  encryption: TargetEncryption;
  sourceCustomerKey?: CustomerKey;
  storageClass: StorageClass;
  checksumAlgorithm?: ChecksumAlgorithm;
  websiteRedirectLocation?: string;
}

export interface KmsEncryptionUpdate {
  object: ObjectAddress;
  /** A full key ARN: S3 refuses key ids and aliases here. */
  keyArn: string;
  bucketKey: boolean;
}

export interface MultipartCopyStart {
  object: ObjectAddress;
  encryption: TargetEncryption;
  /** A multipart upload copies nothing from its source: every setting to keep is sent here. */
  settings: SourceSettings;
  tags: readonly ObjectTag[];
}

export interface PartCopy {
  source: SeenObject;
  uploadId: string;
  part: PartRange;
  sourceCustomerKey?: CustomerKey;
  /** An SSE-C upload needs its key on every part. */
  targetCustomerKey?: CustomerKey;
}

export interface MultipartCompletion {
  /** The object replaced, as seen: S3 completes only while it still has this ETag (If-Match). */
  object: SeenObject;
  uploadId: string;
  parts: CompletedPart[];
  targetCustomerKey?: CustomerKey;
}

export interface OpenUpload {
  bucket: string;
  key: string;
  uploadId: string;
}
