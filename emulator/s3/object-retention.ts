import { s3Errors } from '../http/s3-error.js';
import { addressedVersion } from './addressed-version.js';
import { xmlReply, type S3Handler } from './call.js';
import { OBJECT_LOCK_RETENTION_MODES, type ObjectLockRetentionMode } from './model.js';
import {
  activeRetention,
  noObjectLockConfiguration,
  protectedByObjectLock,
  requireGovernanceBypass,
  requireObjectLockBucket,
} from './object-lock.js';
import { getBucket, replaceVersion } from './repository.js';
import { readXmlDocument, xmlText, type XmlElement } from './xml-document.js';

/**
 * GetObjectRetention and PutObjectRetention: a version's retention, changed in
 * place (no new version). Retention may always be lengthened; GOVERNANCE may be
 * shortened or removed only with x-amz-bypass-governance-retention and
 * s3:BypassGovernanceRetention; COMPLIANCE never, not even to GOVERNANCE.
 */

type Retention = { mode: ObjectLockRetentionMode; retainUntilDate: string };

export const getObjectRetention: S3Handler = (call) => {
  requireObjectLockBucket(getBucket(call.ctx, call.bucket));
  const { version } = addressedVersion(call, 'GET');
  const lock = version.objectLock;
  if (!lock?.mode || !lock.retainUntilDate) throw noObjectLockConfiguration();
  return xmlReply('Retention', { Mode: lock.mode, RetainUntilDate: lock.retainUntilDate });
};

export const putObjectRetention: S3Handler = async (call) => {
  requireObjectLockBucket(getBucket(call.ctx, call.bucket));
  const { bucket, version } = addressedVersion(call, 'PUT');
  const requested = readRetention(await readXmlDocument<XmlElement>(call, 'Retention', { integrityRequired: true }));
  const current = activeRetention(version.objectLock);
  if (current && weakens(current, requested)) {
    if (current.mode === 'COMPLIANCE') throw protectedByObjectLock();
    requireGovernanceBypass(call, call.key);
  }
  const objectLock = { legalHold: version.objectLock?.legalHold, ...requested };
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, objectLock });
  return { status: 200 };
};

/** `<Retention>` with a mode and a future date, or empty to remove the retention. */
function readRetention(document: XmlElement): Retention | undefined {
  const mode = xmlText(document.Mode);
  const date = xmlText(document.RetainUntilDate);
  if (mode === undefined && date === undefined) return undefined;
  if (mode === undefined || date === undefined || !OBJECT_LOCK_RETENTION_MODES.includes(mode as ObjectLockRetentionMode)) {
    throw s3Errors.malformedXml();
  }
  const until = Date.parse(date);
  if (Number.isNaN(until)) throw s3Errors.malformedXml();
  if (until <= Date.now()) throw s3Errors.invalidArgument('The retain until date must be in the future!');
  return { mode: mode as ObjectLockRetentionMode, retainUntilDate: new Date(until).toISOString() };
}

function weakens(current: Retention, requested: Retention | undefined): boolean {
  if (!requested) return true;
  if (current.mode === 'COMPLIANCE' && requested.mode === 'GOVERNANCE') return true;
  return Date.parse(requested.retainUntilDate) < Date.parse(current.retainUntilDate);
}
