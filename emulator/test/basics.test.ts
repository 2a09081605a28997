import { describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { useTestStack } from './harness.js';

const stack = useTestStack();

describe('buckets and objects', () => {
  it('creates a bucket, lists it and reports its region', async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: 'basics' }));
    const list = await stack.s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain('basics');
    // S3 stopped returning Owner's DisplayName on 2025-11-21.
    expect(list.Owner).toEqual({ ID: stack.ctx.options.accountId });
    const head = await stack.s3.send(new HeadBucketCommand({ Bucket: 'basics' }));
    expect(head.BucketRegion).toBe('us-east-1');
  });

  it('stores bytes encrypted with SSE-S3 by default and returns them unchanged', async () => {
    const put = await stack.s3.send(
      new PutObjectCommand({ Bucket: 'basics', Key: 'dir/a b+c.txt', Body: 'hello world', ContentType: 'text/plain', Metadata: { owner: 'me' } }),
    );
    expect(put.ServerSideEncryption).toBe('AES256');
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: 'basics', Key: 'dir/a b+c.txt' }));
    expect(head).toMatchObject({ ContentLength: 11, ContentType: 'text/plain', Metadata: { owner: 'me' }, ServerSideEncryption: 'AES256' });
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: 'basics', Key: 'dir/a b+c.txt' }));
    expect(await get.Body?.transformToString()).toBe('hello world');
  });

  it('answers NoSuchKey for a missing object', async () => {
    await expect(stack.s3.send(new GetObjectCommand({ Bucket: 'basics', Key: 'missing' }))).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses an unknown access key and a wrong secret', async () => {
    const unknown = new S3Client({
      endpoint: stack.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' },
    });
    await expect(unknown.send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    const wrongSecret = new S3Client({
      endpoint: stack.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { ...stack.rootCredentials, secretAccessKey: 'wrong' },
    });
    await expect(wrongSecret.send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
  });
});
