import { S3Error, s3Errors } from '../http/s3-error.js';
import { queryValue } from '../http/request.js';
import { requireKeyUse } from './authorization.js';
import type { S3Call, S3Handler, S3Reply } from './call.js';
import { checkConditions, readConditions } from './conditions.js';
import { ARCHIVED_STORAGE_CLASSES, type ObjectVersion } from './model.js';
import { readPartNumber } from './multipart-upload.js';
import { objectResponseHeaders } from './object-headers.js';
import { findVersion, getBucket } from './repository.js';
import { readCustomerKey, relayKmsErrors, requireCustomerKey, SSE_C_PREFIX, SSE_HEADER } from './sse.js';

const RESPONSE_OVERRIDES: Array<[string, string]> = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
];

function readVersion(call: S3Call) {
  const bucket = getBucket(call.ctx, call.bucket);
  const sseAsked = call.request.headers[SSE_HEADER];
  if (sseAsked !== undefined) {
    throw s3Errors.invalidArgument('x-amz-server-side-encryption header is not supported for this operation.', SSE_HEADER, sseAsked);
  }
  const version = findVersion(call.ctx, call.bucket, call.key, queryValue(call.request.query, 'versionId'));
  const customerKey = requireCustomerKey(version.sse, readCustomerKey(call.request.headers, SSE_C_PREFIX, call.request.secure));
  checkConditions(version, readConditions(call.request.headers));
  const headers = objectResponseHeaders(bucket, version, {
    checksumMode: call.request.headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED',
  });
  return { version, customerKey, headers };
}

export const headObject: S3Handler = (call) => {
  const { version, headers } = readVersion(call);
  const part = readPart(call, version);
  if (part) return { status: 206, headers: partHeaders(headers, part) };
  return { status: 200, headers: { ...headers, 'content-length': String(version.size) } };
};

export const getObject: S3Handler = (call) => {
  const { version, customerKey, headers } = readVersion(call);
  if (ARCHIVED_STORAGE_CLASSES.includes(version.storageClass) && !isRestored(version)) {
    throw s3Errors.invalidObjectState(version.storageClass);
  }
  for (const [param, name] of RESPONSE_OVERRIDES) {
    const value = queryValue(call.request.query, param);
    if (value !== undefined) headers[name] = value;
  }
  requireKeyUse(call, version.sse, ['kms:Decrypt']);
  const body = version.body;
  const bytes = body ? relayKmsErrors(() => call.ctx.atRest.open(body, customerKey)) : Buffer.alloc(0);
  const part = readPart(call, version);
  if (part) return { status: 206, headers: partHeaders(headers, part), body: bytes.subarray(part.start, part.end + 1) };
  return rangeReply(call.request.headers['range'], bytes, headers);
};

interface PartRange {
  start: number;
  /** Inclusive, as in Content-Range. */
  end: number;
  size: number;
  /** Set for objects uploaded in parts (`x-amz-mp-parts-count`). */
  partsCount?: number;
}

/**
 * `partNumber` on GET and HEAD addresses one part of a multipart object; an
 * object uploaded whole is its own part 1. Beyond the last part: 416 InvalidPartNumber.
 */
function readPart(call: S3Call, version: ObjectVersion): PartRange | undefined {
  if (queryValue(call.request.query, 'partNumber') === undefined) return undefined;
  const partNumber = readPartNumber(call);
  if (call.request.headers['range'] !== undefined) {
    throw s3Errors.invalidRequest('Cannot specify both Range header and partNumber query parameter');
  }
  const sizes = version.partSizes ?? [version.size];
  if (partNumber > sizes.length) {
    throw new S3Error('InvalidPartNumber', 'The requested partnumber is not satisfiable', 416, {
      PartNumberRequested: String(partNumber),
      ActualPartCount: String(sizes.length),
    });
  }
  const start = sizes.slice(0, partNumber - 1).reduce((sum, size) => sum + size, 0);
  return { start, end: start + sizes[partNumber - 1] - 1, size: version.size, partsCount: version.partSizes?.length };
}

function partHeaders(headers: Record<string, string>, part: PartRange): Record<string, string> {
  return {
    ...withoutChecksums(headers),
    'content-length': String(part.end - part.start + 1),
    'content-range': `bytes ${part.start}-${part.end}/${part.size}`,
    ...(part.partsCount === undefined ? {} : { 'x-amz-mp-parts-count': String(part.partsCount) }),
  };
}

/** The object's checksums describe all of it, so S3 leaves them off a part or range (the SDK would check the slice against them). */
function withoutChecksums(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('x-amz-checksum-')));
}

export function isRestored(version: ObjectVersion): boolean {
  return version.restore !== undefined && !version.restore.ongoing;
}

function rangeReply(range: string | undefined, bytes: Buffer, headers: Record<string, string>): S3Reply {
  const match = range === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === '' && match[2] === '')) {
    return { status: 200, headers: { ...headers, 'content-length': String(bytes.length) }, body: bytes };
  }
  const size = bytes.length;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) throw s3Errors.invalidRange(size);
  const slice = bytes.subarray(start, end + 1);
  return {
    status: 206,
    headers: { ...withoutChecksums(headers), 'content-length': String(slice.length), 'content-range': `bytes ${start}-${end}/${size}` },
    body: slice,
  };
}
