import { GIB } from '../options.js';
import { S3Error, s3Errors } from '../http/s3-error.js';

const KIB = 1024;
const MIB = 1024 * KIB;

/** PutObject and UploadPart take at most 5 GiB each (S3's MaxSizeAllowed, 5368709120). */
export const MAX_UPLOAD_SIZE = 5 * GIB;

/**
 * The request bodies S3 takes, by operation. XML is parsed whole, on the
 * event loop every client shares, so a document is refused by its size
 * before it is read: a configuration document (CORS, capped at 64 KB by S3,
 * is the largest) or an empty request gets 64 KiB; DeleteObjects room for
 * 1,000 keys of 1,024 bytes with their version ids; CompleteMultipartUpload
 * for 10,000 parts with their ETags and checksums.
 */
const MAX_BODY: Record<string, number> = {
  PutObject: MAX_UPLOAD_SIZE,
  UploadPart: MAX_UPLOAD_SIZE,
  DeleteObjects: 2 * MIB,
  CompleteMultipartUpload: 4 * MIB,
};
const MAX_DOCUMENT = 64 * KIB;

export function maxRequestBody(operation: string | undefined): number {
  return (operation !== undefined && MAX_BODY[operation]) || MAX_DOCUMENT;
}

/** S3's answer to a body over the limit: EntityTooLarge for an upload, MaxMessageLengthExceeded for a document. */
export function requestTooLarge(operation: string | undefined, size: number): S3Error {
  if (operation === 'PutObject' || operation === 'UploadPart') return s3Errors.entityTooLarge(size, MAX_UPLOAD_SIZE);
  return new S3Error('MaxMessageLengthExceeded', 'Your request was too big.', 400);
}
