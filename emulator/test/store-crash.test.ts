import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startTestStack, type TestStack } from './harness.js';

const BUCKET = 'crash-tests';
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-aws-crash-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const blobFiles = () => readdirSync(join(dataDir, 'blobs')).sort();

/** Runs `use` against a disk stack on the test's data folder, then stops it, as a restart would. */
async function withStack(use: (stack: TestStack) => Promise<void>): Promise<void> {
  const stack = await startTestStack({ dataDir });
  try {
    await use(stack);
  } finally {
    await stack.close();
  }
}

async function getText(stack: TestStack, key: string): Promise<string> {
  const got = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return got.Body!.transformToString();
}

/** The process dies right after the store deletes a blob: whatever the request meant to do after that never happens. */
function crashAfterEachBlobDelete(stack: TestStack): void {
  const deleteBlob = stack.ctx.store.deleteBlob.bind(stack.ctx.store);
  stack.ctx.store.deleteBlob = (id) => {
    deleteBlob(id);
    throw new Error('simulated crash after deleting a blob');
  };
}

describe('the disk store after a crash', () => {
  it('keeps an overwritten object readable: the new bytes and their record come before the old bytes go', async () => {
    await withStack(async (stack) => {
      await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'report.csv', Body: 'first' }));
      crashAfterEachBlobDelete(stack);
      await expect(stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'report.csv', Body: 'second' }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: 500 },
      });
    });
    await withStack(async (stack) => {
      expect(await getText(stack, 'report.csv')).toBe('second');
    });
    expect(blobFiles()).toHaveLength(1);
  });

  it('keeps a part sent again readable: the record of the upload names bytes that exist', async () => {
    await withStack(async (stack) => {
      await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      const { UploadId } = await stack.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'parts.bin' }));
      await stack.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'parts.bin', UploadId, PartNumber: 1, Body: 'one' }));
      crashAfterEachBlobDelete(stack);
      await expect(
        stack.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'parts.bin', UploadId, PartNumber: 1, Body: 'uno' })),
      ).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    });
    await withStack(async (stack) => {
      const [upload] = stack.ctx.store.list<{ parts: Array<{ body: { blobId: string } }> }>(`uploads/${BUCKET}`).map(([, u]) => u);
      expect(blobFiles()).toEqual(upload.parts.map((part) => part.body.blobId));
    });
  });

  it('removes at start the bytes of a write whose record never reached the journal, and of a delete cut short', async () => {
    await withStack(async (stack) => {
      await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kept.csv', Body: 'kept' }));
      await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'deleted.csv', Body: 'deleted' }));
      const put = stack.ctx.store.put.bind(stack.ctx.store);
      stack.ctx.store.put = (table, id, value) => {
        if (table.startsWith('objects/')) throw new Error('simulated crash before the journal append');
        put(table, id, value);
      };
      await expect(stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kept.csv', Body: 'never recorded' }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: 500 },
      });
      stack.ctx.store.put = put;
      crashAfterEachBlobDelete(stack);
      await expect(stack.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'deleted.csv' }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: 500 },
      });
    });
    // And a blob file nothing could ever name, as a crash of any earlier version could leave.
    writeFileSync(join(dataDir, 'blobs', randomUUID()), 'stray bytes');
    expect(blobFiles()).toHaveLength(3);

    await withStack(async (stack) => {
      expect(blobFiles()).toHaveLength(1);
      expect(await getText(stack, 'kept.csv')).toBe('kept');
      await expect(stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'deleted.csv' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    });
  });
});
