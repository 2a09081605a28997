import { operationActions, type ActionMapping as Mapping, type AuthorizationRequest } from './policy.js';

/** What of an S3 request decides the IAM actions and resources it needs. */
export interface S3RequestTarget {
  bucket: string;
  key: string;
  /** `?versionId=`: a version's own actions (s3:GetObjectVersion, …) apply. */
  versionId?: string;
  /** `?prefix=` of a listing, the s3:prefix condition key. */
  prefix?: string;
  /** The decoded `x-amz-copy-source` of CopyObject and UploadPartCopy. */
  copySource?: { bucket: string; key: string; versionId?: string };
  /** An `x-amz-tagging` header: the write sets tags too, which needs s3:PutObjectTagging. */
  tagging?: boolean;
  /**
   * The write's `x-amz-server-side-encryption` and `…-aws-kms-key-id` headers, as sent: the
   * condition keys s3:x-amz-server-side-encryption and s3:x-amz-server-side-encryption-aws-kms-key-id.
   */
  serverSideEncryption?: { algorithm?: string; kmsKeyId?: string };
}

type ActionMapping = Mapping<S3RequestTarget>;

export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string) => `${bucketArn(bucket)}/${key}`;

const onBucket =
  (action: string): ActionMapping =>
  ({ bucket }) => [{ action, resource: bucketArn(bucket) }];

const listing =
  (action: string): ActionMapping =>
  ({ bucket, prefix }) => [{ action, resource: bucketArn(bucket), ...(prefix === undefined ? {} : { context: { 's3:prefix': prefix } }) }];

/** An object action, or its version's counterpart when the request names a version. */
const onObject =
  (action: string, versionAction = action): ActionMapping =>
  ({ bucket, key, versionId }) => [{ action: versionId === undefined ? action : versionAction, resource: objectArn(bucket, key) }];

const readObject = onObject('s3:GetObject', 's3:GetObjectVersion');

/** The SSE condition keys of a write, each present only when its header was sent, as on S3. */
function encryptionConditionKeys(sse: S3RequestTarget['serverSideEncryption']): Record<string, string> {
  return {
    ...(sse?.algorithm === undefined ? {} : { 's3:x-amz-server-side-encryption': sse.algorithm }),
    ...(sse?.kmsKeyId === undefined ? {} : { 's3:x-amz-server-side-encryption-aws-kms-key-id': sse.kmsKeyId }),
  };
}

const writeObject: ActionMapping = (target) => [
  { action: 's3:PutObject', resource: objectArn(target.bucket, target.key), context: encryptionConditionKeys(target.serverSideEncryption) },
  ...(target.tagging ? [{ action: 's3:PutObjectTagging', resource: objectArn(target.bucket, target.key) }] : []),
];

/** A copy writes the destination and reads the source (s3:GetObjectVersion when the source names a version). */
const copyObject: ActionMapping = (target) => [...writeObject(target), ...(target.copySource ? readObject(target.copySource) : [])];

/**
 * Each S3 operation the stack implements (s3/handlers.ts) → the IAM actions and resources it needs,
 * as the Service Authorization Reference ("Actions, resources, and condition
 * keys for Amazon S3") and each operation's Permissions section give them.
 */
export const S3_OPERATION_ACTIONS: Readonly<Record<string, ActionMapping>> = {
  ListBuckets: () => [{ action: 's3:ListAllMyBuckets', resource: '*' }],
  CreateBucket: onBucket('s3:CreateBucket'),
  DeleteBucket: onBucket('s3:DeleteBucket'),
  HeadBucket: onBucket('s3:ListBucket'),
  GetBucketLocation: onBucket('s3:GetBucketLocation'),
  GetBucketEncryption: onBucket('s3:GetEncryptionConfiguration'),
  PutBucketEncryption: onBucket('s3:PutEncryptionConfiguration'),
  DeleteBucketEncryption: onBucket('s3:PutEncryptionConfiguration'),
  GetBucketCors: onBucket('s3:GetBucketCORS'),
  PutBucketCors: onBucket('s3:PutBucketCORS'),
  DeleteBucketCors: onBucket('s3:PutBucketCORS'),
  GetBucketVersioning: onBucket('s3:GetBucketVersioning'),
  PutBucketVersioning: onBucket('s3:PutBucketVersioning'),
  GetObjectLockConfiguration: onBucket('s3:GetBucketObjectLockConfiguration'),
  PutObjectLockConfiguration: onBucket('s3:PutBucketObjectLockConfiguration'),
  GetBucketTagging: onBucket('s3:GetBucketTagging'),
  PutBucketTagging: onBucket('s3:PutBucketTagging'),
  DeleteBucketTagging: onBucket('s3:PutBucketTagging'),
  ListObjects: listing('s3:ListBucket'),
  ListObjectsV2: listing('s3:ListBucket'),
  ListObjectVersions: listing('s3:ListBucketVersions'),
  ListMultipartUploads: onBucket('s3:ListBucketMultipartUploads'),
  HeadObject: readObject,
  GetObject: readObject,
  PutObject: writeObject,
  CopyObject: copyObject,
  DeleteObject: onObject('s3:DeleteObject', 's3:DeleteObjectVersion'),
  // Authorized key by key (deleteObjectsEntryActions): S3 reports a refused key among the others' results.
  DeleteObjects: () => [],
  GetObjectTagging: onObject('s3:GetObjectTagging', 's3:GetObjectVersionTagging'),
  PutObjectTagging: onObject('s3:PutObjectTagging', 's3:PutObjectVersionTagging'),
  DeleteObjectTagging: onObject('s3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging'),
  // A version's retention and legal hold have no version actions of their own; bypassing GOVERNANCE is checked when a change needs it.
  GetObjectRetention: onObject('s3:GetObjectRetention'),
  PutObjectRetention: onObject('s3:PutObjectRetention'),
  GetObjectLegalHold: onObject('s3:GetObjectLegalHold'),
  PutObjectLegalHold: onObject('s3:PutObjectLegalHold'),
  GetObjectAttributes: (target) => [...readObject(target), ...onObject('s3:GetObjectAttributes', 's3:GetObjectVersionAttributes')(target)],
  UpdateObjectEncryption: ({ bucket, key }) => [
    { action: 's3:UpdateObjectEncryption', resource: objectArn(bucket, key) },
    { action: 's3:PutObject', resource: objectArn(bucket, key) },
  ],
  CreateMultipartUpload: writeObject,
  UploadPart: onObject('s3:PutObject'),
  UploadPartCopy: (target) => copyObject({ ...target, tagging: false }),
  CompleteMultipartUpload: onObject('s3:PutObject'),
  AbortMultipartUpload: onObject('s3:AbortMultipartUpload'),
  ListParts: onObject('s3:ListMultipartUploadParts'),
};

export function s3OperationActions(operation: string, target: S3RequestTarget): AuthorizationRequest[] {
  return operationActions(S3_OPERATION_ACTIONS, operation, target);
}

/** One `<Object>` of a DeleteObjects request, authorized as a DeleteObject of that key (or version). */
export function deleteObjectsEntryActions(bucket: string, key: string, versionId: string | undefined): AuthorizationRequest[] {
  return s3OperationActions('DeleteObject', { bucket, key, versionId });
}
