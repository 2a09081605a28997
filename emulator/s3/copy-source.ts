import type { StackContext } from '../context.js';
import { S3Error, s3Errors } from '../http/s3-error.js';
import { requireKeyUse } from './authorization.js';
import type { S3Call } from './call.js';
import { checkConditions, readConditions } from './conditions.js';
import { ARCHIVED_STORAGE_CLASSES, type BucketRecord, type ObjectVersion } from './model.js';
import { isRestored } from './object-read.js';
import { findVersion, getBucket } from './repository.js';
import { COPY_SOURCE_SSE_C_PREFIX, readCustomerKey, relayKmsErrors, requireCustomerKey } from './sse.js';

/** The object version a CopyObject or UploadPartCopy reads, with the SSE-C key that opens it. */
export interface CopySource {
  bucket: BucketRecord;
  key: string;
  version: ObjectVersion;
  customerKey?: Buffer;
}

interface CopySourceName {
  bucket: string;
  key: string;
  versionId?: string;
}

function invalidCopySource(): S3Error {
  return s3Errors.invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey.', 'x-amz-copy-source');
}

/** `x-amz-copy-source`: URL-encoded `bucket/key` or `/bucket/key`, optionally followed by `?versionId=…`. */
export function parseCopySource(value: string): CopySourceName {
  const query = value.indexOf('?');
  const encodedPath = query < 0 ? value : value.slice(0, query);
  const versionId = query < 0 ? undefined : (new URLSearchParams(value.slice(query + 1)).get('versionId') ?? undefined);
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    throw invalidCopySource();
  }
  if (path.startsWith('/')) path = path.slice(1);
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw invalidCopySource();
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1), versionId };
}

/**
 * Resolves and checks the copy source as S3 does before copying anything: the
 * version exists, its SSE-C key (x-amz-copy-source-server-side-encryption-customer-*)
 * is right, the x-amz-copy-source-if-* conditions hold (412 where a GET would
 * answer 304), it is not in an archive tier awaiting restore, and the caller
 * may decrypt it when it is under a KMS key.
 */
export function readCopySource(call: S3Call): CopySource {
  const { headers, secure } = call.request;
  const name = parseCopySource(headers['x-amz-copy-source'] ?? '');
  const bucket = getBucket(call.ctx, name.bucket);
  const version = findSourceVersion(call.ctx, name);
  const customerKey = requireCustomerKey(version.sse, readCustomerKey(headers, COPY_SOURCE_SSE_C_PREFIX, secure));
  checkConditions(version, readConditions(headers, 'x-amz-copy-source-'), true);
  if (ARCHIVED_STORAGE_CLASSES.includes(version.storageClass) && !isRestored(version)) {
    throw new S3Error(
      'InvalidObjectState',
      'The source object of the COPY operation is not in the active tier and is only stored in Amazon Glacier.',
      403,
    );
  }
  requireKeyUse(call, version.sse, ['kms:Decrypt']);
  return { bucket, key: name.key, version, customerKey };
}

function findSourceVersion(ctx: StackContext, name: CopySourceName): ObjectVersion {
  try {
    return findVersion(ctx, name.bucket, name.key, name.versionId);
  } catch (error) {
    // A GET of a delete marker by id is 405; as a copy source S3 calls it a bad request.
    if (error instanceof S3Error && error.code === 'MethodNotAllowed') {
      throw s3Errors.invalidRequest('The source of a copy request may not specifically refer to a delete marker by version id.');
    }
    throw error;
  }
}

/** One copy request moves at most `maxCopySize` bytes (S3: 5 GiB); larger objects need UploadPartCopy ranges. */
export function requireCopyableSize(ctx: StackContext, size: number): void {
  const max = ctx.options.maxCopySize;
  if (size > max) {
    throw s3Errors.invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${max}`);
  }
}

export function openCopySource(ctx: StackContext, source: CopySource): Buffer {
  const body = source.version.body;
  return body ? relayKmsErrors(() => ctx.atRest.open(body, source.customerKey)) : Buffer.alloc(0);
}

/** S3 names the version it copied once the source bucket has had versioning configured. */
export function copySourceVersionHeader(source: CopySource): Record<string, string> {
  return source.bucket.versioning === 'Unversioned' ? {} : { 'x-amz-copy-source-version-id': source.version.versionId };
}
