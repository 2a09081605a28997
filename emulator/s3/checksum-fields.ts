import { s3Errors } from '../http/s3-error.js';
import { CHECKSUM_ALGORITHMS } from './checksums.js';
import type { ChecksumAlgorithm, ObjectChecksum } from './model.js';

/** `x-amz-checksum-algorithm` as CopyObject and CreateMultipartUpload take it: the checksum S3 is to compute. */
export function readChecksumAlgorithm(headers: Record<string, string>): ChecksumAlgorithm | undefined {
  const value = headers['x-amz-checksum-algorithm'];
  if (value === undefined) return undefined;
  const algorithm = value.toUpperCase();
  if (!(CHECKSUM_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw s3Errors.invalidRequest('Value for x-amz-checksum-algorithm header is invalid.');
  }
  return algorithm as ChecksumAlgorithm;
}

/** The `ChecksumCRC32`-style element of CopyObjectResult, CopyPartResult, Part and CompleteMultipartUploadResult. */
export function checksumElement(algorithm: ChecksumAlgorithm, value: string): Record<string, string> {
  return { [`Checksum${algorithm}`]: value };
}

export function checksumHeader(algorithm: ChecksumAlgorithm, value: string): Record<string, string> {
  return { [`x-amz-checksum-${algorithm.toLowerCase()}`]: value };
}

/** An object's checksum as a result body reports it: the value and its ChecksumType. */
export function objectChecksumElements(checksum: ObjectChecksum | undefined): Record<string, string> {
  return checksum ? { ...checksumElement(checksum.algorithm, checksum.value), ChecksumType: checksum.type } : {};
}
