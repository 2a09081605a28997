import type { AwsProblem } from '../../domain/aws-error';
import type { ListedBucket } from '../../operations/list-buckets';
import type { BucketConfig } from '../../config/app-config';

/** Where a bucket on the page comes from; only the ones the user added can be removed here. */
export type BucketOrigin = 'listed' | 'configured' | 'added';

export interface BucketEntry {
  name: string;
  origin: BucketOrigin;
}

export type BucketListing = { status: 'pending' } | { status: 'listed' } | { status: 'unavailable'; problem: AwsProblem };

export const CORS_FALLBACK_REASON =
  'Browsers cannot list buckets on AWS: the S3 service endpoint does not answer CORS, so this list comes from config.json and the buckets you add.';

/** No HTTP status: the browser got no answer it may read, as when S3 refuses a CORS preflight. */
export function isUnreadableAnswer(problem: AwsProblem): boolean {
  return problem.status === undefined;
}

/** The one line that tells where the list comes from, so a short list is not taken for a bug. */
export function bucketListSource(listing: BucketListing): string {
  switch (listing.status) {
    case 'pending':
      return 'Asking S3 for the list of buckets (ListBuckets)…';
    case 'listed':
      return 'Listed by ListBuckets, together with the buckets in config.json and the ones you add.';
    case 'unavailable':
      if (isUnreadableAnswer(listing.problem)) return CORS_FALLBACK_REASON;
      return `ListBuckets was refused (${listing.problem.code}: ${listing.problem.message}), so this list comes from config.json and the buckets you add.`;
  }
}

/** Configured buckets first, in config order, then listed ones, then those the user added; each name once. */
export function bucketEntries(
  listed: readonly ListedBucket[] | undefined,
  configured: readonly BucketConfig[],
  added: readonly string[],
): BucketEntry[] {
  const entries = new Map<string, BucketEntry>();
  const put = (name: string, origin: BucketOrigin) => {
    if (!entries.has(name)) entries.set(name, { name, origin });
  };
  for (const bucket of configured) put(bucket.name, 'configured');
  for (const bucket of listed ?? []) put(bucket.name, 'listed');
  for (const name of added) put(name, 'added');
  return [...entries.values()];
}

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why `name` cannot be a general purpose bucket's name (bucketnamingrules.html), or undefined when it can. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'A bucket name has 3 to 63 characters.';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'A bucket name holds only lowercase letters, digits, dots (.) and hyphens (-).';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'A bucket name begins and ends with a letter or a digit.';
  if (name.includes('..')) return 'A bucket name has no two dots in a row.';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'A bucket name is not an IP address.';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `A bucket name cannot begin with "${prefix}".`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `A bucket name cannot end with "${suffix}".`;
  return undefined;
}

/**
 * Where a user's added buckets are kept in localStorage: under their owner
 * key, so the next user of the browser does not see them. The list kept
 * before owners were (no suffix) is nobody's and is not read.
 */
export function addedBucketsStorageKey(ownerKey: string): string {
  return `s3-encryption-console:added-buckets:${ownerKey}`;
}

/** The names kept in the browser: anything else that storage holds (edited by hand, older formats) is dropped. */
export function parseAddedBucketNames(stored: string | null): string[] {
  if (stored === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const names = value.filter((name): name is string => typeof name === 'string' && bucketNameProblem(name) === undefined);
  return [...new Set(names)];
}

export type AddBucketResult = { added: string[] } | { problem: string };

/** Adds a typed name to the user's list, unless it is not a bucket name or the page already shows it. */
export function addBucketName(added: readonly string[], typed: string, shown: readonly string[]): AddBucketResult {
  const name = typed.trim();
  const problem = bucketNameProblem(name);
  if (problem) return { problem };
  if (shown.includes(name)) return { problem: `${name} is already in the list.` };
  return { added: [...added, name] };
}

export function removeBucketName(added: readonly string[], name: string): string[] {
  return added.filter((n) => n !== name);
}
