import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, EncryptCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { parseFault } from '../http/faults.js';
import type { FaultRule } from '../options.js';
import { sendRaw, signRaw, startTestStack, type TestStack } from './harness.js';

const BUCKET = 'fault-tests';
const RETRIES = 30;

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** A stack with the faults on (none of these tests faults CreateBucket) and a bucket. */
async function stackWithFaults(faults: FaultRule[]): Promise<TestStack> {
  stack = await startTestStack({ faults });
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  return stack;
}

/**
 * The SDK's standard retries without back-off delays, so a test is quick
 * whatever it draws. Each client has its own strategy, hence its own retry
 * quota (500 tokens, 5 or 10 a retry, refunded on success).
 */
function retryingClients(target: TestStack) {
  const config = () => ({
    endpoint: target.endpoint,
    region: 'us-east-1',
    credentials: target.rootCredentials,
    retryStrategy: new ConfiguredRetryStrategy(RETRIES, 0),
  });
  return { s3: new S3Client({ ...config(), forcePathStyle: true }), kms: new KMSClient(config()) };
}

describe('injected faults on chosen operations', () => {
  it('answers SlowDown with 503 and leaves other operations alone', async () => {
    const target = await stackWithFaults([{ kind: 'SlowDown', rate: 1, operations: ['GetObject'] }]);
    await target.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'object', Body: 'payload' }));
    await expect(target.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }))).rejects.toMatchObject({
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });
    const head = await target.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'object' }));
    expect(head.ContentLength).toBe(7);
  });

  it("answers as S3 answers its errors, with the bucket's CORS headers, so a browser can read the 503", async () => {
    const target = await stackWithFaults([{ kind: 'SlowDown', rate: 1, operations: ['CopyObject'] }]);
    const origin = 'https://console.example.com';
    await target.s3.send(
      new PutBucketCorsCommand({
        Bucket: BUCKET,
        CORSConfiguration: {
          CORSRules: [{ AllowedOrigins: [origin], AllowedMethods: ['PUT'], AllowedHeaders: ['*'], ExposeHeaders: ['x-amz-request-id'] }],
        },
      }),
    );
    const copy = await signRaw(target, { method: 'PUT', path: `/${BUCKET}/copy`, headers: { origin, 'x-amz-copy-source': `${BUCKET}/object` } });
    const reply = await sendRaw(target, copy);
    expect(reply.status).toBe(503);
    expect(reply.body.toString()).toContain('<Code>SlowDown</Code>');
    expect(reply.headers['access-control-allow-origin']).toBe(origin);
    expect(reply.headers['access-control-expose-headers']).toBe('x-amz-request-id');
  });

  it('answers InternalError with 500', async () => {
    const target = await stackWithFaults([{ kind: 'InternalError', rate: 1, operations: ['PutObject'] }]);
    await expect(target.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'new', Body: 'x' }))).rejects.toMatchObject({
      name: 'InternalError',
      $metadata: { httpStatusCode: 500 },
    });
  });

  it('drops the connection without an answer', async () => {
    const target = await stackWithFaults([{ kind: 'drop', rate: 1, operations: ['HeadBucket'] }]);
    await expect(target.s3.send(new HeadBucketCommand({ Bucket: BUCKET }))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('answers KMS operations with KMS error shapes', async () => {
    const target = await stackWithFaults([
      { kind: 'SlowDown', rate: 1, operations: ['Encrypt'] },
      { kind: 'InternalError', rate: 1, operations: ['ListKeys'] },
    ]);
    const { KeyMetadata } = await target.kms.send(new CreateKeyCommand({}));
    await expect(target.kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: new Uint8Array([1]) }))).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(target.kms.send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'InternalFailure',
      $metadata: { httpStatusCode: 500 },
    });
  });

  it('is retried by the SDK until it gives up when every attempt fails', async () => {
    const target = await stackWithFaults([{ kind: 'SlowDown', rate: 1, operations: ['GetObject'] }]);
    const { s3 } = retryingClients(target);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'object', Body: 'payload' }));
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'object' }))).rejects.toMatchObject({
      name: 'SlowDown',
      $metadata: { attempts: RETRIES },
    });
  });
});

describe('the SDK retries through faults at a rate below 1', () => {
  // Few enough that a client's retry quota cannot run out, enough that some faults are certain to be drawn.
  const REQUESTS = 10;

  it.each(['SlowDown', 'InternalError', 'drop'] as const)('%s at rate 0.5', async (kind) => {
    const target = await stackWithFaults([{ kind, rate: 0.5, operations: ['GetObject', 'PutObject', 'Encrypt'] }]);
    const { s3, kms } = retryingClients(target);
    let attempts = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `key-${i}`, Body: `body ${i}` }));
      const get = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `key-${i}` }));
      expect(await get.Body!.transformToString()).toBe(`body ${i}`);
      attempts += put.$metadata.attempts! + get.$metadata.attempts!;
    }
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    for (let i = 0; i < REQUESTS; i++) {
      const encrypted = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: new Uint8Array([i]) }));
      attempts += encrypted.$metadata.attempts!;
    }
    // With 30 requests each failing half the time, some were retried (all succeeding at once has odds of 2^-30).
    expect(attempts).toBeGreaterThan(3 * REQUESTS);
  });
});

describe('latency', () => {
  it('delays every response by at least the configured time', async () => {
    const latencyMs = 250;
    const target = (stack = await startTestStack({ latencyMs }));
    const timed = async (send: () => Promise<unknown>) => {
      const started = performance.now();
      await send();
      return performance.now() - started;
    };
    expect(await timed(() => target.s3.send(new CreateBucketCommand({ Bucket: BUCKET })))).toBeGreaterThanOrEqual(latencyMs);
    expect(await timed(() => target.kms.send(new ListKeysCommand({})))).toBeGreaterThanOrEqual(latencyMs);
  });
});

describe('--fault', () => {
  it('parses KIND:RATE[:OPS]', () => {
    expect(parseFault('SlowDown:0.2:CopyObject,HeadObject')).toEqual({ kind: 'SlowDown', rate: 0.2, operations: ['CopyObject', 'HeadObject'] });
    expect(parseFault('drop:1')).toEqual({ kind: 'drop', rate: 1, operations: [] });
    expect(() => parseFault('Teapot:0.5')).toThrow(/kind/);
    expect(() => parseFault('SlowDown:2')).toThrow(/rate/);
  });
});
