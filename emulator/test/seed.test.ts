import { createDecipheriv, createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  ListObjectVersionsCommand,
  paginateListObjectsV2,
  type CORSRule,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { DescribeKeyCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import type { CorsRule } from '../s3/model.js';
import { plannedBytes } from '../seed/bodies.js';
import {
  CONSOLE_EXPOSE_HEADERS,
  DEMO_CORS_RULE,
  DEMO_BUCKET_NAMES,
  DEMO_BUCKETS,
  DEMO_CSE_WRAPPING_KEY_BASE64,
  HIDDEN_HEADERS_CORS_RULE,
  DEMO_HOSTILE_KEYS,
  DEMO_KMS_ALIASES,
  DEMO_MAX_COPY_SIZE,
  DEMO_SSE_C_KEY_BASE64,
  DEMO_SSE_C_KEY_MD5,
  DEMO_SUMMARY,
  type BucketSummary,
  type EncryptionStatus,
} from '../seed/demo-constants.js';
import { DEMO_PLAN } from '../seed/plan/demo-plan.js';
import { isDeleteMarker, type PlannedObject } from '../seed/plan/model.js';
import { timeForRequests, useTestStack } from './harness.js';

const SSE_C = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: DEMO_SSE_C_KEY_BASE64 };
const CONSOLE_ORIGIN = 'http://127.0.0.1:5173';

const stack = useTestStack({ seed: true });

/** The object the plan says is current at `key`: the expected side of every comparison. */
function planned(bucket: string, key: string): PlannedObject {
  const writes = DEMO_PLAN.find((plan) => plan.name === bucket)!.phases.flatMap((phase) => phase.writes);
  const latest = writes.filter((write) => write.key === key).at(-1);
  if (!latest || isDeleteMarker(latest)) throw new Error(`the plan has no current ${bucket}/${key}`);
  return latest;
}

const head = (bucket: string, key: string, extra: object = {}) => stack.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...extra }));

async function getBytes(bucket: string, key: string, extra: object = {}) {
  const reply = await stack.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...extra }));
  return { reply, bytes: Buffer.from(await reply.Body!.transformToByteArray()) };
}

async function kmsKeyArn(alias: string): Promise<string> {
  const { KeyMetadata } = await stack.kms.send(new DescribeKeyCommand({ KeyId: alias }));
  return KeyMetadata!.Arn!;
}

/** Which of S3 Inventory's encryption statuses a HeadObject reports; SSE-C shows as a 400 until the key is sent. */
async function reportedEncryption(bucket: string, key: string): Promise<{ status: EncryptionStatus; reply: HeadObjectCommandOutput }> {
  let reply: HeadObjectCommandOutput;
  try {
    reply = await head(bucket, key);
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 400) throw error;
    reply = await head(bucket, key, SSE_C);
  }
  const statuses: Record<string, EncryptionStatus> = { AES256: 'SSE-S3', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };
  const status = reply.SSECustomerAlgorithm ? 'SSE-C' : reply.ServerSideEncryption ? statuses[reply.ServerSideEncryption] : 'NOT-SSE';
  return { status, reply };
}

async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** A bucket's current keys, page by page as the console lists them. */
async function listedKeys(bucket: string, prefix?: string): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let pages = 0;
  for await (const page of paginateListObjectsV2({ client: stack.s3 }, { Bucket: bucket, Prefix: prefix, Delimiter: prefix && '/' })) {
    pages++;
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
  }
  return { keys, pages };
}

/** ListObjectVersions has no SDK paginator: follow its key and version-id markers. */
async function listedVersionCounts(bucket: string): Promise<{ versions: number; deleteMarkers: number }> {
  const counts = { versions: 0, deleteMarkers: 0 };
  let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = await stack.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, ...markers }));
    counts.versions += page.Versions?.length ?? 0;
    counts.deleteMarkers += page.DeleteMarkers?.length ?? 0;
    if (!page.IsTruncated) return counts;
    markers = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
  }
}

/** A rule as GetBucketCors returns it. */
function sdkCorsRule(rule: CorsRule): CORSRule {
  return {
    AllowedOrigins: rule.allowedOrigins,
    AllowedMethods: rule.allowedMethods,
    AllowedHeaders: rule.allowedHeaders,
    ExposeHeaders: rule.exposeHeaders,
    MaxAgeSeconds: rule.maxAgeSeconds,
  };
}

async function preflight(bucket: string, origin: string) {
  return fetch(`${stack.endpoint}/${bucket}/any-key`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'HEAD', 'access-control-request-headers': 'authorization,x-amz-date' },
  });
}

describe('demo constants', () => {
  it('documents key material that is what it claims', () => {
    const key = Buffer.from(DEMO_SSE_C_KEY_BASE64, 'base64');
    expect(key).toHaveLength(32);
    expect(createHash('md5').update(key).digest('base64')).toBe(DEMO_SSE_C_KEY_MD5);
    expect(Buffer.from(DEMO_CSE_WRAPPING_KEY_BASE64, 'base64')).toHaveLength(32);
  });

  it('holds a key of exactly S3’s 1,024-byte limit among the hostile keys', () => {
    expect(DEMO_HOSTILE_KEYS.map((key) => Buffer.byteLength(key, 'utf8'))).toContain(1024);
  });
});

describe('buckets, CORS and encryption settings', () => {
  it('lists every demo bucket', async () => {
    const { Buckets } = await stack.s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name).sort()).toEqual([...DEMO_BUCKET_NAMES].sort());
  });

  it.each(DEMO_BUCKET_NAMES.filter((name) => name !== DEMO_BUCKETS.hiddenHeaders))(
    '%s exposes every header the console reads to any origin',
    async (bucket) => {
      const reply = await preflight(bucket, 'https://console.example.com');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
      expect(reply.headers.get('access-control-max-age')).toBe('3000');
      expect(reply.headers.get('access-control-expose-headers')?.split(', ')).toEqual(CONSOLE_EXPOSE_HEADERS);
    },
  );

  it('hidden-headers lets the local console in but exposes only ETag', async () => {
    const reply = await preflight(DEMO_BUCKETS.hiddenHeaders, CONSOLE_ORIGIN);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    expect(reply.headers.get('access-control-expose-headers')).toBe('ETag');
    expect((await preflight(DEMO_BUCKETS.hiddenHeaders, 'https://elsewhere.example.com')).status).toBe(403);
  });

  it('sse-c-blocked refuses SSE-C writes but still serves its older SSE-C object with the key', async () => {
    const write = new PutObjectCommand({ Bucket: DEMO_BUCKETS.blocked, Key: 'payroll/2019/payslips-2019-01.csv', Body: 'x', ...SSE_C });
    await expect(stack.s3.send(write)).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const existing = await head(DEMO_BUCKETS.blocked, 'contracts/signed-2024.pdf', SSE_C);
    expect(existing.SSECustomerKeyMD5).toBe(DEMO_SSE_C_KEY_MD5);
  });

  it.each(DEMO_BUCKET_NAMES)('%s reports its CORS rule, default encryption, versioning and Object Lock', async (bucket) => {
    const hidden = bucket === DEMO_BUCKETS.hiddenHeaders;
    const cors = await stack.s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
    expect(cors.CORSRules).toEqual([sdkCorsRule(hidden ? HIDDEN_HEADERS_CORS_RULE : DEMO_CORS_RULE)]);
    const encryption = await stack.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    // Buckets made before April 2026 do not block SSE-C; S3 reports that as NONE.
    expect(encryption.ServerSideEncryptionConfiguration?.Rules).toEqual([
      {
        ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
        BucketKeyEnabled: false,
        BlockedEncryptionTypes: { EncryptionType: bucket === DEMO_BUCKETS.blocked ? ['SSE-C'] : ['NONE'] },
      },
    ]);
    const versioning = await stack.s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    expect(versioning.Status).toBe(bucket === DEMO_BUCKETS.versioned ? 'Enabled' : undefined);
    const objectLock = stack.s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    if (bucket === DEMO_BUCKETS.versioned) {
      expect((await objectLock).ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled' });
    } else {
      await expect(objectLock).rejects.toMatchObject({ name: 'ObjectLockConfigurationNotFoundError', $metadata: { httpStatusCode: 404 } });
    }
  });

  it('creates a KMS key behind each demo alias', async () => {
    const { Aliases } = await stack.kms.send(new ListAliasesCommand({}));
    for (const alias of DEMO_KMS_ALIASES) {
      const target = Aliases?.find((a) => a.AliasName === alias)?.TargetKeyId;
      expect(target).toBeDefined();
      expect(await kmsKeyArn(alias)).toContain(`:key/${target}`);
    }
  });
});

describe('mixed-encryption', () => {
  const bucket = DEMO_BUCKETS.mixed;

  it('reports each server-side encryption kind in HeadObject', async () => {
    const [financeArn, logsArn] = await Promise.all(DEMO_KMS_ALIASES.map(kmsKeyArn));
    const notSse = await head(bucket, 'encryption/not-sse.txt');
    expect(notSse.ServerSideEncryption).toBeUndefined();
    expect(notSse.Metadata).toEqual({ owner: 'data-team' });
    expect((await head(bucket, 'encryption/sse-s3.txt')).ServerSideEncryption).toBe('AES256');
    expect(await head(bucket, 'encryption/sse-kms-finance.txt')).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: financeArn });
    expect((await head(bucket, 'encryption/sse-kms-finance.txt')).BucketKeyEnabled).toBeFalsy();
    expect(await head(bucket, 'encryption/sse-kms-logs-bucket-key.log')).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: logsArn,
      BucketKeyEnabled: true,
    });
    expect(await head(bucket, 'encryption/dsse-kms.txt')).toMatchObject({ ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: financeArn });
  });

  it('keeps the SSE-C object behind the demo key', async () => {
    await expect(head(bucket, 'encryption/sse-c.txt')).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    expect(await head(bucket, 'encryption/sse-c.txt', SSE_C)).toMatchObject({
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKeyMD5: DEMO_SSE_C_KEY_MD5,
    });
    const { bytes } = await getBytes(bucket, 'encryption/sse-c.txt', SSE_C);
    expect(bytes).toEqual(plannedBytes(planned(bucket, 'encryption/sse-c.txt').body));
  });

  it('refuses to read the GLACIER object until it is restored', async () => {
    expect((await head(bucket, 'storage-classes/glacier-archived.csv')).StorageClass).toBe('GLACIER');
    await expect(getBytes(bucket, 'storage-classes/glacier-archived.csv')).rejects.toMatchObject({
      name: 'InvalidObjectState',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('serves the restored DEEP_ARCHIVE object and reports its restore', async () => {
    const reply = await head(bucket, 'storage-classes/deep-archive-restored.csv');
    expect(reply.StorageClass).toBe('DEEP_ARCHIVE');
    expect(reply.Restore).toMatch(/^ongoing-request="false", expiry-date="/);
    const { bytes } = await getBytes(bucket, 'storage-classes/deep-archive-restored.csv');
    expect(bytes).toEqual(plannedBytes(planned(bucket, 'storage-classes/deep-archive-restored.csv').body));
  });

  it('reports storage class, checksum and size', async () => {
    expect((await head(bucket, 'storage-classes/standard-ia.csv')).StorageClass).toBe('STANDARD_IA');
    const body = plannedBytes(planned(bucket, 'checksums/crc32.json').body);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    const checksummed = await head(bucket, 'checksums/crc32.json', { ChecksumMode: 'ENABLED' });
    expect(checksummed.ChecksumCRC32).toBe(crc.toString('base64'));
    // The SDK validates the CRC32 of the body it downloads against the header.
    expect((await getBytes(bucket, 'checksums/crc32.json', { ChecksumMode: 'ENABLED' })).bytes).toEqual(body);
    const large = await head(bucket, 'large/over-copy-limit.bin');
    expect(large.ContentLength).toBe(12 * 1024 * 1024);
    expect(large.ContentLength).toBeGreaterThan(DEMO_MAX_COPY_SIZE);
    expect(large.ServerSideEncryption).toBeUndefined();
  });

  it.each(['client-side/v2-not-sse.json', 'client-side/v2-sse-s3.json'])(
    'stores %s in the S3 Encryption Client V2 format, readable with the demo wrapping key',
    async (key) => {
      const { reply, bytes } = await getBytes(bucket, key);
      const meta = reply.Metadata!;
      expect(meta).toMatchObject({
        'x-amz-cek-alg': 'AES/GCM/NoPadding',
        'x-amz-wrap-alg': 'AES/GCM',
        'x-amz-tag-len': '128',
        'x-amz-matdesc': '{}',
      });
      const wrapped = Buffer.from(meta['x-amz-key-v2'], 'base64');
      const unwrap = createDecipheriv('aes-256-gcm', Buffer.from(DEMO_CSE_WRAPPING_KEY_BASE64, 'base64'), wrapped.subarray(0, 12));
      unwrap.setAAD(Buffer.from('AES/GCM/NoPadding'));
      unwrap.setAuthTag(wrapped.subarray(-16));
      const dataKey = Buffer.concat([unwrap.update(wrapped.subarray(12, -16)), unwrap.final()]);
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(meta['x-amz-iv'], 'base64'));
      decipher.setAuthTag(bytes.subarray(-16));
      const plaintext = Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]);
      expect(plaintext).toEqual(plannedBytes(planned(bucket, key).body));
      expect(meta['x-amz-unencrypted-content-length']).toBe(String(plaintext.length));
      expect(bytes.subarray(0, -16)).not.toEqual(plaintext);
    },
  );

  it.each(DEMO_HOSTILE_KEYS.map((key) => [JSON.stringify(key).slice(0, 40), key]))('reads back hostile key %s byte-exactly', async (_, key) => {
    const { bytes } = await getBytes(bucket, key);
    expect(bytes).toEqual(plannedBytes(planned(bucket, key).body));
  });
});

describe('versioned-reports', () => {
  const bucket = DEMO_BUCKETS.versioned;

  it('keeps the unencrypted null version under a newer SSE-S3 one', async () => {
    const latest = await head(bucket, 'quarterly/2021-Q1.csv');
    expect(latest.ServerSideEncryption).toBe('AES256');
    expect(latest.VersionId).not.toBe('null');
    const { reply, bytes } = await getBytes(bucket, 'quarterly/2021-Q1.csv', { VersionId: 'null' });
    expect(reply.ServerSideEncryption).toBeUndefined();
    expect(bytes.toString()).toBe(`s3://${bucket}/quarterly/2021-Q1.csv as of 2021-04-06\n`);
  });

  it('hides a key behind a delete marker while its old version stays readable', async () => {
    await expect(head(bucket, 'annual/2020.pdf')).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    const { reply } = await getBytes(bucket, 'annual/2020.pdf', { VersionId: 'null' });
    expect(reply.ServerSideEncryption).toBeUndefined();
  });

  it('holds an unencrypted filing under governance retention and a legal hold', async () => {
    const key = 'object-lock/governance-legal-hold.pdf';
    expect(await head(bucket, key)).toMatchObject({
      ObjectLockMode: 'GOVERNANCE',
      ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00.000Z'),
      ObjectLockLegalHoldStatus: 'ON',
      LastModified: new Date(planned(bucket, key).lastModified),
      ContentType: 'application/pdf',
    });
    expect((await head(bucket, key)).ServerSideEncryption).toBeUndefined();
  });
});

describe('DEMO_SUMMARY', () => {
  for (const bucket of DEMO_BUCKET_NAMES) {
    // A HeadObject per object (a second one with the key for SSE-C), and the listings.
    const requests = 2 * DEMO_SUMMARY.buckets[bucket].objects;
    it(
      `matches what listing and HeadObject report for every object in ${bucket}`,
      async () => {
        const { keys } = await listedKeys(bucket);
        const reported = await mapConcurrently(keys, 8, (key) => reportedEncryption(bucket, key));
        const observed: BucketSummary = {
          objects: reported.length,
          byEncryption: { 'NOT-SSE': 0, 'SSE-S3': 0, 'SSE-KMS': 0, 'DSSE-KMS': 0, 'SSE-C': 0 },
          clientSideEncrypted: reported.filter(({ reply }) => reply.Metadata?.['x-amz-key-v2'] !== undefined).length,
          ...(await listedVersionCounts(bucket)),
        };
        for (const { status } of reported) observed.byEncryption[status]++;
        expect(observed).toEqual(DEMO_SUMMARY.buckets[bucket]);
      },
      timeForRequests(requests),
    );
  }
});

describe('legacy-archive', () => {
  it.each(['logs/app-1/', 'images/thumbnails/'])('needs more than one page to list %s', async (prefix) => {
    const { keys, pages } = await listedKeys(DEMO_BUCKETS.legacy, prefix);
    expect(keys.length).toBeGreaterThan(1000);
    expect(pages).toBeGreaterThan(1);
  });

  it('dates every unencrypted object before S3 began encrypting by default', async () => {
    const latestUnencrypted = DEMO_PLAN.flatMap((plan) => plan.phases.flatMap((phase) => phase.writes))
      .filter((write) => !isDeleteMarker(write) && write.encryption.status === 'NOT-SSE')
      .map((write) => write.lastModified)
      .sort()
      .at(-1);
    expect(latestUnencrypted! < '2023-01-05').toBe(true);
    const legacy = await head(DEMO_BUCKETS.legacy, 'README.txt');
    expect(legacy.LastModified).toEqual(new Date('2017-01-05T08:00:00.000Z'));
  });
});
