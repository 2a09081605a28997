import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type ChecksumType,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { MultipartCompletion, MultipartCopyStart, OpenUpload, PartCopy } from '../domain/jobs/object-store';
import { CHECKSUM_ALGORITHMS, type SourceSettings } from '../domain/jobs/source-settings';
import type { ObjectTag, WrittenObject } from '../domain/s3-object';
import { copySourceOf } from './copy-object';
import { copySourceCustomerKeyFields, customerKeyFields, writeEncryptionFields } from './write-encryption';

/** `x-amz-tagging`: tags as a URL query string. */
export function taggingHeaderOf(tags: readonly ObjectTag[]): string | undefined {
  if (tags.length === 0) return undefined;
  return tags.map((tag) => `${encodeURIComponent(tag.key)}=${encodeURIComponent(tag.value)}`).join('&');
}

/**
 * The checksum type the copy can have: CRC algorithms can keep a whole-object
 * checksum (so a FULL_OBJECT source keeps its value), CRC64NVME has only that
 * type, other algorithms only a checksum of the parts' checksums.
 */
export function multipartChecksumType(checksum: NonNullable<SourceSettings['checksum']>): ChecksumType {
  if (checksum.algorithm === 'CRC64NVME') return 'FULL_OBJECT';
  if (checksum.algorithm === 'CRC32' || checksum.algorithm === 'CRC32C') return checksum.type;
  return 'COMPOSITE';
}

export async function createMultipartCopy(s3: S3Client, start: MultipartCopyStart): Promise<string> {
  const { settings } = start;
  const output = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: start.object.bucket,
      Key: start.object.key,
      ContentType: settings.contentType,
      ContentLanguage: settings.contentLanguage,
      ContentDisposition: settings.contentDisposition,
      ContentEncoding: settings.contentEncoding,
      CacheControl: settings.cacheControl,
      Expires: settings.expires === undefined ? undefined : new Date(settings.expires),
      Metadata: settings.metadata,
      StorageClass: settings.storageClass,
      WebsiteRedirectLocation: settings.websiteRedirectLocation,
      Tagging: taggingHeaderOf(start.tags),
      ChecksumAlgorithm: settings.checksum?.algorithm,
      ChecksumType: settings.checksum && multipartChecksumType(settings.checksum),
      ...writeEncryptionFields(start.encryption),
    }),
  );
  if (!output.UploadId) throw new Error('S3 started a multipart upload without naming it (no UploadId).');
  return output.UploadId;
}

/** UploadPartCopy of one byte range, read only while the source's ETag is the one seen. */
export async function uploadPartCopy(s3: S3Client, copy: PartCopy): Promise<CompletedPart> {
  const output = await s3.send(
    new UploadPartCopyCommand({
      Bucket: copy.source.bucket,
      Key: copy.source.key,
      UploadId: copy.uploadId,
      PartNumber: copy.part.partNumber,
      CopySource: copySourceOf(copy.source),
      CopySourceIfMatch: copy.source.etag,
      CopySourceRange: `bytes=${copy.part.first}-${copy.part.last}`,
      ...copySourceCustomerKeyFields(copy.sourceCustomerKey),
      ...customerKeyFields(copy.targetCustomerKey),
    }),
  );
  const result: Record<string, unknown> = { ...output.CopyPartResult };
  const checksums = Object.fromEntries(
    CHECKSUM_ALGORITHMS.map((algorithm): [string, unknown] => [`Checksum${algorithm}`, result[`Checksum${algorithm}`]]).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return { PartNumber: copy.part.partNumber, ETag: output.CopyPartResult?.ETag, ...checksums };
}

export async function completeMultipartCopy(s3: S3Client, completion: MultipartCompletion): Promise<WrittenObject> {
  const output = await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: completion.object.bucket,
      Key: completion.object.key,
      UploadId: completion.uploadId,
      IfMatch: completion.object.etag,
      MultipartUpload: { Parts: completion.parts },
      ...customerKeyFields(completion.targetCustomerKey),
    }),
  );
  return { etag: output.ETag, versionId: output.VersionId };
}

/** Ends an upload and frees its parts, so nothing is left behind (and billed) after a failure. */
export async function abortMultipartUpload(s3: S3Client, upload: OpenUpload): Promise<void> {
  await s3.send(new AbortMultipartUploadCommand({ Bucket: upload.bucket, Key: upload.key, UploadId: upload.uploadId }));
}
