import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteBucketTaggingCommand,
  GetBucketTaggingCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  type Tag,
} from '@aws-sdk/client-s3';
import { failureWithMessageOf, useTestStack } from './harness.js';
import { getBytes } from './object-fixtures.js';

const stack = useTestStack();
const BUCKET = 'bucket-tags';

function putBucketTags(TagSet: Tag[]) {
  return stack.s3.send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet } }));
}

async function bucketTags() {
  return (await stack.s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET }))).TagSet;
}

const NO_TAG_SET = { name: 'NoSuchTagSet', message: 'The TagSet does not exist', status: 404 };

beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tagged.csv', Body: 'bytes', Tagging: 'owner=finance' }));
});

describe('bucket tagging', () => {
  it('has no tag set until one is put, then replaces, reads and deletes it, leaving the objects alone', async () => {
    expect(await failureWithMessageOf(bucketTags())).toEqual(NO_TAG_SET);
    await putBucketTags([
      { Key: 'team', Value: 'finance' },
      { Key: 'cost-centre', Value: '42' },
    ]);
    expect(await bucketTags()).toEqual([
      { Key: 'team', Value: 'finance' },
      { Key: 'cost-centre', Value: '42' },
    ]);
    await putBucketTags([{ Key: 'team', Value: 'audit' }]);
    expect(await bucketTags()).toEqual([{ Key: 'team', Value: 'audit' }]);
    await stack.s3.send(new DeleteBucketTaggingCommand({ Bucket: BUCKET }));
    expect(await failureWithMessageOf(bucketTags())).toEqual(NO_TAG_SET);
    await stack.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    expect((await getBytes(stack, { Bucket: BUCKET, Key: 'tagged.csv' })).toString()).toBe('bytes');
    const objectTags = await stack.s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'tagged.csv' }));
    expect(objectTags.TagSet).toEqual([{ Key: 'owner', Value: 'finance' }]);
  });

  it('takes up to 50 tags and refuses more, a repeated key and an aws: key, keeping the tags it had', async () => {
    const fifty = Array.from({ length: 50 }, (_, index) => ({ Key: `k${index}`, Value: `v${index}` }));
    await putBucketTags(fifty);
    expect(await bucketTags()).toEqual(fifty);
    expect(await failureWithMessageOf(putBucketTags([...fifty, { Key: 'k50', Value: 'v50' }]))).toEqual({
      name: 'BadRequest',
      message: 'Bucket tag count cannot be greater than 50',
      status: 400,
    });
    expect(
      await failureWithMessageOf(
        putBucketTags([
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '2' },
        ]),
      ),
    ).toMatchObject({ name: 'InvalidTag', status: 400 });
    expect(await failureWithMessageOf(putBucketTags([{ Key: 'aws:owner', Value: 'me' }]))).toMatchObject({ name: 'InvalidTag', status: 400 });
    expect(await bucketTags()).toEqual(fifty);
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    const get = stack.s3.send(new GetBucketTaggingCommand({ Bucket: 'no-such-bucket' }));
    expect(await failureWithMessageOf(get)).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});
