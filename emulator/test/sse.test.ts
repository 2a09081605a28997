import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { readRequestedSse, SSE_C_PREFIX } from '../s3/sse.js';
import { getBucket, saveBucket } from '../s3/repository.js';
import { storeObject } from '../s3/object-write.js';
import { S3Protocol } from '../http/s3-protocol.js';
import { isLoopback, type StackRequest } from '../http/request.js';
import type { RunningStack } from '../stack.js';
import { sendRaw, signRaw, startTestStack, useTestStack, type RawRequest, type TestStack } from './harness.js';

const BUCKET = 'sse-tests';
const SSE_C_KEY = randomBytes(32);
const sseC = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: SSE_C_KEY.toString('base64') } as const;
const sseCHeaders = (key: Buffer, md5 = createHash('md5').update(key).digest('base64')) => ({
  [`${SSE_C_PREFIX}algorithm`]: 'AES256',
  [`${SSE_C_PREFIX}key`]: key.toString('base64'),
  [`${SSE_C_PREFIX}key-md5`]: md5,
});

const stack = useTestStack();
let keyArn: string;
let keyId: string;
beforeAll(async () => {
  await createSseCBucket(stack, BUCKET);
  const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({ Description: 'sse tests' }));
  keyArn = KeyMetadata!.Arn!;
  keyId = KeyMetadata!.KeyId!;
  await stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/sse-tests', TargetKeyId: keyId }));
});

/** New buckets block SSE-C; these tests need it allowed, as PutBucketEncryption would set it. */
async function createSseCBucket(target: TestStack, name: string): Promise<void> {
  await target.s3.send(new CreateBucketCommand({ Bucket: name }));
  const bucket = getBucket(target.ctx, name);
  saveBucket(target.ctx, { ...bucket, encryption: { sseAlgorithm: 'AES256', bucketKeyEnabled: false, blockedEncryptionTypes: [] } });
}

/** A legacy object written before default encryption: only the stack's internals can still make one. */
function storeUnencrypted(target: RunningStack, bucket: string, key: string, bytes: Buffer): void {
  storeObject(
    target.ctx,
    getBucket(target.ctx, bucket),
    key,
    bytes,
    { storageClass: 'STANDARD', content: { contentType: 'text/plain' }, userMetadata: {}, tags: [], sse: { type: 'NONE' } },
    { kmsContext: {} },
  );
}

/** The x-amz-server-side-encryption* headers of a raw HEAD, exactly as S3 would send them. */
async function sseHeadersOf(key: string, extraHeaders: Record<string, string> = {}): Promise<Record<string, string>> {
  const reply = await sendRaw(stack, await signRaw(stack, { method: 'HEAD', path: `/${BUCKET}/${key}`, headers: extraHeaders }));
  expect(reply.status).toBe(200);
  return Object.fromEntries(
    Object.entries(reply.headers)
      .filter(([name]) => name.startsWith('x-amz-server-side-encryption'))
      .map(([name, value]) => [name, String(value)]),
  );
}

async function put(input: Omit<PutObjectCommandInput, 'Bucket'>) {
  return stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, ...input }));
}

async function getText(key: string, extra: Partial<PutObjectCommandInput> = {}): Promise<string> {
  const get = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ...extra }));
  return get.Body!.transformToString();
}

describe('HeadObject reports exactly the headers S3 sends for each kind', () => {
  it('SSE-S3 (the default)', async () => {
    await put({ Key: 'sse-s3', Body: 'bytes' });
    expect(await sseHeadersOf('sse-s3')).toEqual({ 'x-amz-server-side-encryption': 'AES256' });
    await put({ Key: 'sse-s3-explicit', Body: 'bytes', ServerSideEncryption: 'AES256' });
    expect(await sseHeadersOf('sse-s3-explicit')).toEqual({ 'x-amz-server-side-encryption': 'AES256' });
  });

  it.each([
    ['key id', () => keyId],
    ['alias', () => 'alias/sse-tests'],
    ['key ARN', () => keyArn],
    ['alias ARN', () => 'arn:aws:kms:us-east-1:000000000000:alias/sse-tests'],
  ])('SSE-KMS with a %s names the key by its ARN', async (_label, ref) => {
    const key = `sse-kms-${_label.replace(' ', '-')}`;
    const putReply = await put({ Key: key, Body: 'secret', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: ref() });
    expect(putReply).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    expect(await sseHeadersOf(key)).toEqual({
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': keyArn,
    });
    expect(await getText(key)).toBe('secret');
  });

  it('SSE-KMS without a key uses the AWS managed aws/s3 key', async () => {
    await put({ Key: 'sse-kms-default', Body: 'secret', ServerSideEncryption: 'aws:kms' });
    const { KeyMetadata } = await stack.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(KeyMetadata?.KeyManager).toBe('AWS');
    expect(await sseHeadersOf('sse-kms-default')).toEqual({
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': KeyMetadata!.Arn,
    });
    expect(await getText('sse-kms-default')).toBe('secret');
  });

  it('SSE-KMS with a bucket key', async () => {
    const putReply = await put({
      Key: 'sse-kms-bucket-key',
      Body: 'secret',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: keyId,
      BucketKeyEnabled: true,
    });
    expect(putReply.BucketKeyEnabled).toBe(true);
    expect(await sseHeadersOf('sse-kms-bucket-key')).toEqual({
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': keyArn,
      'x-amz-server-side-encryption-bucket-key-enabled': 'true',
    });
    expect(await getText('sse-kms-bucket-key')).toBe('secret');
  });

  it('DSSE-KMS, which refuses a bucket key', async () => {
    await put({ Key: 'dsse', Body: 'two layers', ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: keyId });
    expect(await sseHeadersOf('dsse')).toEqual({
      'x-amz-server-side-encryption': 'aws:kms:dsse',
      'x-amz-server-side-encryption-aws-kms-key-id': keyArn,
    });
    expect(await getText('dsse')).toBe('two layers');
    await expect(
      put({ Key: 'dsse-bucket-key', Body: 'x', ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: keyId, BucketKeyEnabled: true }),
    ).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
  });

  it('SSE-C', async () => {
    const putReply = await put({ Key: 'sse-c', Body: 'customer secret', ...sseC });
    expect(putReply.SSECustomerKeyMD5).toBe(createHash('md5').update(SSE_C_KEY).digest('base64'));
    expect(await sseHeadersOf('sse-c', sseCHeaders(SSE_C_KEY))).toEqual({
      'x-amz-server-side-encryption-customer-algorithm': 'AES256',
      'x-amz-server-side-encryption-customer-key-md5': createHash('md5').update(SSE_C_KEY).digest('base64'),
    });
  });

  it('none for a legacy unencrypted object', async () => {
    storeUnencrypted(stack, BUCKET, 'not-sse', Buffer.from('plain'));
    expect(await sseHeadersOf('not-sse')).toEqual({});
    expect(await getText('not-sse')).toBe('plain');
  });
});

describe('SSE-C reads', () => {
  beforeAll(async () => {
    await put({ Key: 'customer', Body: 'customer bytes', ...sseC });
  });

  it('answers HEAD and GET without the key with 400', async () => {
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'customer' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
    await expect(stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'customer' }))).rejects.toMatchObject({
      name: 'InvalidRequest',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers HEAD and GET with a wrong key with 403', async () => {
    const wrong = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: randomBytes(32).toString('base64') };
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'customer', ...wrong }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    await expect(stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'customer', ...wrong }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('returns the bytes with the right key', async () => {
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'customer', ...sseC }));
    expect(head.ContentLength).toBe('customer bytes'.length);
    expect(await getText('customer', sseC)).toBe('customer bytes');
  });

  it('refuses a key whose MD5 does not match with 400 InvalidArgument', async () => {
    const request = await signRaw(stack, {
      method: 'PUT',
      path: `/${BUCKET}/bad-md5`,
      headers: sseCHeaders(SSE_C_KEY, createHash('md5').update('another key').digest('base64')),
      body: 'x',
    });
    const reply = await sendRaw(stack, request);
    expect(reply.status).toBe(400);
    expect(reply.body.toString()).toContain('<Code>InvalidArgument</Code>');
  });

  it('is refused on a bucket that blocks SSE-C (the default for new buckets) with 403', async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: 'sse-c-blocked' }));
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: 'sse-c-blocked', Key: 'k', Body: 'x', ...sseC }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
  });
});

describe('SSE-C needs a secure connection', () => {
  it('counts only loopback clients as secure', () => {
    expect(['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.7', '192.168.1.2', '::ffff:10.0.0.7', '2001:db8::1', undefined].map(isLoopback)).toEqual([false, false, false, false, false]);
  });

  it('reads SSE-C headers only from a secure client', () => {
    const headers = sseCHeaders(SSE_C_KEY);
    expect(readRequestedSse(headers, true).customerKey?.key.equals(SSE_C_KEY)).toBe(true);
    expect(() => readRequestedSse(headers, false)).toThrow(expect.objectContaining({ code: 'InvalidRequest', status: 400 }));
  });

  /** The request the server would build for a client connecting from another host. */
  function fromRemoteClient(raw: RawRequest): StackRequest {
    return {
      id: 'REMOTE',
      method: raw.method,
      headers: raw.headers,
      rawPath: raw.path,
      query: {},
      body: Buffer.from(raw.body ?? ''),
      hostBucket: undefined,
      secure: false,
    };
  }

  it('refuses a correctly signed SSE-C PutObject and GetObject from a non-loopback client with 400', async () => {
    const protocol = new S3Protocol(stack.ctx);
    const putRequest = await signRaw(stack, { method: 'PUT', path: `/${BUCKET}/remote`, headers: sseCHeaders(SSE_C_KEY), body: 'x' });
    const putReply = await protocol.handle(fromRemoteClient(putRequest));
    expect(putReply.status).toBe(400);
    expect(String(putReply.body)).toContain('must be made over a secure connection');

    const getRequest = await signRaw(stack, { method: 'GET', path: `/${BUCKET}/customer`, headers: sseCHeaders(SSE_C_KEY) });
    expect((await protocol.handle(fromRemoteClient(getRequest))).status).toBe(400);
    expect((await protocol.handle({ ...fromRemoteClient(getRequest), secure: true })).status).toBe(200);
  });
});

describe('KMS failures as S3 relays them', () => {
  it('refuses puts and gets with a disabled key with 400 KMS.DisabledException, and serves again once enabled', async () => {
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({ Description: 'to be disabled' }));
    const disabledKey = KeyMetadata!.KeyId!;
    await put({ Key: 'kms-disabled', Body: 'locked', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: disabledKey });
    await put({ Key: 'dsse-disabled', Body: 'locked', ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: disabledKey });
    await stack.kms.send(new DisableKeyCommand({ KeyId: disabledKey }));

    const disabled = { name: 'KMS.DisabledException', $metadata: { httpStatusCode: 400 } };
    await expect(put({ Key: 'kms-new', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: disabledKey })).rejects.toMatchObject(disabled);
    await expect(getText('kms-disabled')).rejects.toMatchObject(disabled);
    await expect(getText('dsse-disabled')).rejects.toMatchObject(disabled);

    await stack.kms.send(new EnableKeyCommand({ KeyId: disabledKey }));
    expect(await getText('kms-disabled')).toBe('locked');
    expect(await getText('dsse-disabled')).toBe('locked');
  });

  it('refuses puts and gets under a key pending deletion with 400 KMS.KMSInvalidStateException, until the deletion is cancelled', async () => {
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({ Description: 'to be deleted' }));
    const doomedKey = KeyMetadata!.KeyId!;
    await put({ Key: 'kms-pending-deletion', Body: 'kept', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: doomedKey });
    await stack.kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomedKey, PendingWindowInDays: 7 }));

    const pending = {
      name: 'KMS.KMSInvalidStateException',
      message: `${KeyMetadata!.Arn} is pending deletion.`,
      $metadata: { httpStatusCode: 400 },
    };
    await expect(getText('kms-pending-deletion')).rejects.toMatchObject(pending);
    await expect(put({ Key: 'kms-new', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: doomedKey })).rejects.toMatchObject(pending);

    await stack.kms.send(new CancelKeyDeletionCommand({ KeyId: doomedKey }));
    await expect(getText('kms-pending-deletion')).rejects.toMatchObject({ name: 'KMS.DisabledException' });
    await stack.kms.send(new EnableKeyCommand({ KeyId: doomedKey }));
    expect(await getText('kms-pending-deletion')).toBe('kept');
  });

  it('refuses an unknown key id or alias with 400 KMS.NotFoundException', async () => {
    const notFound = { name: 'KMS.NotFoundException', $metadata: { httpStatusCode: 400 } };
    await expect(put({ Key: 'k', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: randomUUID() })).rejects.toMatchObject(notFound);
    await expect(put({ Key: 'k', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/nope' })).rejects.toMatchObject(notFound);
  });

  it('refuses a key id with S3-managed encryption with 400 InvalidArgument', async () => {
    await expect(put({ Key: 'k', Body: 'x', ServerSideEncryption: 'AES256', SSEKMSKeyId: keyId })).rejects.toMatchObject({
      name: 'InvalidArgument',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('at rest on disk', () => {
  const MARKER = 'PLAINTEXT-MARKER-that-must-not-reach-the-disk;'.repeat(40);
  const objects: Array<[key: string, input: Partial<PutObjectCommandInput>]> = [
    ['sse-s3', {}],
    ['sse-kms', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/at-rest' }],
    ['sse-kms-bucket-key', { ServerSideEncryption: 'aws:kms', BucketKeyEnabled: true }],
    ['dsse-kms', { ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: 'alias/at-rest' }],
    ['sse-c', sseC],
  ];
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-aws-sse-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const filesContaining = (text: string) =>
    readdirSync(join(dataDir, 'blobs')).filter((name) => readFileSync(join(dataDir, 'blobs', name)).includes(text));

  it('keeps no plaintext in the blobs or the journal of encrypted objects, and serves them after a restart', async () => {
    const first = await startTestStack({ dataDir });
    try {
      await createSseCBucket(first, BUCKET);
      const { KeyMetadata } = await first.kms.send(new CreateKeyCommand({}));
      await first.kms.send(new CreateAliasCommand({ AliasName: 'alias/at-rest', TargetKeyId: KeyMetadata!.KeyId! }));
      for (const [key, input] of objects) {
        await first.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: MARKER, ...input }));
      }
      storeUnencrypted(first, BUCKET, 'not-sse', Buffer.from(MARKER));
    } finally {
      await first.close();
    }

    expect(readdirSync(join(dataDir, 'blobs'))).toHaveLength(objects.length + 1);
    // Only the legacy unencrypted object's blob holds the plaintext, which shows the check can see it.
    expect(filesContaining(MARKER)).toHaveLength(1);
    expect(filesContaining('PLAINTEXT-MARKER')).toHaveLength(1);
    const journal = readFileSync(join(dataDir, 'journal.jsonl'), 'utf8');
    expect(journal).not.toContain('PLAINTEXT-MARKER');
    expect(journal).not.toContain(SSE_C_KEY.toString('base64'));

    const restarted = await startTestStack({ dataDir });
    try {
      for (const [key, input] of objects) {
        const get = await restarted.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ...(input === sseC ? sseC : {}) }));
        expect(await get.Body!.transformToString()).toBe(MARKER);
      }
      const legacy = await restarted.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'not-sse' }));
      expect(legacy.ServerSideEncryption).toBeUndefined();
      expect(await legacy.Body!.transformToString()).toBe(MARKER);
    } finally {
      await restarted.close();
    }
  });

  it('starts again after a write that was cut short, dropping only that write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-aws-journal-'));
    const restart = async (use: (target: TestStack) => Promise<void>) => {
      const target = await startTestStack({ dataDir: dir });
      try {
        await use(target);
      } finally {
        await target.close();
      }
    };
    try {
      await restart(async (target) => {
        await target.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
        await target.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'before', Body: 'old' }));
      });
      appendFileSync(join(dir, 'journal.jsonl'), '{"op":"put","table":"buckets","id":"half-writ');
      await restart(async (target) => {
        await target.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'after', Body: 'new' }));
      });
      await restart(async (target) => {
        for (const key of ['before', 'after']) {
          expect((await target.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentLength).toBe(3);
        }
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
