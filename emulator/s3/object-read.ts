import { s3Errors } from '../http/s3-error.js';
import { queryValue } from '../http/request.js';
import { requireKeyUse } from './authorization.js';
import type { S3Call, S3Handler, S3Reply } from './call.js';
import { checkConditions, readConditions } from './conditions.js';
import { ARCHIVED_STORAGE_CLASSES, type ObjectVersion } from './model.js';
import { objectResponseHeaders } from './object-headers.js';
import { findVersion, getBucket } from './repository.js';
import { readCustomerKey, relayKmsErrors, requireCustomerKey, SSE_C_PREFIX } from './sse.js';

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
  const version = findVersion(call.ctx, call.bucket, call.key, queryValue(call.request.query, 'versionId'));
  const customerKey = requireCustomerKey(
    version.sse,
    readCustomerKey(call.request.headers, SSE_C_PREFIX, call.request.secure),
  );
  checkConditions(version, readConditions(call.request.headers));
  const headers = objectResponseHeaders(bucket, version, {
    checksumMode: call.request.headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED',
  });
  return { version, customerKey, headers };
}

export const headObject: S3Handler = (call) => {
  const { version, headers } = readVersion(call);
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
  if (version.tags.length > 0) headers['x-amz-tagging-count'] = String(version.tags.length);
  requireKeyUse(call, version.sse, ['kms:Decrypt']);
  const body = version.body;
  const bytes = body ? relayKmsErrors(() => call.ctx.atRest.open(body, customerKey)) : Buffer.alloc(0);
  return rangeReply(call.request.headers['range'], bytes, headers);
};

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
  // The object's checksums describe all of it, so S3 leaves them off a range (the SDK would check the slice against them).
  const partial = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('x-amz-checksum-')));
  return {
    status: 206,
    headers: { ...partial, 'content-length': String(slice.length), 'content-range': `bytes ${start}-${end}/${size}` },
    body: slice,
  };
}
