import { s3Errors } from '../http/s3-error.js';
import { requireKeyUse } from './authorization.js';
import { xmlReply, type S3Call, type S3Handler } from './call.js';
import { checksumElement, checksumHeader, readChecksumAlgorithm } from './checksum-fields.js';
import { computeChecksum, receiveChecksum, verifyContentMd5 } from './checksums.js';
import { copySourceVersionHeader, openCopySource, readCopySource, requireCopyableSize } from './copy-source.js';
import type { ChecksumAlgorithm, ObjectChecksum } from './model.js';
import {
  discardUpload,
  getUpload,
  newUploadId,
  partCustomerKey,
  readPartNumber,
  saveUpload,
  storePart,
  uploadIdOf,
  type MultipartUploadRecord,
} from './multipart-upload.js';
import { readContentHeaders, readUserMetadata, requireKeyLength } from './object-headers.js';
import { readObjectLock } from './object-lock.js';
import { readStorageClass } from './put-object.js';
import { getBucket } from './repository.js';
import { readRequestedSse, resolveWriteSse, sseResponseHeaders } from './sse.js';
import { parseTaggingHeader } from './tags.js';

export { completeMultipartUpload } from './multipart-complete.js';
export { listMultipartUploads, listParts } from './multipart-listing.js';

/**
 * CreateMultipartUpload decides everything about the object up front:
 * encryption, metadata, tags, storage class, Object Lock and checksum.
 */
export const createMultipartUpload: S3Handler = (call) => {
  const { headers } = call.request;
  const bucket = getBucket(call.ctx, call.bucket);
  requireKeyLength(call.key);
  const checksum = readUploadChecksum(headers);
  const { sse, sealing } = resolveWriteSse(call.ctx, bucket, call.key, readRequestedSse(headers, call.request.secure));
  requireKeyUse(call, sse, ['kms:GenerateDataKey']);
  const upload: MultipartUploadRecord = {
    uploadId: newUploadId(),
    key: call.key,
    initiated: new Date().toISOString(),
    object: {
      storageClass: readStorageClass(headers['x-amz-storage-class']),
      content: readContentHeaders(headers),
      userMetadata: readUserMetadata(headers),
      tags: parseTaggingHeader(headers['x-amz-tagging']),
      sse,
      objectLock: readObjectLock(headers, bucket),
    },
    kmsContext: sealing.kmsContext,
    checksum,
    parts: [],
  };
  saveUpload(call.ctx, bucket.name, upload);
  return xmlReply(
    'InitiateMultipartUploadResult',
    { Bucket: bucket.name, Key: call.key, UploadId: upload.uploadId },
    {
      ...sseResponseHeaders(sse),
      ...(checksum ? { 'x-amz-checksum-algorithm': checksum.algorithm, 'x-amz-checksum-type': checksum.type } : {}),
    },
  );
};

/** CRC checksums can combine into a whole-object one; SHA digests only into a digest of the parts' digests. */
function readUploadChecksum(headers: Record<string, string>): MultipartUploadRecord['checksum'] {
  const algorithm = readChecksumAlgorithm(headers);
  const type = headers['x-amz-checksum-type']?.toUpperCase();
  if (type !== undefined && type !== 'COMPOSITE' && type !== 'FULL_OBJECT') {
    throw s3Errors.invalidRequest('Value for x-amz-checksum-type header is invalid.');
  }
  if (!algorithm) {
    if (type !== undefined) {
      throw s3Errors.invalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
    }
    return undefined;
  }
  const resolved = type ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE');
  const unsupported =
    (resolved === 'COMPOSITE' && algorithm === 'CRC64NVME') || (resolved === 'FULL_OBJECT' && (algorithm === 'SHA1' || algorithm === 'SHA256'));
  if (unsupported) {
    throw s3Errors.invalidRequest(`The ${resolved} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  return { algorithm, type: resolved };
}

/** A part's checksum in the upload's algorithm: the one sent (already verified against the bytes), else computed. */
async function partChecksum(
  upload: MultipartUploadRecord,
  received: ObjectChecksum | undefined,
  bytes: Buffer,
): Promise<{ algorithm: ChecksumAlgorithm; value: string } | undefined> {
  if (!upload.checksum) return undefined;
  const { algorithm } = upload.checksum;
  if (received && received.algorithm !== algorithm) {
    throw s3Errors.invalidRequest(
      `Checksum Type mismatch occurred, expected checksum Type: ${algorithm.toLowerCase()}, actual checksum Type: ${received.algorithm.toLowerCase()}`,
    );
  }
  return { algorithm, value: received?.value ?? (await computeChecksum(algorithm, bytes)) };
}

/** What UploadPart and UploadPartCopy both check first: the upload, the part number and the part's keys. */
function openPartWrite(call: S3Call) {
  getBucket(call.ctx, call.bucket);
  const uploadId = uploadIdOf(call);
  const upload = getUpload(call.ctx, call.bucket, call.key, uploadId);
  const partNumber = readPartNumber(call);
  const customerKey = partCustomerKey(call, upload);
  // S3 asks for kms:Decrypt on each part: it reads the parts back to complete the upload.
  requireKeyUse(call, upload.object.sse, ['kms:Decrypt']);
  return { uploadId, upload, partNumber, customerKey };
}

export const uploadPart: S3Handler = async (call) => {
  const { headers } = call.request;
  const { uploadId, upload, partNumber, customerKey } = openPartWrite(call);
  verifyContentMd5(headers, call.body);
  const received = await receiveChecksum(headers, call.trailers, call.body);
  const checksum = await partChecksum(upload, received, call.body);
  const part = storePart(call, uploadId, partNumber, call.body, checksum?.value, customerKey);
  const reported = checksum ?? received;
  return {
    status: 200,
    headers: {
      etag: part.etag,
      ...sseResponseHeaders(upload.object.sse),
      ...(reported ? checksumHeader(reported.algorithm, reported.value) : {}),
    },
  };
};

/** UploadPartCopy: a part cut from an existing object (`x-amz-copy-source-range`), read under CopyObject's source rules. */
export const uploadPartCopy: S3Handler = async (call) => {
  const { uploadId, upload, partNumber, customerKey } = openPartWrite(call);
  const source = readCopySource(call);
  const range = readCopySourceRange(call.request.headers['x-amz-copy-source-range'], source.version.size);
  requireCopyableSize(call.ctx, range.end - range.start);
  const bytes = openCopySource(call.ctx, source).subarray(range.start, range.end);
  const checksum = await partChecksum(upload, undefined, bytes);
  const part = storePart(call, uploadId, partNumber, bytes, checksum?.value, customerKey);
  return xmlReply(
    'CopyPartResult',
    {
      ETag: part.etag,
      LastModified: part.lastModified,
      ...(checksum ? checksumElement(checksum.algorithm, checksum.value) : {}),
    },
    { ...copySourceVersionHeader(source), ...sseResponseHeaders(upload.object.sse) },
  );
};

/** `bytes=first-last`, both offsets inclusive and inside the source; absent means the whole source. Returns [start, end). */
function readCopySourceRange(value: string | undefined, size: number): { start: number; end: number } {
  if (value === undefined) return { start: 0, end: size };
  const match = /^bytes=(\d+)-(\d+)$/.exec(value);
  if (!match) {
    throw s3Errors.invalidArgument(
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      'x-amz-copy-source-range',
      value,
    );
  }
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (first > last || last >= size) {
    throw s3Errors.invalidArgument(`Range specified is not valid for source object of size: ${size}`, 'x-amz-copy-source-range', value);
  }
  return { start: first, end: last + 1 };
}

export const abortMultipartUpload: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  discardUpload(call.ctx, call.bucket, getUpload(call.ctx, call.bucket, call.key, uploadIdOf(call)));
  return { status: 204 };
};
