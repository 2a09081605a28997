import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StackContext } from '../context.js';
import { S3Error, s3Errors } from '../http/s3-error.js';
import { KmsError } from '../kms/kms-error.js';
import type { KmsKey } from '../kms/key-store.js';
import type { SealingKeys } from './at-rest.js';
import type { BucketRecord, ObjectSse } from './model.js';

export const SSE_HEADER = 'x-amz-server-side-encryption';
export const SSE_KMS_KEY_HEADER = 'x-amz-server-side-encryption-aws-kms-key-id';
export const SSE_CONTEXT_HEADER = 'x-amz-server-side-encryption-context';
export const SSE_BUCKET_KEY_HEADER = 'x-amz-server-side-encryption-bucket-key-enabled';
export const SSE_C_PREFIX = 'x-amz-server-side-encryption-customer-';
export const COPY_SOURCE_SSE_C_PREFIX = 'x-amz-copy-source-server-side-encryption-customer-';

export interface CustomerKey {
  key: Buffer;
  md5: string;
}

/** The encryption a write asks for in its headers. */
export interface RequestedSse {
  algorithm?: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
  customerKey?: CustomerKey;
}

const ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'] as const;

export function readRequestedSse(headers: Record<string, string>, secure: boolean): RequestedSse {
  const algorithm = headers[SSE_HEADER];
  if (algorithm !== undefined && !(ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw s3Errors.invalidArgument('The encryption method specified is not supported', SSE_HEADER, algorithm);
  }
  const kmsKeyId = headers[SSE_KMS_KEY_HEADER];
  if (kmsKeyId !== undefined && algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
    throw s3Errors.invalidArgument(
      'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
      SSE_KMS_KEY_HEADER,
      kmsKeyId,
    );
  }
  const bucketKey = headers[SSE_BUCKET_KEY_HEADER];
  const customerKey = readCustomerKey(headers, SSE_C_PREFIX, secure);
  if (customerKey && algorithm !== undefined) {
    throw s3Errors.invalidArgument(
      'Server Side Encryption with Customer provided key is incompatible with the encryption method specified',
      SSE_HEADER,
      algorithm,
    );
  }
  if (algorithm === 'aws:kms:dsse' && bucketKey === 'true') {
    throw s3Errors.invalidArgument('Bucket Key is not supported for DSSE-KMS', SSE_BUCKET_KEY_HEADER, bucketKey);
  }
  return {
    algorithm: algorithm as RequestedSse['algorithm'],
    kmsKeyId,
    bucketKeyEnabled: bucketKey === undefined ? undefined : bucketKey.toLowerCase() === 'true',
    customerKey,
  };
}

/** Reads an SSE-C key triple (`…-algorithm`, `…-key`, `…-key-MD5`) under the given header prefix. */
export function readCustomerKey(headers: Record<string, string>, prefix: string, secure: boolean): CustomerKey | undefined {
  const algorithm = headers[`${prefix}algorithm`];
  const key = headers[`${prefix}key`];
  const md5 = headers[`${prefix}key-md5`];
  if (algorithm === undefined && key === undefined && md5 === undefined) return undefined;
  if (!secure) {
    throw s3Errors.invalidRequest('Requests specifying Server Side Encryption with Customer provided keys must be made over a secure connection.');
  }
  if (algorithm === undefined) {
    throw s3Errors.invalidArgument(
      'Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.',
      `${prefix}algorithm`,
      'null',
    );
  }
  if (algorithm !== 'AES256') {
    throw s3Errors.invalidArgument('The requested encryption algorithm is not valid, must be AES256.', `${prefix}algorithm`, algorithm);
  }
  const keyBytes = key === undefined ? Buffer.alloc(0) : Buffer.from(key, 'base64');
  if (keyBytes.length !== 32) {
    throw s3Errors.invalidArgument('The secret key was invalid for the specified algorithm.', `${prefix}key`, '');
  }
  if (md5 === undefined) {
    throw s3Errors.invalidArgument(
      'Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.',
      `${prefix}key-MD5`,
      'null',
    );
  }
  const actualMd5 = createHash('md5').update(keyBytes).digest('base64');
  if (md5 !== actualMd5) {
    throw s3Errors.invalidArgument('The calculated MD5 hash of the key did not match the hash that was provided.', `${prefix}key-md5`, md5);
  }
  return { key: keyBytes, md5: actualMd5 };
}

/**
 * The encryption a new object gets: what the request asks for, else the
 * bucket's default (SSE-S3 when none is configured, as S3 has done since 2023).
 * Enforces `BlockedEncryptionTypes` and resolves KMS keys to their ARNs.
 */
export function resolveWriteSse(
  ctx: StackContext,
  bucket: BucketRecord,
  key: string,
  requested: RequestedSse,
): { sse: ObjectSse; sealing: SealingKeys } {
  const objectArn = `arn:aws:s3:::${bucket.name}/${key}`;
  if (requested.customerKey) {
    if (bucket.encryption?.blockedEncryptionTypes.includes('SSE-C')) {
      throw s3Errors.accessDenied(
        'Requests specifying Server Side Encryption with Customer provided keys are not allowed for this bucket. Use a different encryption type.',
      );
    }
    return {
      sse: { type: 'SSE-C', keyMd5: requested.customerKey.md5, keyCheck: customerKeyCheck(requested.customerKey.key) },
      sealing: { customerKey: requested.customerKey.key, kmsContext: {} },
    };
  }
  const rule = bucket.encryption;
  const algorithm = requested.algorithm ?? rule?.sseAlgorithm ?? 'AES256';
  if (algorithm === 'AES256') return { sse: { type: 'AES256' }, sealing: { kmsContext: {} } };

  const keyRef = requested.kmsKeyId ?? (requested.algorithm === undefined ? rule?.kmsMasterKeyId : undefined) ?? 'alias/aws/s3';
  const kmsKey = usableKmsKey(ctx, keyRef);
  if (algorithm === 'aws:kms:dsse') {
    return { sse: { type: 'aws:kms:dsse', keyArn: kmsKey.arn }, sealing: { kmsContext: { 'aws:s3:arn': objectArn } } };
  }
  const bucketKeyEnabled = requested.bucketKeyEnabled ?? (rule?.sseAlgorithm === 'aws:kms' && rule.bucketKeyEnabled);
  const contextArn = bucketKeyEnabled ? `arn:aws:s3:::${bucket.name}` : objectArn;
  return {
    sse: { type: 'aws:kms', keyArn: kmsKey.arn, bucketKeyEnabled },
    sealing: { kmsContext: { 'aws:s3:arn': contextArn } },
  };
}

/** A KMS key S3 may use, or the KMS error S3 relays (KMS.NotFoundException, KMS.DisabledException, KMS.KMSInvalidStateException). */
export function usableKmsKey(ctx: StackContext, keyRef: string): KmsKey {
  try {
    return ctx.kms.usableKey(keyRef);
  } catch (error) {
    if (error instanceof KmsError) throw new S3Error(`KMS.${error.code}`, error.message || `Invalid keyId ${keyRef}`, 400);
    throw error;
  }
}

/** Runs a KMS call made on S3's behalf, relaying KMS errors as S3 does. */
export function relayKmsErrors<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof KmsError) throw new S3Error(`KMS.${error.code}`, error.message, 400);
    throw error;
  }
}

/** A salted HMAC of the customer key: enough to recognise the key again, never enough to recover it. */
export function customerKeyCheck(key: Buffer): string {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}:${createHmac('sha256', salt).update(key).digest('base64')}`;
}

export function matchesKeyCheck(key: Buffer, keyCheck: string): boolean {
  const [salt, mac] = keyCheck.split(':');
  const actual = createHmac('sha256', Buffer.from(salt, 'base64')).update(key).digest();
  const expected = Buffer.from(mac, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Checks the SSE-C key a read (or a copy's source) brings: missing → 400,
 * wrong → 403, present for an object that is not SSE-C → 400.
 */
export function requireCustomerKey(sse: ObjectSse, provided: CustomerKey | undefined): Buffer | undefined {
  if (sse.type !== 'SSE-C') {
    if (provided) throw s3Errors.invalidRequest('The encryption parameters are not applicable to this object.');
    return undefined;
  }
  if (!provided) {
    throw s3Errors.invalidRequest(
      'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.',
    );
  }
  if (!matchesKeyCheck(provided.key, sse.keyCheck)) throw s3Errors.accessDenied();
  return provided.key;
}

/** The response headers through which S3 reports an object's encryption. */
export function sseResponseHeaders(sse: ObjectSse): Record<string, string> {
  switch (sse.type) {
    case 'NONE':
      return {};
    case 'AES256':
      return { [SSE_HEADER]: 'AES256' };
    case 'aws:kms':
      return {
        [SSE_HEADER]: 'aws:kms',
        [SSE_KMS_KEY_HEADER]: sse.keyArn,
        ...(sse.bucketKeyEnabled ? { [SSE_BUCKET_KEY_HEADER]: 'true' } : {}),
      };
    case 'aws:kms:dsse':
      return { [SSE_HEADER]: 'aws:kms:dsse', [SSE_KMS_KEY_HEADER]: sse.keyArn };
    case 'SSE-C':
      return { [`${SSE_C_PREFIX}algorithm`]: 'AES256', [`${SSE_C_PREFIX}key-md5`]: sse.keyMd5 };
  }
}
