import { md5Etag } from './checksums.js';
import type { StackContext } from '../context.js';
import type { BucketRecord, ObjectSse, ObjectVersion, StoredBody } from './model.js';
import { putVersion } from './repository.js';
import type { SealingKeys } from './at-rest.js';

export type NewObject = Omit<ObjectVersion, 'versionId' | 'body' | 'etag' | 'lastModified' | 'deleteMarker' | 'size'> & {
  /** Set when the ETag is not the MD5 of the bytes (multipart uploads). */
  etag?: string;
};

/**
 * Seals the bytes as the object's encryption requires and stores them as the
 * key's newest version. ETags are the MD5 of the bytes, except for SSE-KMS,
 * DSSE-KMS and SSE-C objects, whose ETags S3 documents as not being one.
 * `lastModified` is now, except for the demo seed's backdated legacy objects.
 */
export function storeObject(
  ctx: StackContext,
  bucket: BucketRecord,
  key: string,
  bytes: Buffer,
  fields: NewObject,
  sealing: SealingKeys,
  lastModified = new Date().toISOString(),
): ObjectVersion {
  const body = ctx.atRest.seal(bytes, fields.sse, sealing);
  const etag = fields.etag ?? (hidesMd5(fields.sse) ? md5Etag(ctx.store.getBlob(body.blobId)) : md5Etag(bytes));
  return storeSealedObject(ctx, bucket, key, body, bytes.length, { ...fields, etag }, lastModified);
}

/** Stores bytes already sealed (joined SSE-C parts) as the key's newest version. */
export function storeSealedObject(
  ctx: StackContext,
  bucket: BucketRecord,
  key: string,
  body: StoredBody,
  size: number,
  fields: NewObject & { etag: string },
  lastModified = new Date().toISOString(),
): ObjectVersion {
  return putVersion(ctx, bucket, key, { ...fields, body, size, deleteMarker: false, lastModified });
}

function hidesMd5(sse: ObjectSse): boolean {
  return sse.type === 'aws:kms' || sse.type === 'aws:kms:dsse' || sse.type === 'SSE-C';
}
