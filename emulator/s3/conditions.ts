import { s3Errors } from '../http/s3-error.js';
import type { StackContext } from '../context.js';
import type { ObjectVersion } from './model.js';
import { httpDate } from './object-headers.js';
import { getEntry } from './repository.js';

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

/** Reads If-* headers; `prefix` is '' for reads and 'x-amz-copy-source-' for a copy's source. */
export function readConditions(headers: Record<string, string>, prefix = ''): Conditions {
  return {
    ifMatch: headers[`${prefix}if-match`],
    ifNoneMatch: headers[`${prefix}if-none-match`],
    ifModifiedSince: headers[`${prefix}if-modified-since`],
    ifUnmodifiedSince: headers[`${prefix}if-unmodified-since`],
  };
}

function etagMatches(list: string, etag: string): boolean {
  return list.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed === etag || `"${trimmed}"` === etag;
  });
}

function secondsOf(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}

/**
 * RFC 7232 evaluation as S3 applies it: If-Match beats If-Unmodified-Since,
 * If-None-Match beats If-Modified-Since. `notModifiedAs412` is for copy
 * sources, where S3 answers 412 rather than 304.
 */
export function checkConditions(version: ObjectVersion, conditions: Conditions, notModifiedAs412 = false): void {
  const modified = secondsOf(version.lastModified);
  if (conditions.ifMatch !== undefined) {
    if (!etagMatches(conditions.ifMatch, version.etag)) throw s3Errors.preconditionFailed('If-Match');
  } else if (conditions.ifUnmodifiedSince !== undefined) {
    const since = Date.parse(conditions.ifUnmodifiedSince);
    if (!Number.isNaN(since) && modified > Math.floor(since / 1000)) {
      throw s3Errors.preconditionFailed('If-Unmodified-Since');
    }
  }
  const notModified = () =>
    notModifiedAs412
      ? s3Errors.preconditionFailed('If-None-Match')
      : s3Errors.notModified({ etag: version.etag, 'last-modified': httpDate(version.lastModified) });
  if (conditions.ifNoneMatch !== undefined) {
    if (etagMatches(conditions.ifNoneMatch, version.etag)) throw notModified();
  } else if (conditions.ifModifiedSince !== undefined) {
    const since = Date.parse(conditions.ifModifiedSince);
    if (!Number.isNaN(since) && modified <= Math.floor(since / 1000)) throw notModified();
  }
}

/**
 * Conditional writes (PutObject, CopyObject, CompleteMultipartUpload): If-None-Match: *
 * refuses to overwrite, If-Match requires the current object's ETag. Called
 * right before the write, with no await in between, so no other request can
 * slip in.
 */
export function checkWriteConditions(ctx: StackContext, bucket: string, key: string, headers: Record<string, string>): void {
  const latest = getEntry(ctx, bucket, key)?.versions[0];
  const current = latest && !latest.deleteMarker ? latest : undefined;
  if (headers['if-none-match'] === '*' && current) throw s3Errors.preconditionFailed('If-None-Match');
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined) return;
  if (!current) throw s3Errors.noSuchKey(key);
  if (!etagMatches(ifMatch, current.etag)) throw s3Errors.preconditionFailed('If-Match');
}
