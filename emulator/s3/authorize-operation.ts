import { queryValue } from '../http/request.js';
import { s3OperationActions } from '../iam/s3-actions.js';
import { requireAllowed } from './authorization.js';
import type { S3Call } from './call.js';
import { parseCopySource } from './copy-source.js';

/** Checks the IAM permissions an S3 operation needs before its handler runs. */
export function authorizeOperation(call: S3Call): void {
  const { query, headers } = call.request;
  const copySource = headers['x-amz-copy-source'];
  const requests = s3OperationActions(call.operation, {
    bucket: call.bucket,
    key: call.key,
    versionId: queryValue(query, 'versionId'),
    prefix: queryValue(query, 'prefix'),
    copySource: copySource === undefined ? undefined : parseCopySource(copySource),
    tagging: headers['x-amz-tagging'] !== undefined,
    serverSideEncryption: {
      algorithm: headers['x-amz-server-side-encryption'],
      kmsKeyId: headers['x-amz-server-side-encryption-aws-kms-key-id'],
    },
  });
  requireAllowed(call, requests);
}
