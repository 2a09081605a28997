import { ENCRYPTION_HEADERS } from '../cors-visibility';
import type { ObjectHead } from '../s3-object';
import type { BucketFacts } from './plan-input';
import { CHECKSUM_ALGORITHMS } from './source-settings';

interface RequiredHeader {
  headers: readonly string[];
  /** What the job does with it, completing "the job needs it to …". */
  purpose: string;
  applies: (bucket: BucketFacts, head: ObjectHead) => boolean;
}

const ALWAYS = () => true;
const IN_VERSIONED_BUCKETS = (bucket: BucketFacts) => bucket.versioning !== 'Unversioned';

const REQUIRED: readonly RequiredHeader[] = [
  { headers: ['etag'], purpose: 'make each change conditional on the version you selected', applies: ALWAYS },
  { headers: ENCRYPTION_HEADERS, purpose: 'tell the current encryption and check the new one', applies: ALWAYS },
  { headers: ['x-amz-storage-class'], purpose: 'keep the storage class and see whether the object is archived', applies: ALWAYS },
  { headers: ['x-amz-version-id'], purpose: 'change exactly the version you selected', applies: IN_VERSIONED_BUCKETS },
  // Object Lock works only in versioned buckets.
  {
    headers: ['x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date', 'x-amz-object-lock-legal-hold'],
    purpose: 'see whether the object is under Object Lock',
    applies: IN_VERSIONED_BUCKETS,
  },
  {
    headers: ['x-amz-restore'],
    purpose: 'see whether the archived object is restored',
    applies: (_, head) => head.StorageClass === 'GLACIER' || head.StorageClass === 'DEEP_ARCHIVE',
  },
];

/** Why the job cannot work safely on this object with the headers the caller can read; undefined when it can. */
export function hiddenRequiredHeaders(bucket: BucketFacts, head: ObjectHead): string | undefined {
  for (const required of REQUIRED) {
    if (!required.applies(bucket, head)) continue;
    const hidden = required.headers.filter((header) => !bucket.headers.canRead(header));
    if (hidden.length > 0) {
      return `The bucket's CORS rules hide ${hidden.join(', ')} from the browser, and the job needs ${hidden.length === 1 ? 'it' : 'them'} to ${required.purpose}. Add ${hidden.length === 1 ? 'it' : 'them'} to the rule's ExposeHeaders.`;
    }
  }
  if (head.ETag === undefined) return 'S3 reported no ETag, so a change could not be made conditional on the version you selected.';
  return undefined;
}

const CHECKSUM_HEADERS = [...CHECKSUM_ALGORITHMS, 'type'].map((name) => `x-amz-checksum-${name.toLowerCase()}`);

/** What a CopyObject must send again, since S3 does not copy it, and the browser cannot see. */
export function copyBlindSpots(bucket: BucketFacts): string[] {
  return bucket.headers.canRead('x-amz-website-redirect-location') ? [] : ['its website redirect (x-amz-website-redirect-location)'];
}

/** What a multipart copy, which must send every setting itself, cannot see of the source. */
export function multipartBlindSpots(bucket: BucketFacts): string[] {
  const blind = copyBlindSpots(bucket);
  if (!bucket.headers.seesAllUserMetadata) blind.push('user metadata (x-amz-meta-*) the CORS rule does not expose by name');
  for (const header of ['content-disposition', 'content-encoding']) {
    if (!bucket.headers.canRead(header)) blind.push(header);
  }
  if (CHECKSUM_HEADERS.some((header) => !bucket.headers.canRead(header))) blind.push('its checksum algorithm (x-amz-checksum-*)');
  return blind;
}
