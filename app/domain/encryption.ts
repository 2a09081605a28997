/**
 * How S3 reports an object's encryption, and what the console can conclude
 * from it. Pure: fed by HeadObject results and errors, used by every view.
 */

/** S3 Inventory's names for the kinds of encryption (EncryptionStatus). */
export type EncryptionKind = 'NOT-SSE' | 'SSE-S3' | 'SSE-KMS' | 'DSSE-KMS' | 'SSE-C';

export const ENCRYPTION_KINDS: readonly EncryptionKind[] = ['NOT-SSE', 'SSE-S3', 'SSE-KMS', 'DSSE-KMS', 'SSE-C'];

export interface ObjectEncryption {
  kind: EncryptionKind;
  kmsKeyArn?: string;
  bucketKeyEnabled?: boolean;
  customerAlgorithm?: string;
  customerKeyMd5?: string;
}

/** Why the console could not tell how an object is encrypted. */
export type UnreadableReason =
  'sse-c-key-required' | 'sse-c-key-wrong' | 'headers-hidden-by-cors' | 'headers-unverified' | 'access-denied' | 'not-found' | 'error';

export type EncryptionReading =
  { status: 'read'; encryption: ObjectEncryption } | { status: 'unreadable'; reason: UnreadableReason; message: string };

/** The encryption fields of a HeadObject response, as the SDK names them. */
export interface EncryptionHeaders {
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
}

/**
 * Whether a browser can see the encryption headers of a bucket's objects:
 * only headers its CORS rules expose are readable, and a hidden header looks
 * exactly like an absent one.
 */
export type HeaderVisibility = 'exposed' | 'hidden' | 'unverified';

const UNREADABLE_MESSAGES: Record<UnreadableReason, string> = {
  'sse-c-key-required': 'Encrypted with a customer-provided key (SSE-C): S3 shows its properties only to requests that bring the key.',
  'sse-c-key-wrong': 'The SSE-C key given does not match the key the object was encrypted with.',
  'headers-hidden-by-cors': "The bucket's CORS rules do not expose the encryption headers, so the browser cannot read them.",
  'headers-unverified': "The bucket's CORS rules could not be read, so a missing encryption header may only be hidden.",
  'access-denied': 'Access denied: the role may not read this object (s3:GetObject).',
  'not-found': 'The object no longer exists.',
  error: 'S3 did not answer.',
};

export function unreadable(reason: UnreadableReason, message = UNREADABLE_MESSAGES[reason]): EncryptionReading {
  return { status: 'unreadable', reason, message };
}

/** Reads the kind from HeadObject's headers; an object with none is NOT-SSE only when the headers are visible. */
export function classifyEncryptionHeaders(headers: EncryptionHeaders, visibility: HeaderVisibility): EncryptionReading {
  if (headers.SSECustomerAlgorithm) {
    return {
      status: 'read',
      encryption: { kind: 'SSE-C', customerAlgorithm: headers.SSECustomerAlgorithm, customerKeyMd5: headers.SSECustomerKeyMD5 },
    };
  }
  switch (headers.ServerSideEncryption) {
    case 'AES256':
      return { status: 'read', encryption: { kind: 'SSE-S3' } };
    case 'aws:kms':
      return {
        status: 'read',
        encryption: { kind: 'SSE-KMS', kmsKeyArn: headers.SSEKMSKeyId, bucketKeyEnabled: headers.BucketKeyEnabled === true },
      };
    case 'aws:kms:dsse':
      return { status: 'read', encryption: { kind: 'DSSE-KMS', kmsKeyArn: headers.SSEKMSKeyId } };
    case undefined:
      if (visibility === 'hidden') return unreadable('headers-hidden-by-cors');
      if (visibility === 'unverified') return unreadable('headers-unverified');
      return { status: 'read', encryption: { kind: 'NOT-SSE' } };
    default:
      return unreadable('error', `S3 reported an encryption this console does not know: ${headers.ServerSideEncryption}.`);
  }
}

/**
 * Reads a failed HeadObject. HEAD responses carry no error body, so only the
 * status tells: 400 is S3's answer for an SSE-C object asked without its key,
 * 403 with a key is a wrong key.
 */
export function classifyHeadFailure(status: number | undefined, sentCustomerKey: boolean, message?: string): EncryptionReading {
  if (status === 400 && !sentCustomerKey) return unreadable('sse-c-key-required');
  if (status === 403) return unreadable(sentCustomerKey ? 'sse-c-key-wrong' : 'access-denied');
  if (status === 404) return unreadable('not-found');
  return unreadable('error', message ?? UNREADABLE_MESSAGES.error);
}

export function kindLabel(kind: EncryptionKind): string {
  return kind === 'NOT-SSE' ? 'Not encrypted' : kind;
}
