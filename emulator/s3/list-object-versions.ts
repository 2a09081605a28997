import { queryValue } from '../http/request.js';
import { s3Errors } from '../http/s3-error.js';
import { toS3XmlSequence } from '../http/xml.js';
import type { S3Handler } from './call.js';
import {
  commonPrefixesElement,
  encoderFor,
  listingEchoes,
  listingPage,
  listingTimestamp,
  objectFields,
  ownerElement,
  readListingQuery,
  rowName,
  type ListingRow,
} from './list-objects.js';
import type { ObjectEntry, ObjectVersion } from './model.js';
import { getBucket, isValidVersionId } from './repository.js';

interface ListedVersion {
  version: ObjectVersion;
  isLatest: boolean;
}

/** A key's versions newest first, or those older than version-id-marker when resuming inside the key. */
function versionsOf(entry: ObjectEntry, versionIdMarker?: string): ListedVersion[] {
  const listed = entry.versions.map((version, index) => ({ version, isLatest: index === 0 }));
  if (versionIdMarker === undefined) return listed;
  // A marker version deleted since the previous page leaves nothing of this key to resume.
  const at = entry.versions.findIndex((v) => v.versionId === versionIdMarker);
  return at < 0 ? [] : listed.slice(at + 1);
}

function readVersionIdMarker(value: string | undefined, keyMarker: string): string | undefined {
  if (!value) return undefined;
  if (!keyMarker) {
    throw s3Errors.invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', value);
  }
  if (!isValidVersionId(value)) throw s3Errors.invalidArgument('Invalid version id specified', 'version-id-marker', value);
  return value;
}

/** NextKeyMarker and NextVersionIdMarker name the last row returned; a common prefix has no version. */
function nextMarkers(last: ListingRow<ListedVersion>, encode: (value: string) => string) {
  return {
    NextKeyMarker: encode(rowName(last)),
    ...('key' in last ? { NextVersionIdMarker: last.value.version.versionId } : {}),
  };
}

/** ListObjectVersions: versions and delete markers in key order, newest first within a key. */
export const listObjectVersions: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  const query = readListingQuery(call);
  const keyMarker = queryValue(call.request.query, 'key-marker') ?? '';
  const versionIdMarker = readVersionIdMarker(queryValue(call.request.query, 'version-id-marker'), keyMarker);
  const page = listingPage(call.ctx, call.bucket, query, { after: keyMarker, inclusive: versionIdMarker !== undefined }, (key, entry) =>
    versionsOf(entry, key === keyMarker ? versionIdMarker : undefined),
  );
  const encode = encoderFor(query);
  const owner = ownerElement(call.ctx);
  const last = page.rows.at(-1);
  const versionElements = page.rows.flatMap((row) => {
    if (!('key' in row)) return [];
    const { version, isLatest } = row.value;
    const common = { Key: encode(row.key), VersionId: version.versionId, IsLatest: isLatest, LastModified: listingTimestamp(version.lastModified) };
    return [version.deleteMarker ? { DeleteMarker: { ...common, Owner: owner } } : { Version: { ...common, ...objectFields(version, owner) } }];
  });
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: toS3XmlSequence('ListVersionsResult', [
      {
        Name: call.bucket,
        Prefix: encode(query.prefix),
        KeyMarker: encode(keyMarker),
        VersionIdMarker: versionIdMarker ?? '',
        ...(page.isTruncated && last ? nextMarkers(last, encode) : {}),
        MaxKeys: query.maxKeys,
        ...listingEchoes(query, encode),
        IsTruncated: page.isTruncated,
      },
      // S3 interleaves Version and DeleteMarker in listing order, so each is its own record.
      ...versionElements,
      commonPrefixesElement(page.rows, encode),
    ]),
  };
};
