import { s3Errors } from '../http/s3-error.js';
import { accessDeniedMessage } from '../iam/access-denied.js';
import { kmsActionsViaS3 } from '../iam/kms-actions.js';
import type { AuthorizationRequest } from '../iam/policy.js';
import type { S3Call } from './call.js';
import type { ObjectSse } from './model.js';

/** Refuses the call with 403 AccessDenied naming the first of `requests` the caller's role may not make. */
export function requireAllowed(call: S3Call, requests: readonly AuthorizationRequest[]): void {
  const denial = call.ctx.iam.authorize(call.auth.credentials, requests, {
    'aws:SecureTransport': String(call.request.secure),
  });
  if (denial) throw s3Errors.accessDenied(accessDeniedMessage(denial));
}

/**
 * S3 calls KMS with the caller's own permissions when it encrypts or decrypts
 * an SSE-KMS or DSSE-KMS object for them, and answers 403 AccessDenied naming
 * the kms: action they lack. The AWS managed key (aws/s3) is exempt: its key
 * policy lets everyone in the account use it through S3.
 */
export function requireKeyUse(call: S3Call, sse: ObjectSse, actions: readonly string[]): void {
  if (sse.type !== 'aws:kms' && sse.type !== 'aws:kms:dsse') return;
  if (call.ctx.kms.find(sse.keyArn)?.keyManager === 'AWS') return;
  requireAllowed(call, kmsActionsViaS3(actions, sse.keyArn, call.ctx.options.region));
}
