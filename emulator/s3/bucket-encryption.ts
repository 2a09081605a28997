import { S3Error, s3Errors } from '../http/s3-error.js';
import type { S3Handler } from './call.js';
import { xmlReply } from './call.js';
import type { BucketEncryptionRule } from './model.js';
import { getBucket, saveBucket } from './repository.js';
import { readXmlDocument, xmlBoolean, xmlElement, xmlElements, xmlText, xmlTexts, type XmlElement } from './xml-document.js';

/** GetBucketEncryption, PutBucketEncryption and DeleteBucketEncryption (default encryption and the SSE-C block). */

const SSE_ALGORITHMS: readonly string[] = ['AES256', 'aws:kms', 'aws:kms:dsse'];
const ENCRYPTION_TYPES: readonly string[] = ['SSE-C', 'NONE'];

/** SSE-S3, what S3 applies to every bucket without another default since 2023. */
function sseS3(blockedEncryptionTypes: string[]): BucketEncryptionRule {
  return { sseAlgorithm: 'AES256', bucketKeyEnabled: false, blockedEncryptionTypes };
}

export const getBucketEncryption: S3Handler = (call) => {
  const { encryption = sseS3([]) } = getBucket(call.ctx, call.bucket);
  return xmlReply('ServerSideEncryptionConfiguration', {
    Rule: {
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: encryption.sseAlgorithm, KMSMasterKeyID: encryption.kmsMasterKeyId },
      BucketKeyEnabled: encryption.bucketKeyEnabled,
      // S3 reports an unblocked bucket as NONE rather than leaving the element out.
      BlockedEncryptionTypes: {
        EncryptionType: encryption.blockedEncryptionTypes.length > 0 ? encryption.blockedEncryptionTypes : ['NONE'],
      },
    },
  });
};

export const putBucketEncryption: S3Handler = async (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  const document = await readXmlDocument<XmlElement>(call, 'ServerSideEncryptionConfiguration');
  const rules = xmlElements(document.Rule);
  if (rules.length !== 1) throw s3Errors.malformedXml();
  saveBucket(call.ctx, { ...bucket, encryption: readRule(rules[0], bucket.encryption) });
  return { status: 200 };
};

/**
 * DeleteBucketEncryption resets the default encryption to SSE-S3 and leaves the SSE-C block
 * as it was. S3 treats BlockedEncryptionTypes as a setting of its own: a PutBucketEncryption
 * that leaves it out does not change it (Terraform's perpetual diff on blocked_encryption_types,
 * hashicorp/terraform-provider-aws#47320), and buckets made since April 2026 start blocked.
 * Keeping it means removing a default never re-opens SSE-C writes, nor closes them on a bucket
 * that opened them on purpose.
 */
export const deleteBucketEncryption: S3Handler = (call) => {
  const bucket = getBucket(call.ctx, call.bucket);
  saveBucket(call.ctx, { ...bucket, encryption: sseS3(bucket.encryption?.blockedEncryptionTypes ?? []) });
  return { status: 204 };
};

/**
 * One ServerSideEncryptionRule. A rule may carry only BlockedEncryptionTypes (to block or
 * unblock SSE-C without choosing a default), which keeps SSE-S3. KMSMasterKeyID is kept as
 * given: S3 resolves it when an object is written, and a key that does not exist fails that
 * write with KMS.NotFoundException, not this call.
 */
function readRule(rule: XmlElement, current: BucketEncryptionRule | undefined): BucketEncryptionRule {
  const byDefault = xmlElement(rule.ApplyServerSideEncryptionByDefault);
  const blocked = xmlElement(rule.BlockedEncryptionTypes);
  if (!byDefault && !blocked) throw s3Errors.malformedXml();
  const sseAlgorithm = byDefault ? readAlgorithm(byDefault) : 'AES256';
  const kmsMasterKeyId = xmlText(byDefault?.KMSMasterKeyID);
  if (kmsMasterKeyId !== undefined && sseAlgorithm === 'AES256') {
    throw new S3Error('InvalidArgument', 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', 400, {
      ArgumentName: 'ApplyServerSideEncryptionByDefault',
    });
  }
  return {
    sseAlgorithm,
    kmsMasterKeyId,
    bucketKeyEnabled: xmlBoolean(rule.BucketKeyEnabled) ?? false,
    blockedEncryptionTypes: blocked ? readEncryptionTypes(blocked) : (current?.blockedEncryptionTypes ?? []),
  };
}

function readAlgorithm(byDefault: XmlElement): BucketEncryptionRule['sseAlgorithm'] {
  const algorithm = xmlText(byDefault.SSEAlgorithm);
  if (algorithm === undefined || !SSE_ALGORITHMS.includes(algorithm)) throw s3Errors.malformedXml();
  return algorithm as BucketEncryptionRule['sseAlgorithm'];
}

function readEncryptionTypes(blocked: XmlElement): string[] {
  const types = xmlTexts(blocked.EncryptionType);
  if (types.some((type) => !ENCRYPTION_TYPES.includes(type))) throw s3Errors.malformedXml();
  return types;
}
