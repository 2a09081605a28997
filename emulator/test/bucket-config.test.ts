import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutObjectCommand,
  type EncryptionType,
  type ServerSideEncryptionRule,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { useTestStack } from './harness.js';

const stack = useTestStack();

let bucketCount = 0;
async function newBucket(): Promise<string> {
  const bucket = `config-${++bucketCount}`;
  await stack.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function encryptionRule(bucket: string): Promise<ServerSideEncryptionRule | undefined> {
  const answer = await stack.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  expect(answer.ServerSideEncryptionConfiguration?.Rules).toHaveLength(1);
  return answer.ServerSideEncryptionConfiguration?.Rules?.[0];
}

function putRule(bucket: string, rule: ServerSideEncryptionRule) {
  return stack.s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [rule] } }));
}

function blockTypes(...types: EncryptionType[]): ServerSideEncryptionRule {
  return { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BlockedEncryptionTypes: { EncryptionType: types } };
}

const customerKey = randomBytes(32);
const sseC = {
  SSECustomerAlgorithm: 'AES256',
  SSECustomerKey: customerKey.toString('base64'),
  SSECustomerKeyMD5: createHash('md5').update(customerKey).digest('base64'),
};

describe('bucket default encryption', () => {
  it('reports SSE-S3 with SSE-C blocked for a new bucket', async () => {
    const bucket = await newBucket();
    expect(await encryptionRule(bucket)).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
      BucketKeyEnabled: false,
      BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] },
    });
  });

  it('refuses SSE-C writes while blocked, takes them once unblocked, and keeps old SSE-C objects readable', async () => {
    const bucket = await newBucket();
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'c', Body: 'secret', ...sseC }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });

    await putRule(bucket, blockTypes('NONE'));
    expect((await encryptionRule(bucket))?.BlockedEncryptionTypes).toEqual({ EncryptionType: ['NONE'] });
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'c', Body: 'secret', ...sseC }));
    expect(put.SSECustomerAlgorithm).toBe('AES256');

    await putRule(bucket, blockTypes('SSE-C'));
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'd', Body: 'x', ...sseC }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    const read = await stack.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c', ...sseC }));
    expect(await read.Body?.transformToString()).toBe('secret');
  });

  it('leaves the SSE-C setting alone when a configuration does not name it', async () => {
    const bucket = await newBucket();
    await putRule(bucket, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } });
    expect(await encryptionRule(bucket)).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' },
      BucketKeyEnabled: false,
      BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] },
    });
  });

  it('applies an SSE-KMS default with its key and bucket key to new objects', async () => {
    const bucket = await newBucket();
    const { KeyMetadata } = await stack.kms.send(new CreateKeyCommand({ Description: 'bucket default' }));
    await putRule(bucket, {
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KeyMetadata?.KeyId },
      BucketKeyEnabled: true,
    });
    // The key is reported as given (a key id here), not resolved to its ARN.
    expect((await encryptionRule(bucket))?.ApplyServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: KeyMetadata?.KeyId,
    });

    const put = await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'kms' }));
    expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KeyMetadata?.Arn, BucketKeyEnabled: true });
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' }));
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KeyMetadata?.Arn, BucketKeyEnabled: true });
  });

  it('applies a DSSE-KMS default with the AWS managed key when none is named', async () => {
    const bucket = await newBucket();
    await putRule(bucket, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse' } });
    await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'd', Body: 'dsse' }));
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'd' }));
    expect(head.ServerSideEncryption).toBe('aws:kms:dsse');
    expect(head.SSEKMSKeyId).toMatch(/^arn:aws:kms:us-east-1:000000000000:key\//);
    expect(head.BucketKeyEnabled).toBeUndefined();
  });

  it('takes a KMS key that does not exist and fails the object write instead', async () => {
    const bucket = await newBucket();
    await putRule(bucket, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/not-there' } });
    expect((await encryptionRule(bucket))?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID).toBe('alias/not-there');
    await expect(stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'x', Body: 'x' }))).rejects.toMatchObject({
      name: 'KMS.NotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('resets to SSE-S3 on delete and keeps the SSE-C setting, blocked or not', async () => {
    const blocked = await newBucket();
    await putRule(blocked, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true });
    const deleted = await stack.s3.send(new DeleteBucketEncryptionCommand({ Bucket: blocked }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await encryptionRule(blocked)).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
      BucketKeyEnabled: false,
      BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] },
    });
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: blocked, Key: 'after', Body: 'x' }));
    expect(put.ServerSideEncryption).toBe('AES256');

    const open = await newBucket();
    await putRule(open, blockTypes('NONE'));
    await stack.s3.send(new DeleteBucketEncryptionCommand({ Bucket: open }));
    expect((await encryptionRule(open))?.BlockedEncryptionTypes).toEqual({ EncryptionType: ['NONE'] });
    await stack.s3.send(new PutObjectCommand({ Bucket: open, Key: 'c', Body: 'x', ...sseC }));
  });

  it('blocks or unblocks SSE-C with a rule that names no default, keeping SSE-S3', async () => {
    const bucket = await newBucket();
    await putRule(bucket, { BlockedEncryptionTypes: { EncryptionType: ['NONE'] } });
    expect(await encryptionRule(bucket)).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
      BucketKeyEnabled: false,
      BlockedEncryptionTypes: { EncryptionType: ['NONE'] },
    });
  });

  it('answers S3 errors for configurations it does not take', async () => {
    const bucket = await newBucket();
    await expect(
      putRule(bucket, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: 'some-key' } }),
    ).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse',
      ArgumentName: 'ApplyServerSideEncryptionByDefault',
      $metadata: { httpStatusCode: 400 },
    });
    const malformed = { name: 'MalformedXML', $metadata: { httpStatusCode: 400 } };
    await expect(putRule(bucket, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES128' as 'AES256' } })).rejects.toMatchObject(malformed);
    await expect(putRule(bucket, blockTypes('SSE-KMS' as EncryptionType))).rejects.toMatchObject(malformed);
    await expect(putRule(bucket, { BucketKeyEnabled: true })).rejects.toMatchObject(malformed);
    await expect(
      stack.s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [] } })),
    ).rejects.toMatchObject(malformed);
    await expect(
      stack.s3.send(
        new PutBucketEncryptionCommand({
          Bucket: bucket,
          ServerSideEncryptionConfiguration: { Rules: [blockTypes('NONE'), blockTypes('SSE-C')] },
        }),
      ),
    ).rejects.toMatchObject(malformed);
    expect((await encryptionRule(bucket))?.BlockedEncryptionTypes).toEqual({ EncryptionType: ['SSE-C'] });
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    await expect(stack.s3.send(new GetBucketEncryptionCommand({ Bucket: 'no-such-config-bucket' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
