import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  paginateListObjectsV2,
  type ListObjectsCommandInput,
  type ListObjectsV2CommandInput,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { objectsTable } from '../s3/model.js';
import { useTestStack } from './harness.js';

const stack = useTestStack();

/** S3's key order: the UTF-8 bytes, which differs from JavaScript's UTF-16 sort above U+FFFF. */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

async function createBucketWith(bucket: string, keys: string[]): Promise<void> {
  await stack.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // Batches keep the two shared cores responsive while still writing in parallel.
  for (let i = 0; i < keys.length; i += 50) {
    await Promise.all(keys.slice(i, i + 50).map((Key) => stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }))));
  }
}

/** What a listing returned, keys and common prefixes apart. */
function namesOf(page: { Contents?: Array<{ Key?: string }>; CommonPrefixes?: Array<{ Prefix?: string }> }) {
  return { keys: (page.Contents ?? []).map((c) => c.Key), prefixes: (page.CommonPrefixes ?? []).map((p) => p.Prefix) };
}

/** Walks a V2 listing page by page, returning every page's keys and prefixes in order. */
async function allV2Pages(input: ListObjectsV2CommandInput) {
  const pages = [];
  let token: string | undefined;
  do {
    const page = await stack.s3.send(new ListObjectsV2Command({ ...input, ContinuationToken: token }));
    expect(page.KeyCount).toBe((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
    pages.push(namesOf(page));
    token = page.NextContinuationToken;
    expect(token !== undefined).toBe(page.IsTruncated === true);
  } while (token);
  return pages;
}

/** Walks a V1 listing with NextMarker, which S3 sends only under a delimiter. */
async function allV1PagesWithDelimiter(input: ListObjectsCommandInput) {
  const pages = [];
  let marker: string | undefined;
  do {
    const page = await stack.s3.send(new ListObjectsCommand({ ...input, Marker: marker }));
    expect(page.Marker).toBe(marker ?? '');
    pages.push({ ...namesOf(page), nextMarker: page.NextMarker });
    marker = page.NextMarker;
    expect(marker !== undefined).toBe(page.IsTruncated === true);
  } while (marker);
  return pages;
}

describe('more keys than one page holds', () => {
  const bucket = 'many-keys';
  const keys = Array.from({ length: 1205 }, (_, i) => `item/${String(i).padStart(4, '0')}`);

  beforeAll(async () => {
    await createBucketWith(bucket, keys);
  }, 120_000);

  it('returns 1,000 keys, then the rest after NextContinuationToken', async () => {
    const first = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(first).toMatchObject({ KeyCount: 1000, MaxKeys: 1000, IsTruncated: true });
    expect(first.Contents?.map((c) => c.Key)).toEqual(keys.slice(0, 1000));
    const second = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: first.NextContinuationToken }));
    expect(second).toMatchObject({ KeyCount: 205, IsTruncated: false, ContinuationToken: first.NextContinuationToken });
    expect(second.NextContinuationToken).toBeUndefined();
    expect(second.Contents?.map((c) => c.Key)).toEqual(keys.slice(1000));
  });

  it('caps a page at 1,000 rows whatever max-keys asks, and echoes max-keys as sent', async () => {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5000 }));
    expect(page).toMatchObject({ KeyCount: 1000, MaxKeys: 5000, IsTruncated: true });
  });

  it('pages through every key once, in order, with the SDK paginator and small pages', async () => {
    const listed: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: stack.s3, pageSize: 97 }, { Bucket: bucket })) {
      expect(page.KeyCount).toBeLessThanOrEqual(97);
      listed.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(keys.length / 97));
    expect(listed).toEqual(keys);
  });

  it('ListObjects (V1) pages with Marker and sends no NextMarker without a delimiter', async () => {
    const first = await stack.s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 700 }));
    expect(first).toMatchObject({ IsTruncated: true, Marker: '', MaxKeys: 700 });
    expect(first.NextMarker).toBeUndefined();
    const lastKey = first.Contents?.at(-1)?.Key;
    expect(lastKey).toBe(keys[699]);
    const second = await stack.s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: lastKey }));
    expect(second).toMatchObject({ IsTruncated: false, Marker: lastKey });
    expect(second.Contents?.map((c) => c.Key)).toEqual(keys.slice(700));
  });

  it('rolls all 1,205 keys into one common prefix, a page of one row that is not truncated', async () => {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', MaxKeys: 1 }));
    expect(page).toMatchObject({ KeyCount: 1, IsTruncated: false, CommonPrefixes: [{ Prefix: 'item/' }] });
    expect(page.Contents).toBeUndefined();
  });

  it('answers max-keys=0 with an empty page that is not truncated', async () => {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 0 }));
    expect(page).toMatchObject({ KeyCount: 0, MaxKeys: 0, IsTruncated: false });
    expect(page.Contents).toBeUndefined();
  });

  it('refuses a negative max-keys with 400 InvalidArgument', async () => {
    await expect(stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: -1 }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Argument maxKeys must be an integer between 0 and 2147483647',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(stack.s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: -1 }))).rejects.toMatchObject({ name: 'InvalidArgument' });
  });

  it('refuses a continuation token it did not issue', async () => {
    await expect(stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: 'item/0500' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'The continuation token provided is incorrect',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('lets a continuation token override StartAfter, which it still echoes', async () => {
    const first = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'item/0100', MaxKeys: 2 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(['item/0101', 'item/0102']);
    const second = await stack.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'item/0100', MaxKeys: 2, ContinuationToken: first.NextContinuationToken }),
    );
    expect(second).toMatchObject({ StartAfter: 'item/0100', ContinuationToken: first.NextContinuationToken });
    expect(second.Contents?.map((c) => c.Key)).toEqual(['item/0103', 'item/0104']);
  });
});

describe('keys with characters that need care', () => {
  const bucket = 'key-names';
  const longKey = `docs/long/${'x'.repeat(1024 - 'docs/long/'.length)}`;
  const keys = [
    'docs/a b.txt',
    'docs/a+b.txt',
    'docs/100%.csv',
    'docs/what?.txt',
    'docs/#1.md',
    'docs/ünïcödé/è.txt',
    'docs/😀/smile.txt',
    'docs/a//b',
    'docs/ｚ-fullwidth',
    longKey,
    'top.txt',
  ];
  const docs = keys.filter((k) => k.startsWith('docs/')).sort(byUtf8);

  beforeAll(async () => {
    await createBucketWith(bucket, keys);
  });

  it('stores every key exactly as sent, a 1,024-byte one included, and reads its bytes back', async () => {
    expect(Buffer.byteLength(longKey)).toBe(1024);
    const stored = stack.ctx.store.list(objectsTable(bucket)).map(([key]) => key);
    expect(stored).toEqual([...keys].sort(byUtf8));
    for (const Key of keys) {
      const object = await stack.s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
      expect(await object.Body?.transformToString()).toBe(Key);
    }
  });

  it('lists keys in UTF-8 byte order, which is not JavaScript string order', async () => {
    expect(docs).not.toEqual([...docs].sort());
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual(docs);
    expect(page).toMatchObject({ Prefix: 'docs/', KeyCount: docs.length });
    expect(page.Delimiter).toBeUndefined();
  });

  it('rolls keys up at the delimiter into CommonPrefixes', async () => {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/', Delimiter: '/' }));
    expect(namesOf(page)).toEqual({
      keys: ['docs/#1.md', 'docs/100%.csv', 'docs/a b.txt', 'docs/a+b.txt', 'docs/what?.txt', 'docs/ｚ-fullwidth'],
      prefixes: ['docs/a/', 'docs/long/', 'docs/ünïcödé/', 'docs/😀/'],
    });
    expect(page).toMatchObject({ Delimiter: '/', KeyCount: 10 });
    const nested = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/a/', Delimiter: '/' }));
    expect(namesOf(nested)).toEqual({ keys: [], prefixes: ['docs/a//'] });
    const root = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
    expect(namesOf(root)).toEqual({ keys: ['top.txt'], prefixes: ['docs/'] });
  });

  it('treats an empty delimiter as none', async () => {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/', Delimiter: '' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual(docs);
    expect(page.Delimiter).toBeUndefined();
    expect(page.CommonPrefixes).toBeUndefined();
  });

  it('counts each common prefix once toward max-keys and never repeats it on a later page (V2)', async () => {
    const whole = namesOf(await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/', Delimiter: '/' })));
    const pages = await allV2Pages({ Bucket: bucket, Prefix: 'docs/', Delimiter: '/', MaxKeys: 3 });
    expect(pages).toHaveLength(4);
    expect(pages.map((p) => p.keys.length + p.prefixes.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flatMap((p) => p.keys)).toEqual(whole.keys);
    expect(pages.flatMap((p) => p.prefixes)).toEqual(whole.prefixes);
  });

  it('names the last key or common prefix of a page as NextMarker under a delimiter (V1)', async () => {
    const pages = await allV1PagesWithDelimiter({ Bucket: bucket, Prefix: 'docs/', Delimiter: '/', MaxKeys: 4 });
    expect(pages).toEqual([
      { keys: ['docs/#1.md', 'docs/100%.csv', 'docs/a b.txt', 'docs/a+b.txt'], prefixes: [], nextMarker: 'docs/a+b.txt' },
      { keys: ['docs/what?.txt'], prefixes: ['docs/a/', 'docs/long/', 'docs/ünïcödé/'], nextMarker: 'docs/ünïcödé/' },
      { keys: ['docs/ｚ-fullwidth'], prefixes: ['docs/😀/'], nextMarker: undefined },
    ]);
  });

  it('starts after StartAfter, a key that need not exist', async () => {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/', StartAfter: 'docs/b' }));
    expect(page.StartAfter).toBe('docs/b');
    expect(page.Contents?.map((c) => c.Key)).toEqual(docs.filter((k) => byUtf8(k, 'docs/b') > 0));
    const pastEveryKey = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'zzz' }));
    expect(pastEveryKey).toMatchObject({ KeyCount: 0, IsTruncated: false });
  });

  it('percent-encodes keys, prefixes, markers and the delimiter with encoding-type=url; the SDK hands them back encoded', async () => {
    const page = await stack.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/', Delimiter: '/', EncodingType: 'url', StartAfter: 'docs/#' }),
    );
    expect(page).toMatchObject({ EncodingType: 'url', Prefix: 'docs/', Delimiter: '/', StartAfter: 'docs/%23' });
    expect(namesOf(page)).toEqual({
      keys: ['docs/%231.md', 'docs/100%25.csv', 'docs/a%20b.txt', 'docs/a%2Bb.txt', 'docs/what%3F.txt', 'docs/%EF%BD%9A-fullwidth'],
      prefixes: ['docs/a/', 'docs/long/', 'docs/%C3%BCn%C3%AFc%C3%B6d%C3%A9/', 'docs/%F0%9F%98%80/'],
    });
    const v1 = await stack.s3.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: 'docs/a ', Delimiter: ' ', EncodingType: 'url', Marker: 'docs/a b' }),
    );
    // Version 1 is the exception: S3 leaves its Prefix as sent (botocore decodes it only in version 2).
    expect(v1).toMatchObject({ Prefix: 'docs/a ', Delimiter: '%20', Marker: 'docs/a%20b' });
    expect(namesOf(v1)).toEqual({ keys: ['docs/a%20b.txt'], prefixes: [] });
  });

  it('refuses an encoding type other than url', async () => {
    await expect(stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'base64' as never }))).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Invalid Encoding Method specified in Request',
    });
  });

  it('writes the response elements in S3 order', async () => {
    const url = await getSignedUrl(
      stack.s3,
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'docs/', Delimiter: '/', EncodingType: 'url', FetchOwner: true, MaxKeys: 1 }),
    );
    const xml = await (await fetch(url)).text();
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ListBucketResult xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/"><Name>key-names<\/Name><Prefix>docs\/<\/Prefix><NextContinuationToken>[A-Za-z0-9+/=]+<\/NextContinuationToken><KeyCount>1<\/KeyCount><MaxKeys>1<\/MaxKeys><Delimiter>\/<\/Delimiter><EncodingType>url<\/EncodingType><IsTruncated>true<\/IsTruncated><Contents><Key>docs\/%231\.md<\/Key><LastModified>[\dT:.Z-]+<\/LastModified><ETag>&quot;[0-9a-f]{32}&quot;<\/ETag><ChecksumAlgorithm>CRC32<\/ChecksumAlgorithm><ChecksumType>FULL_OBJECT<\/ChecksumType><Size>\d+<\/Size><Owner><ID>000000000000<\/ID><\/Owner><StorageClass>STANDARD<\/StorageClass><\/Contents><\/ListBucketResult>$/,
    );
  });
});

describe('what Contents reports', () => {
  const bucket = 'contents';

  beforeAll(async () => {
    await stack.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'report.csv', Body: 'a,b\n1,2\n', StorageClass: 'STANDARD_IA' }));
  });

  it('matches HEAD: ETag, size, storage class, checksum and LastModified to the second', async () => {
    const head = await stack.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'report.csv' }));
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const [listed] = page.Contents ?? [];
    expect(listed).toMatchObject({
      Key: 'report.csv',
      ETag: head.ETag,
      Size: 8,
      StorageClass: 'STANDARD_IA',
      ChecksumAlgorithm: ['CRC32'],
      ChecksumType: 'FULL_OBJECT',
    });
    expect(listed.LastModified?.getTime()).toBe(head.LastModified?.getTime());
    expect(listed.Owner).toBeUndefined();
  });

  it('adds Owner with fetch-owner in V2 and always in V1', async () => {
    const owner = { ID: stack.ctx.options.accountId };
    const v2 = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, FetchOwner: true }));
    expect(v2.Contents?.[0].Owner).toEqual(owner);
    const v1 = await stack.s3.send(new ListObjectsCommand({ Bucket: bucket }));
    expect(v1.Contents?.[0].Owner).toEqual(owner);
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    const missing = { Bucket: 'no-such-bucket' };
    const noSuchBucket = { name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } };
    await expect(stack.s3.send(new ListObjectsV2Command(missing))).rejects.toMatchObject(noSuchBucket);
    await expect(stack.s3.send(new ListObjectsCommand(missing))).rejects.toMatchObject(noSuchBucket);
  });
});
