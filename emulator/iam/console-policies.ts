import type { PolicyDocument, PolicyStatement } from './policy.js';

/**
 * The permissions of the console's three roles, as plain IAM policy
 * documents: the stack seeds its roles with them, and a deployment template
 * can emit the same JSON. Least privilege for what the console does.
 */

export const CONSOLE_ROLES = {
  reEncrypt: 'ConsoleReEncryptRole',
  readOnly: 'ConsoleReadOnlyRole',
  guest: 'ConsoleGuestRole',
} as const;

export interface ConsolePolicyScope {
  /** 'aws', 'aws-cn', 'aws-us-gov'. */
  partition: string;
  region: string;
  accountId: string;
  /** The buckets the console works on (`arn:aws:s3:::NAME`), or '*' for all of them. */
  bucketArns: readonly string[] | '*';
  /** The KMS keys it may use (key ARNs), or '*' for every key of the account in the region. */
  kmsKeyArns: readonly string[] | '*';
}

const BUCKET_READS = [
  's3:ListBucket',
  's3:ListBucketVersions',
  's3:GetBucketLocation',
  's3:GetEncryptionConfiguration',
  's3:GetBucketVersioning',
  's3:GetBucketCORS',
];

const OBJECT_READS = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging'];

/** CopyObject in place writes with s3:PutObject, which also covers the multipart upload of a large copy. */
const OBJECT_REWRITES = [
  's3:PutObject',
  's3:PutObjectTagging',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
  's3:UpdateObjectEncryption',
];

function resources(scope: ConsolePolicyScope) {
  const buckets = scope.bucketArns === '*' ? [`arn:${scope.partition}:s3:::*`] : [...scope.bucketArns];
  return {
    buckets,
    objects: buckets.map((arn) => `${arn}/*`),
    keys: scope.kmsKeyArns === '*' ? [`arn:${scope.partition}:kms:${scope.region}:${scope.accountId}:key/*`] : [...scope.kmsKeyArns],
    // The console never calls KMS's cryptographic operations itself: only S3 does, on its behalf.
    throughS3: { StringEquals: { 'kms:ViaService': `s3.${scope.region}.amazonaws.com` } },
  };
}

function readStatements(scope: ConsolePolicyScope): PolicyStatement[] {
  const { buckets, objects, keys, throughS3 } = resources(scope);
  return [
    { Sid: 'ListBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
    { Sid: 'ReadBuckets', Effect: 'Allow', Action: BUCKET_READS, Resource: buckets },
    { Sid: 'ReadObjects', Effect: 'Allow', Action: OBJECT_READS, Resource: objects },
    { Sid: 'ListKmsKeys', Effect: 'Allow', Action: ['kms:ListAliases', 'kms:ListKeys'], Resource: '*' },
    { Sid: 'DescribeKmsKeys', Effect: 'Allow', Action: 'kms:DescribeKey', Resource: keys },
    { Sid: 'ReadKmsEncryptedObjects', Effect: 'Allow', Action: 'kms:Decrypt', Resource: keys, Condition: throughS3 },
  ];
}

/** Lists and reads buckets, objects, tags and keys; changes nothing. */
export function consoleReadOnlyPolicy(scope: ConsolePolicyScope): PolicyDocument {
  return { Version: '2012-10-17', Statement: readStatements(scope) };
}

/** Unauthenticated identities may do what read-only users may. */
export const consoleGuestPolicy = consoleReadOnlyPolicy;

/** The reads, plus re-encrypting objects in place (CopyObject, multipart copy, UpdateObjectEncryption) under the keys in scope. */
export function consoleReEncryptPolicy(scope: ConsolePolicyScope): PolicyDocument {
  const { objects, keys, throughS3 } = resources(scope);
  return {
    Version: '2012-10-17',
    Statement: [
      ...readStatements(scope),
      { Sid: 'ReEncryptObjects', Effect: 'Allow', Action: OBJECT_REWRITES, Resource: objects },
      {
        Sid: 'EncryptThroughS3',
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncrypt*'],
        Resource: keys,
        Condition: throughS3,
      },
    ],
  };
}

/** Role name → its permissions policy. */
export function consoleRolePolicies(scope: ConsolePolicyScope): Record<string, PolicyDocument> {
  return {
    [CONSOLE_ROLES.reEncrypt]: consoleReEncryptPolicy(scope),
    [CONSOLE_ROLES.readOnly]: consoleReadOnlyPolicy(scope),
    [CONSOLE_ROLES.guest]: consoleGuestPolicy(scope),
  };
}
