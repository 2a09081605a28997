import { describe, expect, it } from 'vitest';
import {
  addBucketName,
  bucketEntries,
  bucketListSource,
  bucketNameProblem,
  CORS_FALLBACK_REASON,
  parseAddedBucketNames,
  removeBucketName,
} from './bucket-list.utils';

describe('bucketListSource', () => {
  it('explains the fallback to config.json when the browser got no answer to ListBuckets (CORS)', () => {
    const problem = { code: 'TypeError', message: 'Failed to fetch', retryable: true };
    expect(bucketListSource({ status: 'unavailable', problem })).toBe(CORS_FALLBACK_REASON);
  });

  it('names the error when S3 answered ListBuckets with a refusal', () => {
    const problem = { code: 'AccessDenied', message: 'Access Denied', retryable: false, status: 403 };
    expect(bucketListSource({ status: 'unavailable', problem })).toBe(
      'ListBuckets was refused (AccessDenied: Access Denied), so this list comes from config.json and the buckets you add.',
    );
  });

  it('says the list comes from ListBuckets when the endpoint allowed it', () => {
    expect(bucketListSource({ status: 'listed' })).toMatch(/^Listed by ListBuckets/);
  });
});

describe('bucketEntries', () => {
  it('shows configured buckets, then listed, then added, each name once with its first origin', () => {
    const entries = bucketEntries(
      [{ name: 'listed-only', region: 'eu-west-1' }, { name: 'both' }],
      [{ name: 'both' }, { name: 'configured-only', region: 'eu-west-1' }],
      ['added-only', 'listed-only'],
    );
    expect(entries).toEqual([
      { name: 'both', origin: 'configured' },
      { name: 'configured-only', origin: 'configured' },
      { name: 'listed-only', origin: 'listed' },
      { name: 'added-only', origin: 'added' },
    ]);
  });

  it('works before ListBuckets answers or when it never does', () => {
    expect(bucketEntries(undefined, [{ name: 'a-bucket' }], ['b-bucket'])).toEqual([
      { name: 'a-bucket', origin: 'configured' },
      { name: 'b-bucket', origin: 'added' },
    ]);
  });
});

describe('bucketNameProblem', () => {
  it.each(['abc', 'my-bucket.logs', 'a'.repeat(63), '123-bucket', 'bucket.with.dots'])('accepts %s', (name) => {
    expect(bucketNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['ab', '3 to 63'],
    ['a'.repeat(64), '3 to 63'],
    ['My-Bucket', 'lowercase'],
    ['under_score', 'lowercase'],
    ['with space', 'lowercase'],
    ['-starts-with-hyphen', 'begins and ends'],
    ['ends-with-dot.', 'begins and ends'],
    ['two..dots', 'two dots'],
    ['192.168.5.4', 'IP address'],
    ['xn--bucket', '"xn--"'],
    ['sthree-bucket', '"sthree-"'],
    ['amzn-s3-demo-bucket', '"amzn-s3-demo-"'],
    ['bucket-s3alias', '"-s3alias"'],
    ['bucket--ol-s3', '"--ol-s3"'],
    ['bucket.mrap', '".mrap"'],
    ['bucket--x-s3', '"--x-s3"'],
    ['bucket--table-s3', '"--table-s3"'],
  ])('refuses %s', (name, reason) => {
    expect(bucketNameProblem(name)).toContain(reason);
  });
});

describe('parseAddedBucketNames', () => {
  it('keeps valid names once each, in order', () => {
    expect(parseAddedBucketNames(JSON.stringify(['b-bucket', 'a-bucket', 'b-bucket']))).toEqual(['b-bucket', 'a-bucket']);
  });

  it('drops what is not a bucket name', () => {
    expect(parseAddedBucketNames(JSON.stringify(['ok-bucket', 'Not Valid', 42, null]))).toEqual(['ok-bucket']);
  });

  it.each([null, '', 'not json', '{"a":1}', '"a-bucket"'])('starts empty from %j', (stored) => {
    expect(parseAddedBucketNames(stored)).toEqual([]);
  });
});

describe('addBucketName and removeBucketName', () => {
  it('adds a trimmed valid name at the end', () => {
    expect(addBucketName(['first-bucket'], '  added-by-hand ', ['first-bucket'])).toEqual({ added: ['first-bucket', 'added-by-hand'] });
  });

  it('refuses a name the page already shows, whatever its origin', () => {
    expect(addBucketName([], 'legacy-archive', ['legacy-archive'])).toEqual({ problem: 'legacy-archive is already in the list.' });
  });

  it('refuses an invalid name with the rule it breaks', () => {
    expect(addBucketName([], 'Bad_Name', [])).toEqual({ problem: bucketNameProblem('Bad_Name') });
  });

  it('removes only the named bucket', () => {
    expect(removeBucketName(['a-bucket', 'b-bucket'], 'a-bucket')).toEqual(['b-bucket']);
  });
});
