import { CopyObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { httpStatusOf, toAwsProblem, type AwsProblem } from '../domain/aws-error';
import type { CustomerKey } from '../domain/customer-key';
import type { TargetEncryption } from '../domain/jobs/target-encryption';
import type { ObjectAddress } from '../domain/s3-object';
import { copySourceOf } from './copy-object';
import { copySourceCustomerKeyFields, writeEncryptionFields } from './write-encryption';

/** An ETag no object has: S3 refuses the copy with 412 after authorizing it, so nothing is written. */
export const IMPOSSIBLE_ETAG = '"00000000000000000000000000000000"';

export type DryRunVerdict = { status: 'allowed' } | { status: 'refused'; problem: AwsProblem } | { status: 'unknown'; problem: AwsProblem };

/**
 * Asks S3 whether the role may re-encrypt this object, without changing it:
 * a CopyObject onto itself with the chosen encryption, conditional on an ETag
 * that cannot match. S3 authorizes a request (s3:PutObject, the KMS key)
 * before it evaluates conditions, so 412 PreconditionFailed means allowed and
 * 403 AccessDenied names what is missing.
 */
export async function dryRunCopy(
  s3: S3Client,
  object: ObjectAddress,
  target: TargetEncryption,
  sourceCustomerKey?: CustomerKey,
): Promise<DryRunVerdict> {
  try {
    await s3.send(
      new CopyObjectCommand({
        Bucket: object.bucket,
        Key: object.key,
        CopySource: copySourceOf(object),
        CopySourceIfMatch: IMPOSSIBLE_ETAG,
        MetadataDirective: 'COPY',
        ...copySourceCustomerKeyFields(sourceCustomerKey),
        ...writeEncryptionFields(target),
      }),
    );
    return {
      status: 'unknown',
      problem: {
        code: 'Unexpected',
        message: 'S3 accepted a copy that should have been refused (412): it ignores CopySourceIfMatch.',
        retryable: false,
      },
    };
  } catch (error) {
    const problem = toAwsProblem(error);
    const status = httpStatusOf(error);
    if (status === 412) return { status: 'allowed' };
    if (status === 403 || problem.code === 'AccessDenied' || problem.code === 'AccessDeniedException') return { status: 'refused', problem };
    return { status: 'unknown', problem };
  }
}
