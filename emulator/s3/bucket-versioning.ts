import { s3Errors } from '../http/s3-error.js';
import { xmlReply, type S3Handler } from './call.js';
import type { VersioningStatus } from './model.js';
import { getBucket, saveBucket } from './repository.js';
import { readXmlDocument, xmlElement, xmlText } from './xml-document.js';

const SETTABLE_STATUSES: readonly VersioningStatus[] = ['Enabled', 'Suspended'];

export const getBucketVersioning: S3Handler = (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  // A bucket whose versioning was never set answers an empty configuration, with no Status.
  return xmlReply('VersioningConfiguration', bucket.versioning === 'Unversioned' ? {} : { Status: bucket.versioning });
};

/**
 * Enabled or Suspended; a bucket never goes back to unversioned, and one with
 * Object Lock is never suspended. A configuration without Status changes nothing.
 */
export const putBucketVersioning: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const config = xmlElement(await readXmlDocument<unknown>(call, 'VersioningConfiguration')) ?? {};
  const status = xmlText(config.Status);
  if (status !== undefined) {
    if (!SETTABLE_STATUSES.includes(status as VersioningStatus)) throw s3Errors.malformedXml();
    if (status === 'Suspended' && bucket.objectLock) {
      throw s3Errors.invalidBucketState('An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.');
    }
    saveBucket(call.ctx, { ...bucket, versioning: status as VersioningStatus });
  }
  return { status: 200 };
};
