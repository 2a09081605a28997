import { s3Errors } from '../http/s3-error.js';
import { xmlReply, type S3Handler } from './call.js';
import { OBJECT_LOCK_RETENTION_MODES, type BucketObjectLock, type DefaultRetention, type ObjectLockRetentionMode } from './model.js';
import { getBucket, saveBucket } from './repository.js';
import { readXmlDocument, xmlElement, xmlElements, xmlInteger, xmlText, type XmlElement } from './xml-document.js';

/** GetObjectLockConfiguration and PutObjectLockConfiguration: Object Lock and its default retention on a bucket. */

export const getObjectLockConfiguration: S3Handler = (call) => {
  const { objectLock } = getBucket(call.ctx, call.bucket);
  if (!objectLock) throw s3Errors.objectLockConfigurationNotFound(call.bucket);
  const retention = objectLock.defaultRetention;
  return xmlReply('ObjectLockConfiguration', {
    ObjectLockEnabled: 'Enabled',
    ...(retention ? { Rule: { DefaultRetention: { Mode: retention.mode, Days: retention.days, Years: retention.years } } } : {}),
  });
};

/**
 * Enables Object Lock on an existing bucket, which must already be versioned,
 * or replaces the default retention of one that has it. A configuration
 * without a Rule removes the default retention; Object Lock stays on.
 */
export const putObjectLockConfiguration: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  if (bucket.versioning !== 'Enabled') {
    throw s3Errors.invalidBucketState("Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
  }
  const document = await readXmlDocument<XmlElement>(call, 'ObjectLockConfiguration', { integrityRequired: true });
  if (xmlText(document.ObjectLockEnabled) !== 'Enabled') throw s3Errors.malformedXml();
  saveBucket(call.ctx, { ...bucket, objectLock: readConfiguration(document) });
  return { status: 200 };
};

function readConfiguration(document: XmlElement): BucketObjectLock {
  const rules = xmlElements(document.Rule);
  if (rules.length === 0) return {};
  const retention = rules.length === 1 ? xmlElement(rules[0].DefaultRetention) : undefined;
  if (!retention) throw s3Errors.malformedXml();
  return { defaultRetention: readDefaultRetention(retention) };
}

/** A mode and exactly one of Days or Years. */
function readDefaultRetention(retention: XmlElement): DefaultRetention {
  const mode = xmlText(retention.Mode);
  const days = xmlInteger(retention.Days);
  const years = xmlInteger(retention.Years);
  if (!OBJECT_LOCK_RETENTION_MODES.includes(mode as ObjectLockRetentionMode) || (days === undefined) === (years === undefined)) {
    throw s3Errors.malformedXml();
  }
  const retentionMode = mode as ObjectLockRetentionMode;
  return days === undefined
    ? { mode: retentionMode, years: positivePeriod('Years', years!) }
    : { mode: retentionMode, days: positivePeriod('Days', days) };
}

function positivePeriod(name: string, period: number): number {
  if (period <= 0) throw s3Errors.invalidArgument('Default retention period must be a positive integer value', name, String(period));
  return period;
}
