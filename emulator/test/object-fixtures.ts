import { createHash, randomBytes } from 'node:crypto';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateBucketCommand, GetObjectCommand, type GetObjectCommandInput } from '@aws-sdk/client-s3';
import { getBucket, saveBucket } from '../s3/repository.js';
import type { TestStack } from './harness.js';

export interface BucketSetup {
  versioned?: boolean;
  /** New buckets block SSE-C (since April 2026); tests of SSE-C writes lift the block. */
  allowSseC?: boolean;
  /** Created with Object Lock (which makes it versioned): only such a bucket takes locked objects. */
  objectLock?: boolean;
}

/**
 * Creates a bucket with the SDK (with Object Lock if asked), then sets
 * versioning and SSE-C blocking in the stack's state directly, so these tests
 * do not depend on the bucket configuration operations they are not about.
 */
export async function createBucket(stack: TestStack, name: string, setup: BucketSetup = {}): Promise<void> {
  await stack.s3.send(new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: setup.objectLock }));
  const bucket = getBucket(stack.ctx, name);
  saveBucket(stack.ctx, {
    ...bucket,
    versioning: setup.versioned ? 'Enabled' : bucket.versioning,
    encryption: setup.allowSseC && bucket.encryption ? { ...bucket.encryption, blockedEncryptionTypes: [] } : bucket.encryption,
  });
}

export async function createKmsKey(stack: TestStack): Promise<string> {
  const created = await stack.kms.send(new CreateKeyCommand({ Description: 'test key' }));
  return created.KeyMetadata?.Arn ?? '';
}

/** An SSE-C key as the SDK takes it (it sends the MD5 itself). */
export function newCustomerKey(): { SSECustomerAlgorithm: 'AES256'; SSECustomerKey: string } {
  return { SSECustomerAlgorithm: 'AES256', SSECustomerKey: randomBytes(32).toString('base64') };
}

/** The same key for the copy source headers. */
export function asCopySourceKey(key: { SSECustomerKey: string }) {
  return { CopySourceSSECustomerAlgorithm: 'AES256', CopySourceSSECustomerKey: key.SSECustomerKey };
}

export function keyMd5(key: { SSECustomerKey: string }): string {
  return createHash('md5').update(Buffer.from(key.SSECustomerKey, 'base64')).digest('base64');
}

export async function getBytes(stack: TestStack, input: GetObjectCommandInput): Promise<Buffer> {
  const got = await stack.s3.send(new GetObjectCommand(input));
  return Buffer.from((await got.Body?.transformToByteArray()) ?? []);
}

/** `x-amz-copy-source` for a key, URL-encoded as S3 requires. */
export function copySource(bucket: string, key: string, versionId?: string): string {
  const path = `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return versionId === undefined ? path : `${path}?versionId=${encodeURIComponent(versionId)}`;
}

export const MiB = 1024 * 1024;
