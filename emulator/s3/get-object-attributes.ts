import { queryValue } from '../http/request.js';
import { s3Errors } from '../http/s3-error.js';
import { xmlReply, type S3Handler } from './call.js';
import { objectChecksumElements } from './checksum-fields.js';
import type { ObjectVersion } from './model.js';
import { httpDate } from './object-headers.js';
import { findVersion, getBucket, versionIdHeader } from './repository.js';
import { readCustomerKey, requireCustomerKey, SSE_C_PREFIX } from './sse.js';

const ATTRIBUTES = ['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize'] as const;
type Attribute = (typeof ATTRIBUTES)[number];

const DEFAULT_MAX_PARTS = 1000;

/**
 * GetObjectAttributes: what `x-amz-object-attributes` asks for, without the
 * bytes. An SSE-C object needs its key, as HeadObject does; an archived one
 * needs no restore.
 */
export const getObjectAttributes: S3Handler = (call) => {
  const { headers } = call.request;
  const wanted = readAttributes(headers['x-amz-object-attributes']);
  const bucket = getBucket(call.ctx, call.bucket);
  const version = findVersion(call.ctx, bucket.name, call.key, queryValue(call.request.query, 'versionId'));
  requireCustomerKey(version.sse, readCustomerKey(headers, SSE_C_PREFIX, call.request.secure));
  const values: Record<Attribute, () => unknown> = {
    // The ETag is the bare value here, without the quotes of the ETag header.
    ETag: () => version.etag.replace(/"/g, ''),
    Checksum: () => (version.checksum ? objectChecksumElements(version.checksum) : undefined),
    ObjectParts: () => objectParts(version, headers),
    StorageClass: () => version.storageClass,
    ObjectSize: () => version.size,
  };
  const body = Object.fromEntries(ATTRIBUTES.filter((name) => wanted.has(name)).map((name) => [name, values[name]()]));
  return xmlReply('GetObjectAttributesResponse', body, {
    'last-modified': httpDate(version.lastModified),
    ...versionIdHeader(bucket, version),
  });
};

function readAttributes(header: string | undefined): Set<Attribute> {
  const names = (header ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw s3Errors.invalidArgument('x-amz-object-attributes header specifying the attributes to be retrieved is either missing or empty');
  }
  const unknown = names.find((name) => !(ATTRIBUTES as readonly string[]).includes(name));
  if (unknown !== undefined) throw s3Errors.invalidArgument('Invalid attribute name specified.', 'x-amz-object-attributes', unknown);
  return new Set(names as Attribute[]);
}

/** The parts of a multipart object, a page at a time (`x-amz-max-parts`, `x-amz-part-number-marker`); none for a single PUT. */
function objectParts(version: ObjectVersion, headers: Record<string, string>): Record<string, unknown> | undefined {
  const sizes = version.partSizes;
  if (!sizes) return undefined;
  const maxParts = nonNegative(headers['x-amz-max-parts'], 'x-amz-max-parts') ?? DEFAULT_MAX_PARTS;
  const marker = nonNegative(headers['x-amz-part-number-marker'], 'x-amz-part-number-marker') ?? 0;
  const page = sizes
    .map((size, index) => ({ PartNumber: index + 1, Size: size }))
    .filter((part) => part.PartNumber > marker)
    .slice(0, maxParts);
  const last = page.at(-1)?.PartNumber;
  return {
    PartsCount: sizes.length,
    PartNumberMarker: marker,
    ...(last === undefined ? {} : { NextPartNumberMarker: last }),
    MaxParts: maxParts,
    IsTruncated: (last ?? marker) < sizes.length,
    Part: page,
  };
}

function nonNegative(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw s3Errors.invalidArgument(`${name} must be a non-negative integer`, name, value);
  return Number(value);
}
