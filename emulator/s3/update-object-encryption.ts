import type { StackContext } from '../context.js';
import { s3Errors } from '../http/s3-error.js';
import { queryValue } from '../http/request.js';
import { requireKeyUse } from './authorization.js';
import type { S3Call, S3Handler } from './call.js';
import type { ObjectLock, ObjectSse } from './model.js';
import { activeRetention } from './object-lock.js';
import { findVersion, getBucket, replaceVersion } from './repository.js';
import { relayKmsErrors, resolveWriteSse } from './sse.js';
import { readXmlDocument, xmlElement, xmlText, type XmlElement } from './xml-document.js';

/** The `SSE-KMS` member of the `<ObjectEncryption>` body, the only target S3 accepts. */
interface TargetEncryption {
  keyArn: string;
  bucketKeyEnabled: boolean;
}

/** KMSKeyArn must be a key ARN: key ids and aliases are refused. */
const KMS_KEY_ARN = /^arn:aws[a-zA-Z0-9-]*:kms:[a-z0-9-]+:([0-9]{12}):key\/[a-zA-Z0-9-]+$/;

const MESSAGES = {
  unencryptedSource:
    "The UpdateObjectEncryption operation doesn't supported unencrypted source objects. Only source objects encrypted with SSE-S3 or SSE-KMS are supported.",
  unsupportedSource:
    "The UpdateObjectEncryption operation doesn't support source objects with the encryption type DSSE-KMS or SSE-C. Only source objects encrypted with SSE-S3 or SSE-KMS are supported.",
  unsupportedTarget:
    "The UpdateObjectEncryption operation doesn't support updating the encryption type to DSSE-KMS or SSE-C. Modify the request to specify SSE-KMS for the updated encryption type, and then try again.",
  invalidTarget:
    'Requests that modify an object encryption configuration require a valid new encryption type. Valid values are SSEKMS. Modify the request to specify SSE-KMS for the updated encryption type, and then try again.',
  missingKeyArn:
    "Requests that modify an object's encryption type to SSE-KMS require an AWS KMS key Amazon Resource Name (ARN). Modify the request to specify a KMS key ARN, and then try again.",
  invalidKeyArn:
    "Requests that modify an object's encryption type to SSE-KMS require a valid AWS KMS key Amazon Resource Name (ARN). Confirm that you have a correctly formatted KMS key ARN in your request, and then try again.",
  invalidBucketKey:
    "The BucketKeyEnabled value isn't valid. Valid values are true or false. Modify the request to specify a valid value, and then try again.",
  otherAccountKey:
    'The AWS KMS key in the request must be owned by the same account as the bucket. Modify the request to specify a KMS key from the same account, and then try again.',
  objectLocked:
    "The encryption type for the specified object can’t be updated because that object is protected by S3 Object Lock. If the object has a governance-mode retention period or a legal hold, you must first remove the Object Lock status on the object before you issue your UpdateObjectEncryption request. You can't use the UpdateObjectEncryption operation with objects that have an Object Lock compliance mode retention period applied to them.",
};

/**
 * UpdateObjectEncryption (PUT /key?encryption): moves an SSE-S3 or SSE-KMS
 * object to SSE-KMS under the named key, or turns its bucket key on, by
 * re-wrapping its data key. No bytes are copied and no version is made, so
 * ETag, Last-Modified, storage class, checksum and version id stay.
 */
export const updateObjectEncryption: S3Handler = async (call) => {
  const target = await readTargetEncryption(call);
  const bucket = getBucket(call.ctx, call.bucket);
  const version = findVersion(call.ctx, call.bucket, call.key, queryValue(call.request.query, 'versionId'));
  refuseUnsupportedSource(version.sse);
  if (isLocked(version.objectLock)) throw s3Errors.accessDenied(MESSAGES.objectLocked);
  requireSameAccount(call.ctx, target.keyArn);
  const { sse, sealing } = resolveWriteSse(call.ctx, bucket, call.key, {
    algorithm: 'aws:kms',
    kmsKeyId: target.keyArn,
    bucketKeyEnabled: target.bucketKeyEnabled,
  });
  // The operation's Permissions: kms:Encrypt, Decrypt, GenerateDataKey and ReEncrypt*, here split between the two keys.
  requireKeyUse(call, version.sse, ['kms:Decrypt', 'kms:ReEncryptFrom']);
  requireKeyUse(call, sse, ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptTo']);
  const body = version.body;
  const rewrapped = body && relayKmsErrors(() => call.ctx.atRest.rewrapKms(body, target.keyArn, sealing.kmsContext));
  replaceVersion(call.ctx, bucket.name, call.key, { ...version, sse, body: rewrapped });
  return { status: 200 };
};

/** The API requires Content-MD5 or an x-amz-checksum-* of the body. */
async function readTargetEncryption(call: S3Call): Promise<TargetEncryption> {
  const request = await readXmlDocument<XmlElement>(call, 'ObjectEncryption', { integrityRequired: true });
  const kms = xmlElement(request['SSE-KMS']);
  if (!kms) {
    const asksForUnsupported = ['DSSE-KMS', 'SSE-C'].some((name) => name in request);
    throw s3Errors.invalidRequest(asksForUnsupported ? MESSAGES.unsupportedTarget : MESSAGES.invalidTarget);
  }
  const keyArn = xmlText(kms.KMSKeyArn);
  const bucketKey = xmlText(kms.BucketKeyEnabled);
  if (!keyArn) throw s3Errors.invalidRequest(MESSAGES.missingKeyArn);
  if (!KMS_KEY_ARN.test(keyArn)) throw s3Errors.invalidRequest(MESSAGES.invalidKeyArn);
  if (bucketKey !== undefined && bucketKey !== 'true' && bucketKey !== 'false') {
    throw s3Errors.invalidRequest(MESSAGES.invalidBucketKey);
  }
  return { keyArn, bucketKeyEnabled: bucketKey === 'true' };
}

function refuseUnsupportedSource(sse: ObjectSse): void {
  if (sse.type === 'NONE') throw s3Errors.invalidRequest(MESSAGES.unencryptedSource);
  if (sse.type === 'aws:kms:dsse' || sse.type === 'SSE-C') throw s3Errors.invalidRequest(MESSAGES.unsupportedSource);
}

/** A legal hold, or a retention period (governance or compliance) not yet over. */
function isLocked(lock: ObjectLock | undefined): boolean {
  return lock?.legalHold === 'ON' || activeRetention(lock) !== undefined;
}

function requireSameAccount(ctx: StackContext, keyArn: string): void {
  const account = KMS_KEY_ARN.exec(keyArn)?.[1];
  if (account !== ctx.options.accountId) throw s3Errors.accessDenied(MESSAGES.otherAccountKey);
}
