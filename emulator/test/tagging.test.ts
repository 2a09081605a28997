import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketEncryptionCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type Tag,
} from '@aws-sdk/client-s3';
import { useTestStack } from './harness.js';

const stack = useTestStack();
beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: 'tags' }));
  await stack.s3.send(new CreateBucketCommand({ Bucket: 'tags-versioned' }));
  await stack.s3.send(new PutBucketVersioningCommand({ Bucket: 'tags-versioned', VersioningConfiguration: { Status: 'Enabled' } }));
});

function putTags(Bucket: string, Key: string, TagSet: Tag[], VersionId?: string) {
  return stack.s3.send(new PutObjectTaggingCommand({ Bucket, Key, VersionId, Tagging: { TagSet } }));
}

async function tagsOf(Bucket: string, Key: string, VersionId?: string): Promise<Tag[] | undefined> {
  return (await stack.s3.send(new GetObjectTaggingCommand({ Bucket, Key, VersionId }))).TagSet;
}

describe('object tagging', () => {
  it('replaces, reads and deletes a tag set without touching the object', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: 'tags', Key: 'a.txt', Body: 'hello' }));
    const empty = await stack.s3.send(new GetObjectTaggingCommand({ Bucket: 'tags', Key: 'a.txt' }));
    expect(empty.TagSet).toEqual([]);
    expect(empty.VersionId).toBeUndefined();
    const before = await stack.s3.send(new HeadObjectCommand({ Bucket: 'tags', Key: 'a.txt' }));

    // Last-Modified has a one-second resolution: a changed date would show after this.
    await sleep(1100);
    const put = await putTags('tags', 'a.txt', [
      { Key: 'project', Value: 'console' },
      { Key: 'empty', Value: '' },
    ]);
    expect(put.$metadata.httpStatusCode).toBe(200);
    expect(put.VersionId).toBeUndefined();
    expect(await tagsOf('tags', 'a.txt')).toEqual([
      { Key: 'project', Value: 'console' },
      { Key: 'empty', Value: '' },
    ]);
    await putTags('tags', 'a.txt', [{ Key: 'stage', Value: 'two' }]);
    expect(await tagsOf('tags', 'a.txt')).toEqual([{ Key: 'stage', Value: 'two' }]);

    const after = await stack.s3.send(new HeadObjectCommand({ Bucket: 'tags', Key: 'a.txt' }));
    expect(after.ETag).toBe(before.ETag);
    expect(after.LastModified).toEqual(before.LastModified);
    const get = await stack.s3.send(new GetObjectCommand({ Bucket: 'tags', Key: 'a.txt' }));
    expect(get.TagCount).toBe(1);
    expect(await get.Body?.transformToString()).toBe('hello');

    const deleted = await stack.s3.send(new DeleteObjectTaggingCommand({ Bucket: 'tags', Key: 'a.txt' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await tagsOf('tags', 'a.txt')).toEqual([]);
  });

  it('reads the tags PutObject set from x-amz-tagging', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: 'tags', Key: 'h', Body: 'x', Tagging: 'a=1&b=two%20words' }));
    expect(await tagsOf('tags', 'h')).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: 'two words' },
    ]);
  });

  it('tags an SSE-C object without its key', async () => {
    await stack.s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'tags',
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BlockedEncryptionTypes: { EncryptionType: ['NONE'] } }],
        },
      }),
    );
    const key = randomBytes(32);
    await stack.s3.send(
      new PutObjectCommand({
        Bucket: 'tags',
        Key: 'customer.bin',
        Body: 'sealed',
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey: key.toString('base64'),
        SSECustomerKeyMD5: createHash('md5').update(key).digest('base64'),
      }),
    );
    await putTags('tags', 'customer.bin', [{ Key: 'kind', Value: 'sse-c' }]);
    expect(await tagsOf('tags', 'customer.bin')).toEqual([{ Key: 'kind', Value: 'sse-c' }]);
    await stack.s3.send(new DeleteObjectTaggingCommand({ Bucket: 'tags', Key: 'customer.bin' }));
    expect(await tagsOf('tags', 'customer.bin')).toEqual([]);
  });

  it('tags one version in place and names it in x-amz-version-id', async () => {
    const bucket = 'tags-versioned';
    const v1 = await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'v', Body: 'one', Tagging: 'gen=1' }));
    const v2 = await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'v', Body: 'two' }));

    const onLatest = await putTags(bucket, 'v', [{ Key: 'gen', Value: '2' }]);
    expect(onLatest.VersionId).toBe(v2.VersionId);
    const latest = await stack.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'v' }));
    expect(latest).toMatchObject({ VersionId: v2.VersionId, TagSet: [{ Key: 'gen', Value: '2' }] });
    expect(await tagsOf(bucket, 'v', v1.VersionId)).toEqual([{ Key: 'gen', Value: '1' }]);

    const onOld = await putTags(bucket, 'v', [{ Key: 'gen', Value: 'first' }], v1.VersionId);
    expect(onOld.VersionId).toBe(v1.VersionId);
    expect(await tagsOf(bucket, 'v', v1.VersionId)).toEqual([{ Key: 'gen', Value: 'first' }]);
    expect(await tagsOf(bucket, 'v')).toEqual([{ Key: 'gen', Value: '2' }]);

    const removed = await stack.s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'v', VersionId: v1.VersionId }));
    expect(removed.VersionId).toBe(v1.VersionId);
    expect(await tagsOf(bucket, 'v', v1.VersionId)).toEqual([]);

    const versions = await stack.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'v' }));
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual([v2.VersionId, v1.VersionId]);
  });

  it('answers 405 MethodNotAllowed for a delete marker, named or latest', async () => {
    const bucket = 'tags-versioned';
    await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'gone', Body: 'x' }));
    const marker = await stack.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'gone' }));
    expect(marker.DeleteMarker).toBe(true);
    const refused = { name: 'MethodNotAllowed', $metadata: { httpStatusCode: 405 }, ResourceType: 'DeleteMarker' };
    for (const VersionId of [marker.VersionId, undefined]) {
      await expect(stack.s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'gone', VersionId }))).rejects.toMatchObject({
        ...refused,
        Method: 'GET',
      });
      await expect(putTags(bucket, 'gone', [{ Key: 'a', Value: 'b' }], VersionId)).rejects.toMatchObject({ ...refused, Method: 'PUT' });
      await expect(stack.s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'gone', VersionId }))).rejects.toMatchObject({
        ...refused,
        Method: 'DELETE',
      });
    }
  });

  it('answers NoSuchKey, NoSuchVersion and NoSuchBucket', async () => {
    // GetObjectTagging, alone among S3's operations, names the key with its bucket.
    await expect(stack.s3.send(new GetObjectTaggingCommand({ Bucket: 'tags', Key: 'missing' }))).rejects.toMatchObject({
      name: 'NoSuchKey',
      Key: 'tags/missing',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(putTags('tags', 'missing', [])).rejects.toMatchObject({ name: 'NoSuchKey', Key: 'missing' });
    await expect(stack.s3.send(new DeleteObjectTaggingCommand({ Bucket: 'tags', Key: 'missing' }))).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
    await stack.s3.send(new PutObjectCommand({ Bucket: 'tags-versioned', Key: 'present', Body: 'x' }));
    await expect(
      stack.s3.send(new GetObjectTaggingCommand({ Bucket: 'tags-versioned', Key: 'present', VersionId: 'no-such-version' })),
    ).rejects.toMatchObject({ name: 'NoSuchVersion', $metadata: { httpStatusCode: 404 } });
    await expect(stack.s3.send(new GetObjectTaggingCommand({ Bucket: 'no-such-tag-bucket', Key: 'k' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });
  });

  it("enforces S3's tag limits", async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: 'tags', Key: 'limits', Body: 'x' }));
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expect(putTags('tags', 'limits', eleven)).rejects.toMatchObject({
      name: 'BadRequest',
      message: 'Object tags cannot be greater than 10',
      $metadata: { httpStatusCode: 400 },
    });
    await putTags('tags', 'limits', eleven.slice(0, 10));
    expect(await tagsOf('tags', 'limits')).toHaveLength(10);

    const invalid = (message: string, TagKey: string) => ({ name: 'InvalidTag', message, TagKey, $metadata: { httpStatusCode: 400 } });
    await expect(
      putTags('tags', 'limits', [
        { Key: 'same', Value: '1' },
        { Key: 'same', Value: '2' },
      ]),
    ).rejects.toMatchObject(invalid('Cannot provide multiple Tags with the same key', 'same'));
    await expect(putTags('tags', 'limits', [{ Key: 'aws:owner', Value: 'x' }])).rejects.toMatchObject(
      invalid('Your TagKey cannot be prefixed with aws:', 'aws:owner'),
    );
    const longKey = 'k'.repeat(129);
    await expect(putTags('tags', 'limits', [{ Key: longKey, Value: 'x' }])).rejects.toMatchObject(
      invalid('The TagKey you have provided is invalid', longKey),
    );
    await expect(putTags('tags', 'limits', [{ Key: 'a,b', Value: 'x' }])).rejects.toMatchObject(
      invalid('The TagKey you have provided is invalid', 'a,b'),
    );
    await expect(putTags('tags', 'limits', [{ Key: 'long', Value: 'v'.repeat(257) }])).rejects.toMatchObject({
      ...invalid('The TagValue you have provided is invalid', 'long'),
      TagValue: 'v'.repeat(257),
    });
    await putTags('tags', 'limits', [{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]);
    expect(await tagsOf('tags', 'limits')).toEqual([{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]);
  });

  it('checks x-amz-tagging on PutObject by the same limits', async () => {
    const many = Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&');
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: 'tags', Key: 'hdr', Body: 'x', Tagging: many }))).rejects.toMatchObject({
      name: 'BadRequest',
    });
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: 'tags', Key: 'hdr', Body: 'x', Tagging: 'a=1&a=2' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
