import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type BucketVersioningStatus,
  type ListObjectVersionsCommandInput,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketsTable, objectsTable, type BucketRecord, type ObjectEntry } from '../s3/model.js';
import { clientEditingRequests, useTestStack } from './harness.js';

const stack = useTestStack();

async function createBucket(bucket: string, versioning?: BucketVersioningStatus): Promise<void> {
  await stack.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  if (versioning) await setVersioning(bucket, versioning);
}

async function setVersioning(bucket: string, Status: BucketVersioningStatus): Promise<void> {
  await stack.s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status } }));
}

async function put(bucket: string, Key: string, Body: string, extra: Partial<PutObjectCommandInput> = {}): Promise<string | undefined> {
  return (await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body, ...extra }))).VersionId;
}

async function read(bucket: string, Key: string, VersionId?: string): Promise<string | undefined> {
  return (await stack.s3.send(new GetObjectCommand({ Bucket: bucket, Key, VersionId }))).Body?.transformToString();
}

/** The versions the stack stores for a key, newest first: what the SDK cannot show, such as blob ids. */
function storedVersions(bucket: string, key: string) {
  return stack.ctx.store.get<ObjectEntry>(objectsTable(bucket), key)?.versions ?? [];
}

function blobExists(blobId: string | undefined): boolean {
  if (blobId === undefined) return false;
  try {
    stack.ctx.store.getBlob(blobId);
    return true;
  } catch {
    return false;
  }
}

async function listVersions(input: ListObjectVersionsCommandInput) {
  const page = await stack.s3.send(new ListObjectVersionsCommand(input));
  return {
    page,
    versions: (page.Versions ?? []).map((v) => ({ key: v.Key, versionId: v.VersionId, isLatest: v.IsLatest })),
    deleteMarkers: (page.DeleteMarkers ?? []).map((m) => ({ key: m.Key, versionId: m.VersionId, isLatest: m.IsLatest })),
  };
}

describe('bucket versioning configuration', () => {
  it('is empty until set, then reports Enabled and Suspended', async () => {
    await createBucket('config');
    const url = await getSignedUrl(stack.s3, new GetBucketVersioningCommand({ Bucket: 'config' }));
    expect(await (await fetch(url)).text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></VersioningConfiguration>',
    );
    expect((await stack.s3.send(new GetBucketVersioningCommand({ Bucket: 'config' }))).Status).toBeUndefined();
    await setVersioning('config', 'Enabled');
    expect((await stack.s3.send(new GetBucketVersioningCommand({ Bucket: 'config' }))).Status).toBe('Enabled');
    await setVersioning('config', 'Suspended');
    expect((await stack.s3.send(new GetBucketVersioningCommand({ Bucket: 'config' }))).Status).toBe('Suspended');
    expect(stack.ctx.store.get<BucketRecord>(bucketsTable, 'config')?.versioning).toBe('Suspended');
  });

  it('refuses a status other than Enabled or Suspended with MalformedXML and keeps the old one', async () => {
    await createBucket('config-bad', 'Enabled');
    await expect(setVersioning('config-bad', 'Disabled' as BucketVersioningStatus)).rejects.toMatchObject({
      name: 'MalformedXML',
      $metadata: { httpStatusCode: 400 },
    });
    expect(stack.ctx.store.get<BucketRecord>(bucketsTable, 'config-bad')?.versioning).toBe('Enabled');
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    await expect(stack.s3.send(new GetBucketVersioningCommand({ Bucket: 'no-such-bucket' }))).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});

describe('deleting from an unversioned bucket', () => {
  beforeAll(async () => {
    await createBucket('plain');
  });

  it('removes the object and discards its stored bytes', async () => {
    await put('plain', 'gone.txt', 'bytes');
    const blobId = storedVersions('plain', 'gone.txt')[0].body?.blobId;
    expect(blobExists(blobId)).toBe(true);
    const deleted = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'plain', Key: 'gone.txt' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(deleted.DeleteMarker).toBeUndefined();
    expect(deleted.VersionId).toBeUndefined();
    expect(stack.ctx.store.get(objectsTable('plain'), 'gone.txt')).toBeUndefined();
    expect(blobExists(blobId)).toBe(false);
    await expect(read('plain', 'gone.txt')).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('answers 204 for a key that does not exist', async () => {
    const deleted = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'plain', Key: 'never-written' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(stack.ctx.store.get(objectsTable('plain'), 'never-written')).toBeUndefined();
  });
});

describe('a bucket with versioning enabled', () => {
  beforeAll(async () => {
    await createBucket('history', 'Enabled');
  });

  it('keeps every version, hides the key behind a delete marker, and shows it again when the marker goes', async () => {
    const first = await put('history', 'doc.txt', 'one');
    const second = await put('history', 'doc.txt', 'two');
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second).not.toBe(first);
    expect(await read('history', 'doc.txt', first)).toBe('one');

    const deleted = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'history', Key: 'doc.txt' }));
    expect(deleted).toMatchObject({ DeleteMarker: true, $metadata: { httpStatusCode: 204 } });
    const marker = deleted.VersionId;
    expect(marker).toBe(storedVersions('history', 'doc.txt')[0].versionId);
    await expect(read('history', 'doc.txt')).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    const listed = await stack.s3.send(new ListObjectsV2Command({ Bucket: 'history', Prefix: 'doc' }));
    expect(listed.Contents).toBeUndefined();
    expect(await listVersions({ Bucket: 'history', Prefix: 'doc' })).toMatchObject({
      versions: [
        { key: 'doc.txt', versionId: second, isLatest: false },
        { key: 'doc.txt', versionId: first, isLatest: false },
      ],
      deleteMarkers: [{ key: 'doc.txt', versionId: marker, isLatest: true }],
    });

    const unmarked = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'history', Key: 'doc.txt', VersionId: marker }));
    expect(unmarked).toMatchObject({ DeleteMarker: true, VersionId: marker });
    expect(await read('history', 'doc.txt')).toBe('two');
    expect(storedVersions('history', 'doc.txt').map((v) => v.versionId)).toEqual([second, first]);
  });

  it('deletes one version for good and discards only its bytes', async () => {
    const first = await put('history', 'pair.txt', 'first');
    const second = await put('history', 'pair.txt', 'second');
    const [secondBlob, firstBlob] = storedVersions('history', 'pair.txt').map((v) => v.body?.blobId);
    const deleted = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'history', Key: 'pair.txt', VersionId: first }));
    expect(deleted.VersionId).toBe(first);
    expect(deleted.DeleteMarker).toBeUndefined();
    expect(storedVersions('history', 'pair.txt').map((v) => v.versionId)).toEqual([second]);
    expect(blobExists(firstBlob)).toBe(false);
    expect(blobExists(secondBlob)).toBe(true);
    await expect(read('history', 'pair.txt', first)).rejects.toMatchObject({ name: 'NoSuchVersion' });
    expect(await read('history', 'pair.txt')).toBe('second');
  });

  it('stacks a delete marker even on a key that never existed', async () => {
    const deleted = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'history', Key: 'phantom' }));
    expect(deleted.DeleteMarker).toBe(true);
    expect(storedVersions('history', 'phantom')).toMatchObject([{ deleteMarker: true, versionId: deleted.VersionId }]);
  });

  it('succeeds for a well-formed version id that is already gone, and refuses a malformed one', async () => {
    const gone = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'history', Key: 'doc.txt', VersionId: 'AlreadyDeleted0001' }));
    expect(gone).toMatchObject({ VersionId: 'AlreadyDeleted0001', $metadata: { httpStatusCode: 204 } });
    expect(await read('history', 'doc.txt')).toBe('two');
    await expect(stack.s3.send(new DeleteObjectCommand({ Bucket: 'history', Key: 'doc.txt', VersionId: 'not/valid' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Invalid version id specified',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('a bucket with versioning suspended', () => {
  const bucket = 'paused';
  let enabledEra: string | undefined;

  beforeAll(async () => {
    await createBucket(bucket, 'Enabled');
    enabledEra = await put(bucket, 'log.txt', 'kept');
    await setVersioning(bucket, 'Suspended');
  });

  it('writes the null version in place and keeps the versions made while enabled', async () => {
    expect(await put(bucket, 'log.txt', 'null one')).toBe('null');
    const overwrittenBlob = storedVersions(bucket, 'log.txt')[0].body?.blobId;
    expect(await put(bucket, 'log.txt', 'null two')).toBe('null');
    expect(storedVersions(bucket, 'log.txt').map((v) => v.versionId)).toEqual(['null', enabledEra]);
    expect(blobExists(overwrittenBlob)).toBe(false);
    expect(await read(bucket, 'log.txt')).toBe('null two');
    expect(await read(bucket, 'log.txt', enabledEra)).toBe('kept');
  });

  it('deletes with a null delete marker that replaces the null version', async () => {
    const nullBlob = storedVersions(bucket, 'log.txt')[0].body?.blobId;
    const deleted = await stack.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'log.txt' }));
    expect(deleted).toMatchObject({ DeleteMarker: true, VersionId: 'null' });
    expect(blobExists(nullBlob)).toBe(false);
    expect(await listVersions({ Bucket: bucket })).toMatchObject({
      versions: [{ key: 'log.txt', versionId: enabledEra, isLatest: false }],
      deleteMarkers: [{ key: 'log.txt', versionId: 'null', isLatest: true }],
    });
  });
});

describe('ListObjectVersions', () => {
  const bucket = 'versions';
  /** Every version as ListObjectVersions must return it: key order, newest first within a key. */
  const expected: Array<{ element: 'Version' | 'DeleteMarker'; key: string; versionId: string }> = [];

  beforeAll(async () => {
    await createBucket(bucket, 'Enabled');
    for (const key of ['a', 'b/1', 'b/2', 'c d', 'e']) {
      const written: typeof expected = [];
      for (const body of ['v1', 'v2']) written.unshift({ element: 'Version', key, versionId: (await put(bucket, key, body)) ?? '' });
      if (key === 'c d' || key === 'a') {
        const marker = await stack.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        written.unshift({ element: 'DeleteMarker', key, versionId: marker.VersionId ?? '' });
      }
      expected.push(...written);
    }
  });

  it('interleaves Version and DeleteMarker elements in key order, newest first, with S3 element names', async () => {
    const url = await getSignedUrl(stack.s3, new ListObjectVersionsCommand({ Bucket: bucket }));
    const xml = await (await fetch(url)).text();
    expect(xml).toContain(
      '<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>versions</Name><Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>',
    );
    const listed = [...xml.matchAll(/<(Version|DeleteMarker)><Key>([^<]*)<\/Key><VersionId>([^<]*)<\/VersionId>/g)].map(
      ([, element, key, versionId]) => ({ element, key, versionId }),
    );
    expect(listed).toEqual(expected);
    expect(xml).toMatch(
      /<DeleteMarker><Key>a<\/Key><VersionId>[^<]+<\/VersionId><IsLatest>true<\/IsLatest><LastModified>[^<]+<\/LastModified><Owner><ID>000000000000<\/ID><\/Owner><\/DeleteMarker><Version><Key>a<\/Key><VersionId>[^<]+<\/VersionId><IsLatest>false<\/IsLatest><LastModified>[^<]+<\/LastModified><ETag>&quot;[0-9a-f]{32}&quot;<\/ETag><ChecksumAlgorithm>CRC32<\/ChecksumAlgorithm><ChecksumType>FULL_OBJECT<\/ChecksumType><Size>2<\/Size><Owner><ID>000000000000<\/ID><\/Owner><StorageClass>STANDARD<\/StorageClass><\/Version>/,
    );
  });

  it('pages with key-marker and version-id-marker without losing or repeating a version', async () => {
    const seen: string[] = [];
    let markers: Pick<ListObjectVersionsCommandInput, 'KeyMarker' | 'VersionIdMarker'> = {};
    let pages = 0;
    for (;;) {
      const { page, versions, deleteMarkers } = await listVersions({ Bucket: bucket, MaxKeys: 3, ...markers });
      expect(page).toMatchObject({ KeyMarker: markers.KeyMarker ?? '', VersionIdMarker: markers.VersionIdMarker ?? '' });
      expect(versions.length + deleteMarkers.length).toBeLessThanOrEqual(3);
      seen.push(...[...versions, ...deleteMarkers].map((v) => v.versionId ?? ''));
      pages += 1;
      if (!page.IsTruncated) break;
      markers = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
    }
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(seen.sort()).toEqual(expected.map((v) => v.versionId).sort());
  });

  it('resumes after a key when only key-marker is given', async () => {
    const { versions, deleteMarkers } = await listVersions({ Bucket: bucket, KeyMarker: 'b/2' });
    expect([...versions, ...deleteMarkers].map((v) => v.key).sort()).toEqual(['c d', 'c d', 'c d', 'e', 'e']);
  });

  it('rolls keys up into CommonPrefixes and URL-encodes keys when asked', async () => {
    const { page, versions } = await listVersions({ Bucket: bucket, Delimiter: '/', EncodingType: 'url' });
    expect(page.CommonPrefixes).toEqual([{ Prefix: 'b/' }]);
    expect(page).toMatchObject({ Delimiter: '/', EncodingType: 'url' });
    expect(versions.map((v) => v.key)).toEqual(['a', 'a', 'c%20d', 'c%20d', 'e', 'e']);
  });

  it('refuses a version-id-marker without a key-marker', async () => {
    await expect(stack.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, VersionIdMarker: expected[0].versionId }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'A version-id marker cannot be specified without a key marker.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('lists the lone null version of an unversioned bucket', async () => {
    await createBucket('versions-plain');
    await put('versions-plain', 'only', 'x');
    expect(await listVersions({ Bucket: 'versions-plain' })).toMatchObject({
      versions: [{ key: 'only', versionId: 'null', isLatest: true }],
      deleteMarkers: [],
    });
  });
});

describe('DeleteObjects', () => {
  it('deletes several keys in one request and reports each, a missing one included', async () => {
    await createBucket('batch');
    for (const key of ['k1', 'k2', 'k3']) await put('batch', key, key);
    const result = await stack.s3.send(
      new DeleteObjectsCommand({ Bucket: 'batch', Delete: { Objects: [{ Key: 'k1' }, { Key: 'k2' }, { Key: 'missing' }] } }),
    );
    expect(result.Deleted).toEqual([{ Key: 'k1' }, { Key: 'k2' }, { Key: 'missing' }]);
    expect(result.Errors).toBeUndefined();
    expect(stack.ctx.store.list(objectsTable('batch')).map(([key]) => key)).toEqual(['k3']);
  });

  it('reports only failures in quiet mode', async () => {
    const result = await stack.s3.send(
      new DeleteObjectsCommand({ Bucket: 'batch', Delete: { Quiet: true, Objects: [{ Key: 'k3' }, { Key: 'k3', VersionId: 'bad/id' }] } }),
    );
    expect(result.Deleted).toBeUndefined();
    expect(result.Errors).toEqual([{ Key: 'k3', VersionId: 'bad/id', Code: 'InvalidArgument', Message: 'Invalid version id specified' }]);
    expect(stack.ctx.store.get(objectsTable('batch'), 'k3')).toBeUndefined();
  });

  it('stacks delete markers and deletes named versions in a versioned bucket', async () => {
    await createBucket('batch-versions', 'Enabled');
    const version = await put('batch-versions', 'x', 'data');
    const marked = await stack.s3.send(new DeleteObjectsCommand({ Bucket: 'batch-versions', Delete: { Objects: [{ Key: 'x' }] } }));
    const markerId = marked.Deleted?.[0].DeleteMarkerVersionId;
    expect(marked.Deleted).toEqual([{ Key: 'x', DeleteMarker: true, DeleteMarkerVersionId: markerId }]);
    expect(storedVersions('batch-versions', 'x').map((v) => [v.versionId, v.deleteMarker])).toEqual([
      [markerId, true],
      [version, false],
    ]);
    const purged = await stack.s3.send(
      new DeleteObjectsCommand({
        Bucket: 'batch-versions',
        Delete: {
          Objects: [
            { Key: 'x', VersionId: markerId },
            { Key: 'x', VersionId: version },
          ],
        },
      }),
    );
    expect(purged.Deleted).toEqual([
      { Key: 'x', VersionId: markerId, DeleteMarker: true, DeleteMarkerVersionId: markerId },
      { Key: 'x', VersionId: version },
    ]);
    expect(stack.ctx.store.get(objectsTable('batch-versions'), 'x')).toBeUndefined();
  });

  it('keeps versions Object Lock protects, per key, and lets governance retention be bypassed', async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: 'locked', ObjectLockEnabledForBucket: true }));
    const future = new Date(Date.now() + 3_600_000);
    const governed = await put('locked', 'governed', 'g', { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: future });
    const held = await put('locked', 'held', 'h', { ObjectLockLegalHoldStatus: 'ON' });
    const free = await put('locked', 'free', 'f');
    const objects = [
      { Key: 'governed', VersionId: governed },
      { Key: 'held', VersionId: held },
      { Key: 'free', VersionId: free },
    ];
    const protectedError = { Code: 'AccessDenied', Message: 'Access Denied because object protected by object lock.' };

    const first = await stack.s3.send(new DeleteObjectsCommand({ Bucket: 'locked', Delete: { Objects: objects } }));
    expect(first.Deleted).toEqual([{ Key: 'free', VersionId: free }]);
    expect(first.Errors).toEqual([
      { Key: 'governed', VersionId: governed, ...protectedError },
      { Key: 'held', VersionId: held, ...protectedError },
    ]);

    const bypassed = await stack.s3.send(
      new DeleteObjectsCommand({ Bucket: 'locked', BypassGovernanceRetention: true, Delete: { Objects: objects.slice(0, 2) } }),
    );
    expect(bypassed.Deleted).toEqual([{ Key: 'governed', VersionId: governed }]);
    expect(bypassed.Errors).toEqual([{ Key: 'held', VersionId: held, ...protectedError }]);
    expect(await read('locked', 'held')).toBe('h');

    await expect(stack.s3.send(new DeleteObjectCommand({ Bucket: 'locked', Key: 'held', VersionId: held }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    // Object Lock guards versions, not keys: a delete marker can still hide a held version.
    const marker = await stack.s3.send(new DeleteObjectCommand({ Bucket: 'locked', Key: 'held' }));
    expect(marker.DeleteMarker).toBe(true);
    expect(await read('locked', 'held', held)).toBe('h');
  });

  it('refuses an empty list and more than 1,000 keys with MalformedXML', async () => {
    await createBucket('batch-limits');
    await put('batch-limits', 'key-0', 'x');
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ Key: `key-${i}` }));
    const malformed = { name: 'MalformedXML', $metadata: { httpStatusCode: 400 } };
    await expect(stack.s3.send(new DeleteObjectsCommand({ Bucket: 'batch-limits', Delete: { Objects: tooMany } }))).rejects.toMatchObject(malformed);
    await expect(stack.s3.send(new DeleteObjectsCommand({ Bucket: 'batch-limits', Delete: { Objects: [] } }))).rejects.toMatchObject(malformed);
    expect(await read('batch-limits', 'key-0')).toBe('x');
  });

  it('requires Content-MD5 or an x-amz-checksum-* header, and checks what is sent', async () => {
    await createBucket('batch-integrity');
    await put('batch-integrity', 'kept', 'x');
    const input = { Bucket: 'batch-integrity', Delete: { Objects: [{ Key: 'kept' }] } };
    const unchecked = clientEditingRequests(stack, (request) => {
      delete request.headers['x-amz-checksum-crc32'];
      delete request.headers['x-amz-sdk-checksum-algorithm'];
    });
    await expect(unchecked.send(new DeleteObjectsCommand(input))).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'Missing required header for this request: Content-MD5 OR x-amz-checksum-*',
      $metadata: { httpStatusCode: 400 },
    });
    const wrongChecksum = clientEditingRequests(stack, (request) => {
      request.headers['x-amz-checksum-crc32'] = 'AAAAAA==';
    });
    await expect(wrongChecksum.send(new DeleteObjectsCommand(input))).rejects.toMatchObject({ name: 'BadDigest' });
    const wrongMd5 = clientEditingRequests(stack, (request) => {
      delete request.headers['x-amz-checksum-crc32'];
      request.headers['content-md5'] = Buffer.alloc(16).toString('base64');
    });
    await expect(wrongMd5.send(new DeleteObjectsCommand(input))).rejects.toMatchObject({ name: 'BadDigest' });
    expect(await read('batch-integrity', 'kept')).toBe('x');
  });
});
