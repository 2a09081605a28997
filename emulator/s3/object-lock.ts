import { S3Error, s3Errors } from '../http/s3-error.js';
import { objectArn } from '../iam/s3-actions.js';
import { requireAllowed } from './authorization.js';
import type { S3Call } from './call.js';
import { OBJECT_LOCK_RETENTION_MODES, type BucketRecord, type DefaultRetention, type ObjectLock, type ObjectLockRetentionMode } from './model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The Object Lock settings a new object gets from PutObject, CopyObject or
 * CreateMultipartUpload: its x-amz-object-lock-* headers, else the bucket's
 * default retention. A bucket without Object Lock refuses the headers.
 */
export function readObjectLock(headers: Record<string, string>, bucket: BucketRecord, now = new Date()): ObjectLock | undefined {
  const requested = readLockHeaders(headers);
  // These three operations word it without spaces, unlike the Object Lock operations themselves.
  if (requested && !bucket.objectLock) throw s3Errors.invalidRequest('Bucket is missing ObjectLockConfiguration');
  const retention = bucket.objectLock?.defaultRetention;
  if (!retention || requested?.mode) return requested;
  return { ...requested, mode: retention.mode, retainUntilDate: defaultRetainUntilDate(retention, now) };
}

function readLockHeaders(headers: Record<string, string>): ObjectLock | undefined {
  const mode = headers['x-amz-object-lock-mode'];
  const retainUntilDate = headers['x-amz-object-lock-retain-until-date'];
  const legalHold = headers['x-amz-object-lock-legal-hold'];
  if (mode === undefined && retainUntilDate === undefined && legalHold === undefined) return undefined;
  if ((mode === undefined) !== (retainUntilDate === undefined)) {
    throw s3Errors.invalidArgument('x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied');
  }
  if (mode !== undefined && !OBJECT_LOCK_RETENTION_MODES.includes(mode as ObjectLockRetentionMode)) {
    throw s3Errors.invalidArgument('Unknown wormMode directive.', 'x-amz-object-lock-mode', mode);
  }
  if (legalHold !== undefined && legalHold !== 'ON' && legalHold !== 'OFF') {
    throw s3Errors.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", 'x-amz-object-lock-legal-hold', legalHold);
  }
  return { mode: mode as ObjectLockRetentionMode | undefined, retainUntilDate, legalHold: legalHold as ObjectLock['legalHold'] };
}

function defaultRetainUntilDate(retention: DefaultRetention, now: Date): string {
  if (retention.days !== undefined) return new Date(now.getTime() + retention.days * DAY_MS).toISOString();
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + (retention.years ?? 0));
  return until.toISOString();
}

/** Retention and legal hold are set only in a bucket with Object Lock; the Object Lock operations word it with spaces. */
export function requireObjectLockBucket(bucket: BucketRecord): void {
  if (!bucket.objectLock) throw s3Errors.invalidRequest('Bucket is missing Object Lock Configuration');
}

export function noObjectLockConfiguration(): S3Error {
  return new S3Error('NoSuchObjectLockConfiguration', 'The specified object does not have a ObjectLock configuration', 404);
}

/** A retention whose date has passed protects nothing. */
export function activeRetention(lock: ObjectLock | undefined, now = Date.now()): Required<Pick<ObjectLock, 'mode' | 'retainUntilDate'>> | undefined {
  if (!lock?.mode || !lock.retainUntilDate || Date.parse(lock.retainUntilDate) <= now) return undefined;
  return { mode: lock.mode, retainUntilDate: lock.retainUntilDate };
}

export function protectedByObjectLock(): S3Error {
  return s3Errors.accessDenied('Access Denied because object protected by object lock.');
}

/**
 * GOVERNANCE retention yields, when a delete or a retention change needs it, to a
 * request with `x-amz-bypass-governance-retention: true` from a caller allowed
 * s3:BypassGovernanceRetention on the object.
 */
export function requireGovernanceBypass(call: S3Call, key: string): void {
  if (call.request.headers['x-amz-bypass-governance-retention']?.toLowerCase() !== 'true') throw protectedByObjectLock();
  requireAllowed(call, [{ action: 's3:BypassGovernanceRetention', resource: objectArn(call.bucket, key) }]);
}
