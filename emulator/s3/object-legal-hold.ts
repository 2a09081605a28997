import { s3Errors } from '../http/s3-error.js';
import { addressedVersion } from './addressed-version.js';
import { xmlReply, type S3Handler } from './call.js';
import { noObjectLockConfiguration, requireObjectLockBucket } from './object-lock.js';
import { getBucket, replaceVersion } from './repository.js';
import { readXmlDocument, xmlText, type XmlElement } from './xml-document.js';

/** GetObjectLegalHold and PutObjectLegalHold: a version's legal hold, ON or OFF, changed in place (no new version). */

export const getObjectLegalHold: S3Handler = (call) => {
  requireObjectLockBucket(getBucket(call.ctx, call.bucket));
  const { version } = addressedVersion(call, 'GET');
  const status = version.objectLock?.legalHold;
  if (!status) throw noObjectLockConfiguration();
  return xmlReply('LegalHold', { Status: status });
};

export const putObjectLegalHold: S3Handler = async (call) => {
  requireObjectLockBucket(getBucket(call.ctx, call.bucket));
  const { bucket, version } = addressedVersion(call, 'PUT');
  const document = await readXmlDocument<XmlElement>(call, 'LegalHold', { integrityRequired: true });
  const status = xmlText(document.Status);
  if (status !== 'ON' && status !== 'OFF') throw s3Errors.malformedXml();
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, objectLock: { ...version.objectLock, legalHold: status } });
  return { status: 200 };
};
