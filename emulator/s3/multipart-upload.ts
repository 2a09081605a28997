import { randomBytes } from 'node:crypto';
import type { StackContext } from '../context.js';
import { s3Errors } from '../http/s3-error.js';
import { queryValue } from '../http/request.js';
import type { S3Call } from './call.js';
import { md5Etag } from './checksums.js';
import { uploadsTable, type ChecksumAlgorithm, type ObjectChecksum, type StoredBody } from './model.js';
import type { NewObject } from './object-write.js';
import { matchesKeyCheck, readCustomerKey, relayKmsErrors, SSE_C_PREFIX, type CustomerKey } from './sse.js';

/** What CreateMultipartUpload decides for the object that completion will store. */
type UploadObjectFields = Omit<NewObject, 'etag' | 'checksum' | 'partSizes' | 'restore'>;

export interface UploadedPart {
  partNumber: number;
  /** MD5 of the part's bytes, quoted. */
  etag: string;
  size: number;
  lastModified: string;
  body: StoredBody;
  /** Base64 checksum in the upload's algorithm, when the upload has one. */
  checksum?: string;
}

/** One multipart upload in `uploadsTable(bucket)`, keyed by upload id; parts ascend by part number. */
export interface MultipartUploadRecord {
  uploadId: string;
  key: string;
  initiated: string;
  object: UploadObjectFields;
  /** KMS encryption context the parts and the completed object are sealed with. */
  kmsContext: Record<string, string>;
  checksum?: { algorithm: ChecksumAlgorithm; type: ObjectChecksum['type'] };
  parts: UploadedPart[];
}

const MAX_PART_NUMBER = 10_000;

export function newUploadId(): string {
  return randomBytes(48).toString('base64url');
}

export function uploadIdOf(call: S3Call): string {
  return queryValue(call.request.query, 'uploadId') ?? '';
}

/** The upload the call's `uploadId` names, for the call's key; NoSuchUpload once aborted or completed. */
export function getUpload(ctx: StackContext, bucket: string, key: string, uploadId: string): MultipartUploadRecord {
  const upload = findUpload(ctx, bucket, key, uploadId);
  if (!upload) throw s3Errors.noSuchUpload(uploadId);
  return upload;
}

export function findUpload(ctx: StackContext, bucket: string, key: string, uploadId: string): MultipartUploadRecord | undefined {
  const upload = ctx.store.get<MultipartUploadRecord>(uploadsTable(bucket), uploadId);
  return upload?.key === key ? upload : undefined;
}

export function saveUpload(ctx: StackContext, bucket: string, upload: MultipartUploadRecord): void {
  ctx.store.put(uploadsTable(bucket), upload.uploadId, upload);
}

/** Removes an aborted or completed upload, then the bytes of its parts (see putVersion for the order). */
export function discardUpload(ctx: StackContext, bucket: string, upload: MultipartUploadRecord): void {
  ctx.store.delete(uploadsTable(bucket), upload.uploadId);
  for (const part of upload.parts) ctx.atRest.discard(part.body);
}

export function readPartNumber(call: S3Call): number {
  const value = queryValue(call.request.query, 'partNumber') ?? '';
  const partNumber = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
    throw s3Errors.invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', value);
  }
  return partNumber;
}

/**
 * S3 keeps no SSE-C key, so every part request of an SSE-C upload must bring
 * the key given at creation, and requests of other uploads must bring none.
 */
export function partCustomerKey(call: S3Call, upload: MultipartUploadRecord): Buffer | undefined {
  return checkedCustomerKey(upload, readCustomerKey(call.request.headers, SSE_C_PREFIX, call.request.secure));
}

/**
 * CompleteMultipartUpload needs an SSE-C upload's key only when the upload has
 * a checksum, as on S3 (the parts are joined as sealed); when sent, it must be the upload's.
 */
export function completionCustomerKey(call: S3Call, upload: MultipartUploadRecord): Buffer | undefined {
  const provided = readCustomerKey(call.request.headers, SSE_C_PREFIX, call.request.secure);
  if (upload.object.sse.type === 'SSE-C' && !provided && !upload.checksum) return undefined;
  return checkedCustomerKey(upload, provided);
}

function checkedCustomerKey(upload: MultipartUploadRecord, provided: CustomerKey | undefined): Buffer | undefined {
  if ((upload.object.sse.type === 'SSE-C') !== (provided !== undefined)) {
    throw s3Errors.invalidRequest(
      'The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.',
    );
  }
  if (upload.object.sse.type === 'SSE-C' && provided && !matchesKeyCheck(provided.key, upload.object.sse.keyCheck)) {
    throw s3Errors.invalidRequest('The provided encryption parameters did not match the ones used originally.');
  }
  return provided?.key;
}

/**
 * Seals a part under the upload's encryption and records it, replacing an
 * earlier part with the same number. The upload is read again here because the
 * caller may have awaited since it last looked (an abort may have come in between).
 */
export function storePart(
  call: S3Call,
  uploadId: string,
  partNumber: number,
  bytes: Buffer,
  checksum: string | undefined,
  customerKey: Buffer | undefined,
): UploadedPart {
  const { ctx } = call;
  const upload = getUpload(ctx, call.bucket, call.key, uploadId);
  const body = relayKmsErrors(() => ctx.atRest.seal(bytes, upload.object.sse, { customerKey, kmsContext: upload.kmsContext }));
  const part: UploadedPart = {
    partNumber,
    etag: md5Etag(bytes),
    size: bytes.length,
    lastModified: new Date().toISOString(),
    body,
    checksum,
  };
  const kept = upload.parts.filter((p) => p.partNumber !== partNumber);
  saveUpload(ctx, call.bucket, { ...upload, parts: [...kept, part].sort((a, b) => a.partNumber - b.partNumber) });
  ctx.atRest.discard(upload.parts.find((p) => p.partNumber === partNumber)?.body);
  return part;
}
