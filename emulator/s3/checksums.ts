import { AwsCrc32 } from '@aws-crypto/crc32';
import { AwsCrc32c } from '@aws-crypto/crc32c';
import { Crc64Nvme } from '@aws-sdk/crc64-nvme';
import { createHash } from 'node:crypto';
import { S3Error, s3Errors } from '../http/s3-error.js';
import type { ChecksumAlgorithm, ObjectChecksum } from './model.js';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

export async function computeChecksum(algorithm: ChecksumAlgorithm, bytes: Buffer): Promise<string> {
  switch (algorithm) {
    case 'SHA1':
      return createHash('sha1').update(bytes).digest('base64');
    case 'SHA256':
      return createHash('sha256').update(bytes).digest('base64');
    default: {
      const checksum = algorithm === 'CRC32' ? new AwsCrc32() : algorithm === 'CRC32C' ? new AwsCrc32c() : new Crc64Nvme();
      checksum.update(bytes);
      return Buffer.from(await checksum.digest()).toString('base64');
    }
  }
}

function algorithmOfHeader(name: string): ChecksumAlgorithm | undefined {
  const suffix = name.slice('x-amz-checksum-'.length).toUpperCase();
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(suffix) ? (suffix as ChecksumAlgorithm) : undefined;
}

/**
 * The checksum a write sends (header or aws-chunked trailer), verified against
 * the bytes received: a mismatch is 400 BadDigest, as S3 answers. When the
 * client names only an algorithm (`x-amz-sdk-checksum-algorithm`), S3 computes it.
 */
export async function receiveChecksum(
  headers: Record<string, string>,
  trailers: Record<string, string>,
  body: Buffer,
): Promise<ObjectChecksum | undefined> {
  const sent = { ...headers, ...trailers };
  for (const [name, value] of Object.entries(sent)) {
    if (!name.startsWith('x-amz-checksum-') || name === 'x-amz-checksum-type' || name === 'x-amz-checksum-algorithm') continue;
    const algorithm = algorithmOfHeader(name);
    if (!algorithm) {
      throw s3Errors.invalidRequest(`Value for x-amz-checksum-algorithm header is invalid.`);
    }
    const actual = await computeChecksum(algorithm, body);
    if (actual !== value) {
      throw new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400);
    }
    return { algorithm, value: actual, type: 'FULL_OBJECT' };
  }
  const named = (headers['x-amz-sdk-checksum-algorithm'] ?? headers['x-amz-checksum-algorithm'])?.toUpperCase();
  if (named && (CHECKSUM_ALGORITHMS as readonly string[]).includes(named)) {
    const algorithm = named as ChecksumAlgorithm;
    return { algorithm, value: await computeChecksum(algorithm, body), type: 'FULL_OBJECT' };
  }
  return undefined;
}

/** What S3 stores for an upload sent without a checksum: a CRC64NVME of the whole object. */
export async function defaultChecksum(body: Buffer): Promise<ObjectChecksum> {
  return { algorithm: 'CRC64NVME', value: await computeChecksum('CRC64NVME', body), type: 'FULL_OBJECT' };
}

/** Content-MD5, when sent, must match: InvalidDigest for a malformed one, BadDigest for a wrong one. */
export function verifyContentMd5(headers: Record<string, string>, body: Buffer): void {
  const md5 = headers['content-md5'];
  if (md5 === undefined) return;
  if (Buffer.from(md5, 'base64').length !== 16) throw s3Errors.invalidDigest();
  if (createHash('md5').update(body).digest('base64') !== md5) throw s3Errors.badDigest();
}

export function md5Etag(bytes: Buffer): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}
