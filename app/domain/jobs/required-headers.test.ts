import { describe, expect, it } from 'vitest';
import { copyBlindSpots, hiddenRequiredHeaders, multipartBlindSpots } from './required-headers';
import { EVERY_HEADER_READABLE, type BucketFacts, type ResponseHeaderAccess } from './plan-input';

function bucketSeeing(visible: string[], versioning: BucketFacts['versioning'] = 'Unversioned', seesAllUserMetadata = false): BucketFacts {
  const headers: ResponseHeaderAccess = { encryption: 'exposed', canRead: (h) => visible.includes(h), seesAllUserMetadata };
  return { name: 'b', region: 'us-east-1', versioning, blockedEncryptionTypes: [], copySizeLimit: 100, headers };
}

const ENCRYPTION = [
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-bucket-key-enabled',
  'x-amz-server-side-encryption-customer-algorithm',
  'x-amz-server-side-encryption-customer-key-md5',
];
const BASIC = ['etag', 'x-amz-storage-class', ...ENCRYPTION];
const LOCK = ['x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date', 'x-amz-object-lock-legal-hold'];

describe('hiddenRequiredHeaders', () => {
  it('asks for nothing when every header is readable', () => {
    expect(hiddenRequiredHeaders({ ...bucketSeeing([]), headers: EVERY_HEADER_READABLE }, { ETag: '"e"' })).toBeUndefined();
    expect(hiddenRequiredHeaders(bucketSeeing(BASIC), { ETag: '"e"' })).toBeUndefined();
  });

  it('names a hidden header and what the job needs it for', () => {
    expect(hiddenRequiredHeaders(bucketSeeing(BASIC.filter((h) => h !== 'etag')), {})).toBe(
      "The bucket's CORS rules hide etag from the browser, and the job needs it to make each change conditional on the version you selected. Add it to the rule's ExposeHeaders.",
    );
    expect(hiddenRequiredHeaders(bucketSeeing(['etag', 'x-amz-storage-class', 'x-amz-server-side-encryption']), { ETag: '"e"' })).toMatch(
      /hide x-amz-server-side-encryption-aws-kms-key-id, .* and the job needs them to tell the current encryption/,
    );
  });

  it('needs version ids and Object Lock headers in versioned buckets only', () => {
    expect(hiddenRequiredHeaders(bucketSeeing(BASIC, 'Enabled'), { ETag: '"e"' })).toMatch(/hide x-amz-version-id .* change exactly the version/);
    expect(hiddenRequiredHeaders(bucketSeeing([...BASIC, 'x-amz-version-id'], 'Suspended'), { ETag: '"e"' })).toMatch(/Object Lock/);
    expect(hiddenRequiredHeaders(bucketSeeing([...BASIC, 'x-amz-version-id', ...LOCK], 'Enabled'), { ETag: '"e"' })).toBeUndefined();
  });

  it('needs the restore header for archived objects', () => {
    expect(hiddenRequiredHeaders(bucketSeeing(BASIC), { ETag: '"e"', StorageClass: 'GLACIER' })).toMatch(/x-amz-restore .* restored/);
  });

  it('refuses an object without an ETag', () => {
    expect(hiddenRequiredHeaders(bucketSeeing(BASIC), {})).toMatch(/no ETag/);
  });
});

const REDIRECT_HIDDEN = 'its website redirect (x-amz-website-redirect-location)';

describe('copyBlindSpots', () => {
  it('names the website redirect when the browser cannot see it, since S3 does not copy it', () => {
    expect(copyBlindSpots(bucketSeeing(BASIC))).toEqual([REDIRECT_HIDDEN]);
    expect(copyBlindSpots(bucketSeeing([...BASIC, 'x-amz-website-redirect-location']))).toEqual([]);
  });
});

describe('multipartBlindSpots', () => {
  it('lists what a browser cannot see of the settings a multipart copy must send', () => {
    expect(multipartBlindSpots(bucketSeeing(BASIC))).toEqual([
      REDIRECT_HIDDEN,
      'user metadata (x-amz-meta-*) the CORS rule does not expose by name',
      'content-disposition',
      'content-encoding',
      'its checksum algorithm (x-amz-checksum-*)',
    ]);
    expect(multipartBlindSpots({ ...bucketSeeing([]), headers: EVERY_HEADER_READABLE })).toEqual([]);
  });
});
