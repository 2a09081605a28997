import { CopyObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { InPlaceCopy } from '../domain/jobs/object-store';
import type { ObjectAddress, WrittenObject } from '../domain/s3-object';
import { copySourceCustomerKeyFields, writeEncryptionFields } from './write-encryption';

/** `x-amz-copy-source`: bucket and URL-encoded key (its slashes kept), and the version when one is named. */
export function copySourceOf(address: ObjectAddress): string {
  const path = `${address.bucket}/${address.key.split('/').map(encodeURIComponent).join('/')}`;
  return address.versionId === undefined ? path : `${path}?versionId=${encodeURIComponent(address.versionId)}`;
}

/**
 * Copies an object onto itself with new encryption. Metadata, content headers
 * and tags come along (COPY directives); the storage class must be sent, or
 * the copy would be STANDARD, and so must the website redirect, which S3
 * never copies. The copy reads the source only while its ETag
 * is the one seen (x-amz-copy-source-if-match), and writes only while the
 * current object still has it (If-Match, which S3 checks atomically; servers
 * without conditional copies ignore it). Either failing is 412.
 */
export async function copyObjectInPlace(s3: S3Client, copy: InPlaceCopy): Promise<WrittenObject> {
  const { object } = copy;
  const output = await s3.send(
    new CopyObjectCommand({
      Bucket: object.bucket,
      Key: object.key,
      CopySource: copySourceOf(object),
      CopySourceIfMatch: object.etag,
      IfMatch: object.etag,
      MetadataDirective: 'COPY',
      TaggingDirective: 'COPY',
      StorageClass: copy.storageClass,
      ChecksumAlgorithm: copy.checksumAlgorithm,
      WebsiteRedirectLocation: copy.websiteRedirectLocation,
      ...copySourceCustomerKeyFields(copy.sourceCustomerKey),
      ...writeEncryptionFields(copy.encryption),
    }),
  );
  return { etag: output.CopyObjectResult?.ETag, versionId: output.VersionId };
}
