import { s3Errors } from '../http/s3-error.js';
import { requireKeyUse } from './authorization.js';
import type { S3Handler } from './call.js';
import { defaultChecksum, receiveChecksum, verifyContentMd5 } from './checksums.js';
import { STORAGE_CLASSES, type StorageClass } from './model.js';
import { readContentHeaders, readUserMetadata, requireKeyLength } from './object-headers.js';
import { readObjectLock } from './object-lock.js';
import { storeObject } from './object-write.js';
import { getBucket } from './repository.js';
import { checkWriteConditions } from './conditions.js';
import { readRequestedSse, resolveWriteSse, sseResponseHeaders } from './sse.js';
import { parseTaggingHeader } from './tags.js';

export function readStorageClass(value: string | undefined): StorageClass {
  if (value === undefined) return 'STANDARD';
  if (!(STORAGE_CLASSES as readonly string[]).includes(value)) {
    throw s3Errors.invalidArgument('Invalid storage class.', 'x-amz-storage-class', value);
  }
  return value as StorageClass;
}

/** PutObject: conditional writes (If-None-Match: *, If-Match), checksums, SSE, tags and metadata. */
export const putObject: S3Handler = async (call) => {
  const { headers } = call.request;
  const bucket = getBucket(call.ctx, call.bucket);
  requireKeyLength(call.key);
  verifyContentMd5(headers, call.body);
  const checksum = (await receiveChecksum(headers, call.trailers, call.body)) ?? (await defaultChecksum(call.body));
  checkWriteConditions(call.ctx, call.bucket, call.key, headers);
  const { sse, sealing } = resolveWriteSse(call.ctx, bucket, call.key, readRequestedSse(headers, call.request.secure));
  requireKeyUse(call, sse, ['kms:GenerateDataKey']);
  const stored = storeObject(
    call.ctx,
    bucket,
    call.key,
    call.body,
    {
      storageClass: readStorageClass(headers['x-amz-storage-class']),
      content: readContentHeaders(headers),
      userMetadata: readUserMetadata(headers),
      tags: parseTaggingHeader(headers['x-amz-tagging']),
      sse,
      checksum,
      objectLock: readObjectLock(headers, bucket),
    },
    sealing,
  );
  const replyHeaders: Record<string, string> = { etag: stored.etag, ...sseResponseHeaders(sse) };
  if (bucket.versioning !== 'Unversioned') replyHeaders['x-amz-version-id'] = stored.versionId;
  replyHeaders[`x-amz-checksum-${checksum.algorithm.toLowerCase()}`] = checksum.value;
  replyHeaders['x-amz-checksum-type'] = checksum.type;
  return { status: 200, headers: replyHeaders };
};
