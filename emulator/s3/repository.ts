import { randomBytes } from 'node:crypto';
import { s3Errors, S3Error } from '../http/s3-error.js';
import type { StackContext } from '../context.js';
import { bucketsTable, objectsTable, type BucketRecord, type ObjectEntry, type ObjectVersion } from './model.js';

/** Lookups and writes of buckets and object versions with S3's versioning rules. */

export function getBucket(ctx: StackContext, name: string): BucketRecord {
  const bucket = ctx.store.get<BucketRecord>(bucketsTable, name);
  if (!bucket) throw s3Errors.noSuchBucket(name);
  return bucket;
}

export function saveBucket(ctx: StackContext, bucket: BucketRecord): void {
  ctx.store.put(bucketsTable, bucket.name, bucket);
}

export function getEntry(ctx: StackContext, bucket: string, key: string): ObjectEntry | undefined {
  return ctx.store.get<ObjectEntry>(objectsTable(bucket), key);
}

/**
 * The version a read addresses: the latest one, or the one named by versionId.
 * A delete marker as latest reads as NoSuchKey; a delete marker named by id is
 * 405 MethodNotAllowed, as S3 answers.
 */
export function findVersion(ctx: StackContext, bucket: string, key: string, versionId?: string): ObjectVersion {
  getBucket(ctx, bucket);
  const entry = getEntry(ctx, bucket, key);
  if (versionId === undefined) {
    const latest = entry?.versions[0];
    if (!latest) throw s3Errors.noSuchKey(key);
    if (latest.deleteMarker) {
      throw new S3Error(
        'NoSuchKey',
        'The specified key does not exist.',
        404,
        { Key: key },
        {
          'x-amz-delete-marker': 'true',
          'x-amz-version-id': latest.versionId,
        },
      );
    }
    return latest;
  }
  const version = entry?.versions.find((v) => v.versionId === versionId);
  if (!version) {
    if (!isValidVersionId(versionId)) throw s3Errors.invalidArgument('Invalid version id specified', 'versionId', versionId);
    throw s3Errors.noSuchVersion(key, versionId);
  }
  if (version.deleteMarker) {
    throw new S3Error(
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      405,
      {
        Method: 'GET',
        ResourceType: 'DeleteMarker',
      },
      { 'x-amz-delete-marker': 'true', 'x-amz-version-id': versionId },
    );
  }
  return version;
}

export function isValidVersionId(versionId: string): boolean {
  return versionId === 'null' || /^[A-Za-z0-9._-]{1,1024}$/.test(versionId);
}

export function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Adds a version as the latest one. Unversioned buckets keep one version;
 * suspended ones replace the 'null' version; enabled ones keep every version.
 * Returns the stored version (with its version id). The new version's bytes
 * are already stored; the replaced version's go only once the record no
 * longer names them, so a crash in between leaves an unused blob (swept at
 * start), never a record without its bytes.
 */
export function putVersion(ctx: StackContext, bucket: BucketRecord, key: string, version: Omit<ObjectVersion, 'versionId'>): ObjectVersion {
  const entry = getEntry(ctx, bucket.name, key) ?? { versions: [] };
  const versionId = bucket.versioning === 'Enabled' ? newVersionId() : 'null';
  const stored: ObjectVersion = { ...version, versionId };
  const isReplaced = (v: ObjectVersion) => versionId === 'null' && (bucket.versioning === 'Unversioned' || v.versionId === 'null');
  ctx.store.put(objectsTable(bucket.name), key, { versions: [stored, ...entry.versions.filter((v) => !isReplaced(v))] });
  for (const replaced of entry.versions.filter(isReplaced)) ctx.atRest.discard(replaced.body);
  return stored;
}

/** Replaces one existing version in place (tagging, UpdateObjectEncryption): no new version is made. */
export function replaceVersion(ctx: StackContext, bucket: string, key: string, version: ObjectVersion): void {
  const entry = getEntry(ctx, bucket, key);
  if (!entry) throw s3Errors.noSuchKey(key);
  const versions = entry.versions.map((v) => (v.versionId === version.versionId ? version : v));
  ctx.store.put(objectsTable(bucket), key, { versions });
}

/** S3's `x-amz-version-id` is sent only once a bucket has had versioning configured. */
export function versionIdHeader(bucket: BucketRecord, version: ObjectVersion): Record<string, string> {
  return bucket.versioning === 'Unversioned' ? {} : { 'x-amz-version-id': version.versionId };
}
