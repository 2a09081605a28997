import type { StackContext } from '../context.js';
import { queryValue } from '../http/request.js';
import { S3Error, s3Errors } from '../http/s3-error.js';
import { compareUtf8 } from '../store/store.js';
import { xmlReply, type S3Call, type S3Handler } from './call.js';
import { objectsTable, type ObjectEntry, type ObjectVersion } from './model.js';
import { getBucket } from './repository.js';

/** S3 returns at most this many rows per page, whatever max-keys asks for. */
const PAGE_LIMIT = 1000;
const MAX_KEYS_ARGUMENT_LIMIT = 2147483647;

/** What every listing reads from its query: the filters, the page size and how keys are encoded. */
export interface ListingQuery {
  prefix: string;
  /** Undefined when absent or empty: S3 then rolls nothing up and echoes no Delimiter. */
  delimiter?: string;
  /** As requested, which is what S3 echoes in MaxKeys; a page still holds at most PAGE_LIMIT rows. */
  maxKeys: number;
  encodingType?: 'url';
}

export function readListingQuery(call: S3Call): ListingQuery {
  const { query } = call.request;
  const delimiter = queryValue(query, 'delimiter');
  return {
    prefix: queryValue(query, 'prefix') ?? '',
    delimiter: delimiter ? delimiter : undefined,
    maxKeys: readMaxKeys(queryValue(query, 'max-keys')),
    encodingType: readEncodingType(queryValue(query, 'encoding-type')),
  };
}

function readMaxKeys(value: string | undefined): number {
  if (value === undefined) return PAGE_LIMIT;
  const maxKeys = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(maxKeys <= MAX_KEYS_ARGUMENT_LIMIT)) {
    throw s3Errors.invalidArgument(`Argument maxKeys must be an integer between 0 and ${MAX_KEYS_ARGUMENT_LIMIT}`, 'maxKeys', value);
  }
  return maxKeys;
}

function readEncodingType(value: string | undefined): 'url' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'url') throw s3Errors.invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', value);
  return value;
}

/**
 * How key-like response values are written. With encoding-type=url S3 percent-encodes
 * their UTF-8 bytes but keeps '/', so a space is %20 and a '+' is %2B; XML 1.0 cannot
 * carry some characters a key may hold, which is why clients ask for it.
 */
export function encoderFor(query: ListingQuery): (value: string) => string {
  return query.encodingType === 'url' ? urlEncode : (value) => value;
}

function urlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Delimiter and EncodingType are echoed only when the request set them. */
export function listingEchoes(query: ListingQuery, encode: (value: string) => string): Record<string, string> {
  return {
    ...(query.delimiter !== undefined ? { Delimiter: encode(query.delimiter) } : {}),
    ...(query.encodingType !== undefined ? { EncodingType: query.encodingType } : {}),
  };
}

/** One row of a page: a value listed for a key, or a CommonPrefixes roll-up of many keys. */
export type ListingRow<T> = { key: string; value: T } | { commonPrefix: string };

export interface ListingPage<T> {
  rows: Array<ListingRow<T>>;
  isTruncated: boolean;
}

/**
 * Where a page resumes: keys and common prefixes up to `after` were listed already.
 * `inclusive` lists the key equal to `after` again, for ListObjectVersions, whose
 * version-id-marker resumes inside that key's versions.
 */
export interface ListingStart {
  after: string;
  inclusive?: boolean;
}

/**
 * One page of a bucket's keys in UTF-8 byte order: keys under the prefix, rolled up at
 * the first delimiter after it, each key expanded into the values it lists (none hides
 * the key, and then it adds no common prefix either). Every value and every common
 * prefix counts once toward max-keys, as in S3.
 */
export function listingPage<T>(
  ctx: StackContext,
  bucket: string,
  query: ListingQuery,
  start: ListingStart,
  expand: (key: string, entry: ObjectEntry) => T[],
): ListingPage<T> {
  const limit = Math.min(query.maxKeys, PAGE_LIMIT);
  const rows: Array<ListingRow<T>> = [];
  // S3 answers max-keys=0 with an empty page that is not truncated.
  if (limit === 0) return { rows, isTruncated: false };
  const entries = ctx.store.list<ObjectEntry>(objectsTable(bucket));
  let lastListed: string | undefined;
  const from = lowerBound(entries, compareUtf8(query.prefix, start.after) > 0 ? query.prefix : start.after);
  for (let index = from; index < entries.length; index++) {
    const [key, entry] = entries[index];
    if (!key.startsWith(query.prefix)) break;
    const commonPrefix = commonPrefixOf(key, query);
    const listed = commonPrefix ?? key;
    if (listed === lastListed || !isPast(listed, start, commonPrefix === undefined)) continue;
    const values = expand(key, entry);
    if (values.length === 0) continue;
    lastListed = listed;
    const additions: Array<ListingRow<T>> = commonPrefix !== undefined ? [{ commonPrefix }] : values.map((value) => ({ key, value }));
    for (const row of additions) {
      if (rows.length === limit) return { rows, isTruncated: true };
      rows.push(row);
    }
  }
  return { rows, isTruncated: false };
}

function commonPrefixOf(key: string, query: ListingQuery): string | undefined {
  if (query.delimiter === undefined) return undefined;
  const at = key.indexOf(query.delimiter, query.prefix.length);
  return at < 0 ? undefined : key.slice(0, at + query.delimiter.length);
}

function isPast(listed: string, start: ListingStart, isKey: boolean): boolean {
  const order = compareUtf8(listed, start.after);
  return order > 0 || (order === 0 && isKey && start.inclusive === true);
}

/** Index of the first row whose key is not before `key` in UTF-8 order. */
function lowerBound(entries: Array<[string, ObjectEntry]>, key: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareUtf8(entries[middle][0], key) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The key or common prefix a row lists, which is where the next page resumes. */
export function rowName<T>(row: ListingRow<T>): string {
  return 'key' in row ? row.key : row.commonPrefix;
}

export function commonPrefixesElement<T>(rows: Array<ListingRow<T>>, encode: (value: string) => string) {
  return { CommonPrefixes: rows.flatMap((row) => ('commonPrefix' in row ? [{ Prefix: encode(row.commonPrefix) }] : [])) };
}

/** Listings show LastModified to the second, as HEAD's Last-Modified does, with S3's `.000Z`. */
export function listingTimestamp(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

/** S3 stopped returning Owner's DisplayName on 2025-11-21; the ID is the one ListBuckets reports. */
export function ownerElement(ctx: StackContext) {
  return { ID: ctx.options.accountId };
}

/** The elements after LastModified that Contents and Version share, in S3's order; Owner only when given. */
export function objectFields(version: ObjectVersion, owner: { ID: string } | undefined) {
  return {
    ETag: version.etag,
    ...(version.checksum ? { ChecksumAlgorithm: version.checksum.algorithm, ChecksumType: version.checksum.type } : {}),
    Size: version.size,
    ...(owner ? { Owner: owner } : {}),
    StorageClass: version.storageClass,
  };
}

/** ListObjects shows a key's latest version, and hides the key when that is a delete marker. */
function currentVersion(_key: string, entry: ObjectEntry): ObjectVersion[] {
  const latest = entry.versions[0];
  return latest && !latest.deleteMarker ? [latest] : [];
}

function pageElements(page: ListingPage<ObjectVersion>, encode: (value: string) => string, owner: { ID: string } | undefined) {
  return {
    Contents: page.rows.flatMap((row) =>
      'key' in row ? [{ Key: encode(row.key), LastModified: listingTimestamp(row.value.lastModified), ...objectFields(row.value, owner) }] : [],
    ),
    ...commonPrefixesElement(page.rows, encode),
  };
}

export const listObjects: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  const query = readListingQuery(call);
  const marker = queryValue(call.request.query, 'marker') ?? '';
  const page = listingPage(call.ctx, call.bucket, query, { after: marker }, currentVersion);
  const encode = encoderFor(query);
  const last = page.rows.at(-1);
  return xmlReply('ListBucketResult', {
    Name: call.bucket,
    // Version 1 echoes its Prefix as sent even with encoding-type=url (botocore decodes it only in version 2).
    Prefix: query.prefix,
    Marker: encode(marker),
    // Without a delimiter S3 sends no NextMarker: the last key listed is the next marker.
    ...(page.isTruncated && query.delimiter !== undefined && last ? { NextMarker: encode(rowName(last)) } : {}),
    MaxKeys: query.maxKeys,
    ...listingEchoes(query, encode),
    IsTruncated: page.isTruncated,
    ...pageElements(page, encode, ownerElement(call.ctx)),
  });
};

export const listObjectsV2: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  const query = readListingQuery(call);
  const continuationToken = queryValue(call.request.query, 'continuation-token');
  const startAfter = queryValue(call.request.query, 'start-after');
  const fetchOwner = queryValue(call.request.query, 'fetch-owner') === 'true';
  // A continuation token overrides start-after, which S3 still echoes.
  const after = continuationToken ? readContinuationToken(continuationToken) : (startAfter ?? '');
  const page = listingPage(call.ctx, call.bucket, query, { after }, currentVersion);
  const encode = encoderFor(query);
  const last = page.rows.at(-1);
  return xmlReply('ListBucketResult', {
    Name: call.bucket,
    Prefix: encode(query.prefix),
    ...(startAfter !== undefined ? { StartAfter: encode(startAfter) } : {}),
    ...(continuationToken !== undefined ? { ContinuationToken: continuationToken } : {}),
    ...(page.isTruncated && last ? { NextContinuationToken: continuationTokenAfter(rowName(last)) } : {}),
    KeyCount: page.rows.length,
    MaxKeys: query.maxKeys,
    ...listingEchoes(query, encode),
    IsTruncated: page.isTruncated,
    ...pageElements(page, encode, fetchOwner ? ownerElement(call.ctx) : undefined),
  });
};

/** Tokens are opaque to clients; the tag lets one that this stack did not issue be refused as S3 refuses it. */
const CONTINUATION_TAG = 'local-aws/1:';

function continuationTokenAfter(name: string): string {
  return Buffer.from(CONTINUATION_TAG + name, 'utf8').toString('base64');
}

function readContinuationToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const name = text.slice(CONTINUATION_TAG.length);
  if (!text.startsWith(CONTINUATION_TAG) || continuationTokenAfter(name) !== token) {
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', 400, { ArgumentName: 'continuation-token' });
  }
  return name;
}
