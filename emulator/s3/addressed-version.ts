import { queryValue } from '../http/request.js';
import { S3Error } from '../http/s3-error.js';
import type { S3Call } from './call.js';
import type { BucketRecord, ObjectVersion } from './model.js';
import { findVersion, getBucket, getEntry } from './repository.js';

/**
 * The version an object sub-resource call (tagging, retention, legal hold)
 * addresses: the latest, or the one `?versionId=` names. Unlike GetObject, a
 * delete marker, named or latest, is 405 MethodNotAllowed.
 */
export function addressedVersion(call: S3Call, method: string): { bucket: BucketRecord; version: ObjectVersion } {
  const bucket = getBucket(call.ctx, call.bucket);
  const versionId = queryValue(call.request.query, 'versionId');
  const versions = getEntry(call.ctx, bucket.name, call.key)?.versions ?? [];
  const addressed = versionId === undefined ? versions[0] : versions.find((v) => v.versionId === versionId);
  if (addressed?.deleteMarker) {
    throw new S3Error(
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      405,
      { Method: method, ResourceType: 'DeleteMarker' },
      { 'x-amz-delete-marker': 'true', 'x-amz-version-id': addressed.versionId, allow: 'DELETE' },
    );
  }
  return { bucket, version: findVersion(call.ctx, bucket.name, call.key, versionId) };
}
