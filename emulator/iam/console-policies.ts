import { s3ViaService } from './kms-actions.js';
import type { PolicyDocument } from './policy.js';

/**
 * The permissions of the console's three roles, as plain IAM policy
 * documents: the stack seeds its roles with them, and the deployment template
 * (deploy/) builds its roles' policies from the same statements. Least
 * privilege for what the console does on AWS: no s3:ListAllMyBuckets (a
 * browser cannot call ListBuckets there; the buckets come from config.json)
 * nor s3:GetBucketLocation (HeadBucket tells the region). kms:DescribeKey
 * stays: the wizard checks the chosen key with it.
 */

export const CONSOLE_ROLES = {
  reEncrypt: 'ConsoleReEncryptRole',
  readOnly: 'ConsoleReadOnlyRole',
  guest: 'ConsoleGuestRole',
} as const;

export type ConsoleRoleName = (typeof CONSOLE_ROLES)[keyof typeof CONSOLE_ROLES];

/** The name of each console role's inline policy (PutRolePolicy's PolicyName). */
export const CONSOLE_POLICY_NAME = 'ConsoleAccess';

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

/**
 * What the statements name: lists of ARNs, and the S3 endpoint through which
 * KMS keys are used. Plain strings on the stack; CloudFormation values
 * (a list parameter turned into ARNs, Fn::Sub) in the deployment template.
 */
export interface ConsoleStatementValues<Arns, Text> {
  buckets: Arns;
  /** Every object of those buckets (`BUCKET_ARN/*`). */
  objects: Arns;
  keys: Arns;
  /** The kms:ViaService of the calls S3 makes to KMS for the caller. */
  s3Service: Text;
}

/** A statement of the console's policies, whatever its values are made of (a type, so it is also plain JSON to a template). */
export type ConsoleStatement<Arns, Text> = {
  Sid: string;
  Effect: 'Allow';
  Action: string | readonly string[];
  Resource: Arns | '*';
  Condition?: { StringEquals: { 'kms:ViaService': Text } };
};

const BUCKET_READS = ['s3:ListBucket', 's3:ListBucketVersions', 's3:GetEncryptionConfiguration', 's3:GetBucketVersioning', 's3:GetBucketCORS'];

const OBJECT_READS = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging'];

/** CopyObject in place writes with s3:PutObject, which also covers the multipart upload of a large copy. */
const OBJECT_REWRITES = [
  's3:PutObject',
  's3:PutObjectTagging',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
  's3:UpdateObjectEncryption',
];

/** The resource that stands for every object of a bucket. */
export function bucketObjectsArn(bucketArn: string): string {
  return `${bucketArn}/*`;
}

/** Every KMS key of an account in one region, as a Resource pattern. */
export function accountKeysArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:kms:${region}:${accountId}:key/*`;
}

function scopeValues(scope: ConsolePolicyScope): ConsoleStatementValues<string[], string> {
  const buckets = scope.bucketArns === '*' ? [`arn:${scope.partition}:s3:::*`] : [...scope.bucketArns];
  return {
    buckets,
    objects: buckets.map(bucketObjectsArn),
    keys: scope.kmsKeyArns === '*' ? [accountKeysArn(scope.partition, scope.region, scope.accountId)] : [...scope.kmsKeyArns],
    s3Service: s3ViaService(scope.region),
  };
}

/** The console never calls KMS's cryptographic operations itself: only S3 does, on its behalf. */
function throughS3<Text>(values: ConsoleStatementValues<unknown, Text>) {
  return { StringEquals: { 'kms:ViaService': values.s3Service } };
}

function readStatements<Arns, Text>(values: ConsoleStatementValues<Arns, Text>): ConsoleStatement<Arns, Text>[] {
  return [
    { Sid: 'ReadBuckets', Effect: 'Allow', Action: BUCKET_READS, Resource: values.buckets },
    { Sid: 'ReadObjects', Effect: 'Allow', Action: OBJECT_READS, Resource: values.objects },
    { Sid: 'ListKmsKeys', Effect: 'Allow', Action: ['kms:ListAliases', 'kms:ListKeys'], Resource: '*' },
    { Sid: 'DescribeKmsKeys', Effect: 'Allow', Action: 'kms:DescribeKey', Resource: values.keys },
    { Sid: 'ReadKmsEncryptedObjects', Effect: 'Allow', Action: 'kms:Decrypt', Resource: values.keys, Condition: throughS3(values) },
  ];
}

/** The reads, plus re-encrypting objects in place (CopyObject, multipart copy, UpdateObjectEncryption) under the keys in scope. */
function reEncryptStatements<Arns, Text>(values: ConsoleStatementValues<Arns, Text>): ConsoleStatement<Arns, Text>[] {
  return [
    ...readStatements(values),
    { Sid: 'ReEncryptObjects', Effect: 'Allow', Action: OBJECT_REWRITES, Resource: values.objects },
    {
      Sid: 'EncryptThroughS3',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncrypt*'],
      Resource: values.keys,
      Condition: throughS3(values),
    },
  ];
}

/**
 * Role name → its statements. Read-only users list and read buckets,
 * objects, tags and keys and change nothing; unauthenticated identities may
 * do what read-only users may.
 */
export function consoleRoleStatements<Arns, Text>(
  values: ConsoleStatementValues<Arns, Text>,
): Record<ConsoleRoleName, ConsoleStatement<Arns, Text>[]> {
  return {
    [CONSOLE_ROLES.reEncrypt]: reEncryptStatements(values),
    [CONSOLE_ROLES.readOnly]: readStatements(values),
    [CONSOLE_ROLES.guest]: readStatements(values),
  };
}

/** Role name → its permissions policy. */
export function consoleRolePolicies(scope: ConsolePolicyScope): Record<ConsoleRoleName, PolicyDocument> {
  const statements = consoleRoleStatements(scopeValues(scope));
  const policyOf = (role: ConsoleRoleName): PolicyDocument => ({ Version: '2012-10-17', Statement: statements[role] });
  return {
    [CONSOLE_ROLES.reEncrypt]: policyOf(CONSOLE_ROLES.reEncrypt),
    [CONSOLE_ROLES.readOnly]: policyOf(CONSOLE_ROLES.readOnly),
    [CONSOLE_ROLES.guest]: policyOf(CONSOLE_ROLES.guest),
  };
}

/** Lists and reads buckets, objects, tags and keys; changes nothing. */
export function consoleReadOnlyPolicy(scope: ConsolePolicyScope): PolicyDocument {
  return consoleRolePolicies(scope)[CONSOLE_ROLES.readOnly];
}

/** Unauthenticated identities may do what read-only users may. */
export const consoleGuestPolicy = consoleReadOnlyPolicy;

/** The reads, plus re-encrypting objects in place under the keys in scope. */
export function consoleReEncryptPolicy(scope: ConsolePolicyScope): PolicyDocument {
  return consoleRolePolicies(scope)[CONSOLE_ROLES.reEncrypt];
}
