import { describe, expect, it } from 'vitest';
import type { ObjectHead } from '../s3-object';
import { GiB, MiB } from './part-size';
import { EVERY_HEADER_READABLE, type BucketFacts, type SelectedObject } from './plan-input';
import { planObject } from './planner';
import type { TargetEncryption } from './target-encryption';

const KEY_A = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const KEY_B = 'arn:aws:kms:us-east-1:111122223333:key/22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-06-01T00:00:00Z');

const BUCKET: BucketFacts = {
  name: 'reports',
  region: 'us-east-1',
  versioning: 'Unversioned',
  blockedEncryptionTypes: [],
  copySizeLimit: 5 * GiB,
  headers: EVERY_HEADER_READABLE,
};
const VERSIONED: BucketFacts = { ...BUCKET, versioning: 'Enabled' };
const SSE_S3: TargetEncryption = { kind: 'SSE-S3' };
const KMS_A: TargetEncryption = { kind: 'SSE-KMS', keyArn: KEY_A, bucketKey: false };
const SSE_C: TargetEncryption = { kind: 'SSE-C', customerKey: { id: 'k', keyBase64: 'secret' }, keyMd5: 'new-md5' };

function headed(head: ObjectHead, key = 'data/file.csv'): SelectedObject {
  return { bucket: 'reports', key, observation: { status: 'headed', head: { ETag: '"etag-1"', ContentLength: 1000, ...head } } };
}

const plan = (selected: SelectedObject, target: TargetEncryption, bucket = BUCKET, accept = false) =>
  planObject(selected, bucket, target, { now: NOW, acceptHiddenMetadata: accept });

describe('planObject: skip', () => {
  it('skips an object already encrypted as chosen', () => {
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), SSE_S3)).toMatchObject({ action: 'skip', reason: 'Already SSE-S3, as chosen.' });
    expect(plan(headed({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_A }), KMS_A)).toMatchObject({ action: 'skip' });
    expect(plan(headed({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'new-md5' }), SSE_C)).toMatchObject({ action: 'skip' });
  });

  it('does not skip when only the key or the bucket key differs', () => {
    expect(plan(headed({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_B }), KMS_A).action).toBe('update-encryption');
    expect(plan(headed({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_A, BucketKeyEnabled: true }), KMS_A).action).toBe('copy');
  });
});

describe('planObject: UpdateObjectEncryption', () => {
  it('is chosen for SSE-S3 → SSE-KMS, a key change and a bucket key turned on', () => {
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), KMS_A)).toMatchObject({
      action: 'update-encryption',
      reason: expect.stringMatching(/^SSE-S3 → SSE-KMS: S3 re-wraps its data key \(UpdateObjectEncryption\): no data is copied/),
    });
    expect(plan(headed({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_B }), KMS_A).reason).toMatch(/^Its KMS key changes/);
    expect(plan(headed({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_A }), { ...KMS_A, bucketKey: true }).reason).toMatch(
      /^Its bucket key is turned on/,
    );
  });

  it('works on archived objects, which it never reads', () => {
    expect(plan(headed({ ServerSideEncryption: 'AES256', StorageClass: 'DEEP_ARCHIVE' }), KMS_A).action).toBe('update-encryption');
  });

  it('is not used for unencrypted, DSSE-KMS or SSE-C sources, or other targets', () => {
    expect(plan(headed({}), KMS_A).action).toBe('copy');
    expect(plan(headed({ ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: KEY_A }), KMS_A).action).toBe('copy');
    expect(plan(headed({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'old' }), KMS_A).action).toBe('copy');
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), { kind: 'DSSE-KMS', keyArn: KEY_A }).action).toBe('copy');
  });

  it('needs the key named by its ARN', () => {
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), { ...KMS_A, keyArn: 'alias/finance' })).toMatchObject({
      action: 'cannot',
      reason: expect.stringMatching(/^alias\/finance is an alias/),
    });
  });
});

describe('planObject: CopyObject', () => {
  it('copies in place what fits one copy, keeping its settings, and says what changes', () => {
    const item = plan(headed({ StorageClass: 'STANDARD_IA', ContentType: 'text/csv', Metadata: { owner: 'ops' }, ChecksumSHA256: 'x' }), SSE_S3);
    expect(item).toMatchObject({
      id: JSON.stringify(['reports', 'data/file.csv', null]),
      bucket: 'reports',
      region: 'us-east-1',
      key: 'data/file.csv',
      etag: '"etag-1"',
      size: 1000,
      versioned: false,
      before: { kind: 'NOT-SSE' },
      action: 'copy',
      source: {
        storageClass: 'STANDARD_IA',
        contentType: 'text/csv',
        metadata: { owner: 'ops' },
        checksum: { algorithm: 'SHA256', type: 'FULL_OBJECT' },
      },
    });
    expect(item.versionId).toBeUndefined();
    expect(item.reason).toBe(
      'Not encrypted → SSE-S3: copied onto itself with CopyObject; its metadata, tags, content headers, storage class and checksum algorithm are kept, and it gets a new ETag and Last-Modified.',
    );
  });

  it('pins the selected version in a versioned bucket and says the old one stays', () => {
    const item = plan(headed({ VersionId: 'v1' }), SSE_S3, VERSIONED);
    expect(item).toMatchObject({ versionId: 'v1', versioned: true, id: JSON.stringify(['reports', 'data/file.csv', 'v1']) });
    expect(item.reason).toMatch(/S3 adds a new version; the one you selected stays as it was\.$/);
  });

  it('names the SSE-C key a copy needs to read the source', () => {
    expect(plan(headed({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'old-md5' }), SSE_S3)).toMatchObject({
      action: 'copy',
      sourceCustomerKeyMd5: 'old-md5',
      reason: expect.stringMatching(/^SSE-C \(key MD5 old-md5\) → SSE-S3: copied/),
    });
  });

  it('sends a website redirect again, since S3 does not copy it, and waits for consent where the browser cannot see it', () => {
    const redirecting = headed({ WebsiteRedirectLocation: '/new-home.html' });
    const item = plan(redirecting, SSE_S3);
    expect(item).toMatchObject({ action: 'copy', source: { websiteRedirectLocation: '/new-home.html' } });
    expect(item.reason).toMatch(/its metadata, tags, content headers, website redirect, storage class and checksum algorithm are kept/);

    const hidingRedirects: BucketFacts = {
      ...BUCKET,
      headers: { encryption: 'exposed', canRead: (header) => header !== 'x-amz-website-redirect-location', seesAllUserMetadata: true },
    };
    expect(plan(headed({}), SSE_S3, hidingRedirects)).toMatchObject({
      action: 'cannot',
      consent: 'hidden-metadata',
      reason:
        'Not encrypted → SSE-S3: copied onto itself with CopyObject. S3 does not copy its website redirect (x-amz-website-redirect-location): the console sends it again, but this browser cannot see it. Accept that it may be lost to go ahead.',
    });
    const accepted = plan(headed({}), SSE_S3, hidingRedirects, true);
    expect(accepted).toMatchObject({
      action: 'copy',
      reason: expect.stringMatching(/You accepted that its website redirect \(x-amz-website-redirect-location\) may be lost\.$/),
    });
  });
});

describe('planObject: restored archived objects', () => {
  const RESTORED = 'ongoing-request="false", expiry-date="Fri, 21 Dec 2029 00:00:00 GMT"';
  const restored = (storageClass: 'GLACIER' | 'DEEP_ARCHIVE', head: ObjectHead = {}) =>
    headed({ StorageClass: storageClass, Restore: RESTORED, ...head });
  const toStandard = (selected: SelectedObject, target: TargetEncryption, bucket = BUCKET) =>
    planObject(selected, bucket, target, { now: NOW, restoredArchiveStorageClass: 'STANDARD' });

  it('keeps their archive class by default, saying the copy is archived again', () => {
    const item = plan(restored('GLACIER', { ContentType: 'text/csv' }), SSE_S3);
    expect(item).toMatchObject({ action: 'copy', restoredArchiveClass: 'GLACIER', source: { storageClass: 'GLACIER', contentType: 'text/csv' } });
    expect(item.reason).toMatch(/storage class and checksum algorithm are kept/);
    expect(item.reason).toMatch(
      / It is a restored copy of a GLACIER object: the new object keeps its storage class, so S3 archives it again, the restored copy ends, and it must be restored again to be read\.$/,
    );
  });

  it('writes the copy with the chosen class, and says so instead of warning', () => {
    const item = toStandard(restored('DEEP_ARCHIVE', { ContentType: 'text/csv', Metadata: { owner: 'ops' } }), SSE_S3);
    expect(item).toMatchObject({
      action: 'copy',
      restoredArchiveClass: 'DEEP_ARCHIVE',
      source: { storageClass: 'STANDARD', contentType: 'text/csv', metadata: { owner: 'ops' } },
    });
    expect(item.reason).toBe(
      'Not encrypted → SSE-S3: copied onto itself with CopyObject; its metadata, tags, content headers and checksum algorithm are kept, and it gets a new ETag and Last-Modified. It is a restored copy of a DEEP_ARCHIVE object: the new object is written as STANDARD, as chosen in the copy settings, so it can be read without a restore.',
    );
    expect(planObject(restored('GLACIER'), BUCKET, SSE_S3, { restoredArchiveStorageClass: 'GLACIER_IR' }).source?.storageClass).toBe('GLACIER_IR');
  });

  it('sends the chosen class with a multipart copy too', () => {
    const large = restored('GLACIER', { ContentLength: 6 * GiB });
    const item = planObject(large, BUCKET, SSE_S3, { restoredArchiveStorageClass: 'STANDARD_IA' });
    expect(item).toMatchObject({ action: 'multipart-copy', restoredArchiveClass: 'GLACIER', source: { storageClass: 'STANDARD_IA' } });
    expect(item.reason).toMatch(
      /sending its metadata, tags, content headers and checksum algorithm again; .* the new object is written as STANDARD_IA/,
    );
    expect(plan(large, SSE_S3)).toMatchObject({
      action: 'multipart-copy',
      source: { storageClass: 'GLACIER' },
      reason: expect.stringMatching(/S3 archives it again/),
    });
  });

  it('leaves objects UpdateObjectEncryption re-encrypts where they are: nothing is copied', () => {
    const item = toStandard(restored('GLACIER', { ServerSideEncryption: 'AES256' }), KMS_A);
    expect(item.action).toBe('update-encryption');
    expect(item.source).toBeUndefined();
    expect(item.restoredArchiveClass).toBeUndefined();
  });

  it('does not apply to archived objects not restored, or still restoring: they cannot be copied', () => {
    expect(toStandard(headed({ StorageClass: 'GLACIER' }), SSE_S3)).toMatchObject({
      action: 'cannot',
      reason: expect.stringMatching(/^Archived in GLACIER and not restored/),
    });
    expect(toStandard(headed({ StorageClass: 'DEEP_ARCHIVE', Restore: 'ongoing-request="true"' }), SSE_S3)).toMatchObject({
      action: 'cannot',
      reason: expect.stringMatching(/still in progress/),
    });
  });

  it('does not apply to Intelligent-Tiering objects, which a restore brings back to a tier read without one', () => {
    const tiered = headed({ StorageClass: 'INTELLIGENT_TIERING', ArchiveStatus: 'ARCHIVE_ACCESS', Restore: 'ongoing-request="false"' });
    const item = toStandard(tiered, SSE_S3);
    expect(item).toMatchObject({ action: 'copy', source: { storageClass: 'INTELLIGENT_TIERING' } });
    expect(item.restoredArchiveClass).toBeUndefined();
    expect(item.reason).not.toMatch(/restored copy/);
  });

  it('does not apply to objects in other classes', () => {
    for (const storageClass of ['STANDARD_IA', 'GLACIER_IR'] as const) {
      const item = toStandard(headed({ StorageClass: storageClass }), SSE_S3);
      expect(item).toMatchObject({ action: 'copy', source: { storageClass } });
      expect(item.reason).not.toMatch(/restored copy/);
    }
  });
});

describe('planObject: multipart copy', () => {
  const big = headed({ ContentLength: 6 * GiB, ContentType: 'application/zip' });

  it('copies in parts what is larger than the copy limit', () => {
    expect(plan(big, SSE_S3)).toMatchObject({
      action: 'multipart-copy',
      partSize: 256 * MiB,
      reason: expect.stringMatching(/Larger than 5\.0 GB, the most one CopyObject may copy: copied in 24 parts of 256\.0 MB \(UploadPartCopy\)/),
    });
    expect(plan(headed({ ContentLength: 20 * MiB }), SSE_S3, { ...BUCKET, copySizeLimit: 8 * MiB })).toMatchObject({
      action: 'multipart-copy',
      partSize: 8 * MiB,
    });
  });

  it('refuses when the browser cannot see every setting, unless the user accepts', () => {
    const browser: BucketFacts = {
      ...BUCKET,
      headers: { encryption: 'exposed', canRead: (header) => header !== 'content-disposition', seesAllUserMetadata: false },
    };
    const refused = plan(big, SSE_S3, browser);
    expect(refused).toMatchObject({ action: 'cannot', consent: 'hidden-metadata' });
    expect(refused.reason).toMatch(
      /A multipart upload copies nothing from its source, so the console must send every setting itself, but this browser cannot see user metadata \(x-amz-meta-\*\) the CORS rule does not expose by name, content-disposition\. Accept that these may be lost to go ahead\.$/,
    );
    const accepted = plan(big, SSE_S3, browser, true);
    expect(accepted).toMatchObject({ action: 'multipart-copy' });
    expect(accepted.reason).toMatch(/You accepted that user metadata .* may be lost\./);
    expect(accepted.consent).toBeUndefined();
  });

  it('refuses an object whose Expires header is not a date, which a multipart copy could not send again', () => {
    expect(plan(headed({ ContentLength: 6 * GiB, ExpiresString: 'never' }), SSE_S3)).toMatchObject({
      action: 'cannot',
      reason: expect.stringMatching(/would have to send its Expires header again, but "never" is not a date it can send\.$/),
    });
    expect(plan(headed({ ContentLength: 6 * GiB, ExpiresString: 'Wed, 21 Oct 2026 07:28:00 GMT' }), SSE_S3).action).toBe('multipart-copy');
    expect(plan(headed({ ContentLength: 1000, ExpiresString: 'never' }), SSE_S3).action).toBe('copy');
  });

  it('refuses what cannot be cut into parts S3 accepts', () => {
    expect(plan(headed({ ContentLength: 20 * MiB }), SSE_S3, { ...BUCKET, copySizeLimit: 4 * MiB })).toMatchObject({
      action: 'cannot',
      reason: expect.stringMatching(/cannot be cut into at most 10,000 parts/),
    });
  });
});

describe('planObject: needs a key or cannot', () => {
  it('asks for the key of an SSE-C object HeadObject could not read', () => {
    const selected: SelectedObject = {
      bucket: 'reports',
      key: 'secret.bin',
      observation: { status: 'unreadable', reason: 'sse-c-key-required', message: 'Encrypted with a customer-provided key (SSE-C).' },
    };
    expect(plan(selected, SSE_S3)).toMatchObject({
      action: 'needs-customer-key',
      reason: 'Encrypted with a customer-provided key (SSE-C). Give its SSE-C key to plan it.',
    });
  });

  it('reports archived objects that are not restored, or still restoring', () => {
    expect(plan(headed({ StorageClass: 'GLACIER' }), SSE_S3)).toMatchObject({
      action: 'cannot',
      reason: 'Archived in GLACIER and not restored: restore it first, since a copy has to read its bytes.',
    });
    expect(plan(headed({ StorageClass: 'DEEP_ARCHIVE', Restore: 'ongoing-request="true"' }), SSE_S3).reason).toMatch(/still in progress/);
  });

  it('reports a KMS key of another region than the bucket, as a selection may span regions', () => {
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), KMS_A, { ...BUCKET, region: 'eu-west-1' })).toMatchObject({
      action: 'cannot',
      reason: "This key is in us-east-1, but the bucket is in eu-west-1: S3 can encrypt only with a key of the bucket's region.",
    });
  });

  it('reports an SSE-C target in a bucket that blocks SSE-C', () => {
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), SSE_C, { ...BUCKET, blockedEncryptionTypes: ['SSE-C'] })).toMatchObject({
      action: 'cannot',
      reason: 'The bucket reports blocks SSE-C (BlockedEncryptionTypes), so S3 refuses to write objects encrypted with a customer key into it.',
    });
  });

  it('reports Object Lock rather than pretending a copy would help', () => {
    const locked = plan(headed({ VersionId: 'v1', ObjectLockLegalHoldStatus: 'ON' }), SSE_S3, VERSIONED);
    expect(locked.action).toBe('cannot');
    expect(locked.reason).toMatch(/^Under Object Lock \(a legal hold\): .* a copy would only add a new, unlocked version while the locked one stays/);
    const retained = headed({
      VersionId: 'v1',
      ServerSideEncryption: 'AES256',
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: new Date('2030-01-01'),
    });
    expect(plan(retained, KMS_A, VERSIONED).action).toBe('cannot');
    const expired = headed({ VersionId: 'v1', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date('2020-01-01') });
    expect(plan(expired, SSE_S3, VERSIONED).action).toBe('copy');
  });

  it('cannot plan an object whose encryption the browser cannot read', () => {
    const hidden: BucketFacts = { ...BUCKET, headers: { encryption: 'hidden', canRead: (h) => h === 'etag', seesAllUserMetadata: false } };
    expect(plan(headed({}), SSE_S3, hidden)).toMatchObject({
      action: 'cannot',
      reason:
        "The bucket's CORS rules do not expose the encryption headers, so the browser cannot read them. Without its current encryption it cannot be planned safely.",
    });
    const unreadable: SelectedObject = {
      bucket: 'reports',
      key: 'x',
      observation: { status: 'unreadable', reason: 'access-denied', message: 'Access denied.' },
    };
    expect(plan(unreadable, SSE_S3)).toMatchObject({
      action: 'cannot',
      reason: 'Access denied. Without its current state it cannot be planned safely.',
    });
  });

  it('cannot plan when a header the job relies on is hidden', () => {
    const noEtag: BucketFacts = { ...BUCKET, headers: { encryption: 'exposed', canRead: (h) => h !== 'etag', seesAllUserMetadata: false } };
    expect(plan(headed({ ServerSideEncryption: 'AES256' }), KMS_A, noEtag)).toMatchObject({
      action: 'cannot',
      reason: expect.stringMatching(/hide etag/),
    });
  });
});
