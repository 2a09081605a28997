import { describe, expect, it } from 'vitest';
import { CONSOLE_ROLES, consoleRolePolicies, type ConsoleRoleName } from '../emulator/iam/console-policies.js';
import { evaluatePolicies, type Decision } from '../emulator/iam/evaluate.js';
import { kmsActionsViaS3, kmsOperationActions } from '../emulator/iam/kms-actions.js';
import type { AuthorizationRequest, PolicyDocument } from '../emulator/iam/policy.js';
import { bucketArn, s3OperationActions, type S3RequestTarget } from '../emulator/iam/s3-actions.js';
import type { ResolvedStack } from './resolve-intrinsics.js';
import { ACCOUNT_ID, APPROVED_KEY, deployConsoleStack, kmsKeyArnOf, LISTED_BUCKETS, propertiesOf, REGION } from './test-deployment.js';

/**
 * The template's role policies, resolved for a deployment, judged by the
 * local stack's own IAM evaluator and its S3 and KMS operation → action
 * tables: what the console can and cannot do on AWS with each role.
 */

const OTHER_KEY = kmsKeyArnOf('0987dcba-09fe-87dc-65ba-ab0987654321');
const SECOND_KEY = kmsKeyArnOf('5678efab-56ef-78ab-90cd-5678901234ef');
const BUCKET = LISTED_BUCKETS[1];
const UNLISTED_BUCKET = 'someone-elses-bucket';
const KEY = 'reports/2019/q1.csv';
const VERSION = '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo';

const stack = deployConsoleStack({ AllowGuests: 'true' });

function policiesOf(deployed: ResolvedStack, role: ConsoleRoleName): PolicyDocument[] {
  const policies = propertiesOf(deployed, role).Policies as unknown as { PolicyDocument: PolicyDocument }[];
  return policies.map((policy) => policy.PolicyDocument);
}

function decisions(role: ConsoleRoleName, requests: readonly AuthorizationRequest[], deployed = stack): Decision[] {
  return requests.map((request) => evaluatePolicies(policiesOf(deployed, role), request));
}

/** Every request allowed, as the stack's Authorizer requires for an operation to go ahead. */
const allowed = (role: ConsoleRoleName, requests: readonly AuthorizationRequest[], deployed = stack) =>
  decisions(role, requests, deployed).every((decision) => decision === 'Allow');

/** What the console reads: bucket settings, listings, objects and their versions and tags (S3 operation, what it addresses). */
const reads = (bucket: string): [string, S3RequestTarget][] => [
  ['HeadBucket', { bucket, key: '' }],
  ['GetBucketEncryption', { bucket, key: '' }],
  ['GetBucketVersioning', { bucket, key: '' }],
  ['GetBucketCors', { bucket, key: '' }],
  ['ListObjectsV2', { bucket, key: '', prefix: 'reports/' }],
  ['ListObjectVersions', { bucket, key: '', prefix: 'reports/' }],
  ['HeadObject', { bucket, key: KEY }],
  ['HeadObject', { bucket, key: KEY, versionId: VERSION }],
  ['GetObject', { bucket, key: KEY }],
  ['GetObjectTagging', { bucket, key: KEY }],
  ['GetObjectTagging', { bucket, key: KEY, versionId: VERSION }],
];

/** How it re-encrypts in place: CopyObject onto itself (of a version too), the multipart copy of a large object, tags, UpdateObjectEncryption. */
const rewrites = (bucket: string): [string, S3RequestTarget][] => [
  ['CopyObject', { bucket, key: KEY, copySource: { bucket, key: KEY } }],
  ['CopyObject', { bucket, key: KEY, copySource: { bucket, key: KEY, versionId: VERSION }, tagging: true }],
  ['PutObjectTagging', { bucket, key: KEY }],
  ['CreateMultipartUpload', { bucket, key: KEY }],
  ['UploadPartCopy', { bucket, key: KEY, copySource: { bucket, key: KEY } }],
  ['CompleteMultipartUpload', { bucket, key: KEY }],
  ['AbortMultipartUpload', { bucket, key: KEY }],
  ['ListParts', { bucket, key: KEY }],
  ['UpdateObjectEncryption', { bucket, key: KEY }],
];

/** The kms: actions S3 asks for on the caller's behalf: reading, writing, and UpdateObjectEncryption's pair of keys. */
const KMS_THROUGH_S3 = ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

const s3Requests = (operations: [string, S3RequestTarget][]) => operations.map(([operation, target]) => s3OperationActions(operation, target));

describe("the template builds its roles from the local stack's policy statements", () => {
  it.each([
    ['one approved key', [APPROVED_KEY]],
    ['two approved keys', [APPROVED_KEY, SECOND_KEY]],
  ])('for %s', (_case, kmsKeyArns) => {
    const deployed = deployConsoleStack({ KmsKeyArns: kmsKeyArns.join(','), AllowGuests: 'true' });
    const local = consoleRolePolicies({
      partition: 'aws',
      region: REGION,
      accountId: ACCOUNT_ID,
      bucketArns: LISTED_BUCKETS.map(bucketArn),
      kmsKeyArns,
    });
    for (const role of Object.values(CONSOLE_ROLES)) expect(policiesOf(deployed, role)).toEqual([local[role]]);
  });
});

describe.each(Object.values(CONSOLE_ROLES))('%s, for what the console does not do on AWS', (role) => {
  it('may not ListBuckets (not callable from a browser on AWS) nor GetBucketLocation (HeadBucket tells the region)', () => {
    expect(decisions(role, s3OperationActions('ListBuckets', { bucket: '', key: '' }))).toEqual(['ImplicitDeny']);
    for (const bucket of LISTED_BUCKETS) {
      expect(decisions(role, s3OperationActions('GetBucketLocation', { bucket, key: '' }))).toEqual(['ImplicitDeny']);
    }
  });

  it('may describe only the approved keys, as the wizard does to check the chosen one', () => {
    expect(allowed(role, kmsOperationActions('DescribeKey', { keyArn: APPROVED_KEY }))).toBe(true);
    expect(decisions(role, kmsOperationActions('DescribeKey', { keyArn: OTHER_KEY }))).toEqual(['ImplicitDeny']);
  });
});

describe(CONSOLE_ROLES.reEncrypt, () => {
  const role = CONSOLE_ROLES.reEncrypt;

  it.each(LISTED_BUCKETS)('may do everything the console does in %s', (bucket) => {
    for (const requests of s3Requests([...reads(bucket), ...rewrites(bucket)]))
      expect(decisions(role, requests)).toEqual(requests.map(() => 'Allow'));
  });

  it('may have S3 use the approved key for it, and list and describe keys', () => {
    expect(allowed(role, kmsActionsViaS3(KMS_THROUGH_S3, APPROVED_KEY, REGION))).toBe(true);
    expect(allowed(role, [...kmsOperationActions('ListAliases', {}), ...kmsOperationActions('ListKeys', {})])).toBe(true);
    expect(allowed(role, kmsOperationActions('DescribeKey', { keyArn: APPROVED_KEY }))).toBe(true);
  });
});

describe(CONSOLE_ROLES.readOnly, () => {
  const role = CONSOLE_ROLES.readOnly;

  it('may read what the console reads', () => {
    for (const requests of s3Requests(reads(BUCKET))) expect(allowed(role, requests)).toBe(true);
    expect(allowed(role, kmsActionsViaS3(['kms:Decrypt'], APPROVED_KEY, REGION))).toBe(true);
  });

  it.each(rewrites(BUCKET))('may not %s', (operation, target) => {
    expect(allowed(role, s3OperationActions(operation, target))).toBe(false);
  });

  it('may not PutObject or UpdateObjectEncryption, nor have S3 encrypt with a key', () => {
    expect(decisions(role, s3OperationActions('PutObject', { bucket: BUCKET, key: KEY }))).toEqual(['ImplicitDeny']);
    expect(decisions(role, s3OperationActions('UpdateObjectEncryption', { bucket: BUCKET, key: KEY }))).toEqual(['ImplicitDeny', 'ImplicitDeny']);
    const encrypting = KMS_THROUGH_S3.filter((action) => action !== 'kms:Decrypt');
    expect(decisions(role, kmsActionsViaS3(encrypting, APPROVED_KEY, REGION))).toEqual(encrypting.map(() => 'ImplicitDeny'));
  });

  it('is what guests get', () => {
    expect(policiesOf(stack, CONSOLE_ROLES.guest)).toEqual(policiesOf(stack, role));
  });
});

describe.each([CONSOLE_ROLES.reEncrypt, CONSOLE_ROLES.readOnly])('%s outside its scope', (role) => {
  it('may do nothing in a bucket that is not listed', () => {
    for (const requests of s3Requests([...reads(UNLISTED_BUCKET), ...rewrites(UNLISTED_BUCKET)])) {
      expect(decisions(role, requests)).toContain('ImplicitDeny');
    }
  });

  it('may not use KMS keys itself, only through S3', () => {
    for (const operation of ['Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncrypt']) {
      const requests = kmsOperationActions(operation, { keyArn: APPROVED_KEY, ciphertextKeyArn: APPROVED_KEY });
      expect(requests.length).toBeGreaterThan(0);
      expect(decisions(role, requests)).toEqual(requests.map(() => 'ImplicitDeny'));
    }
  });

  it('may not have S3 use a key that is not approved, nor S3 of another region', () => {
    expect(decisions(role, kmsActionsViaS3(KMS_THROUGH_S3, OTHER_KEY, REGION))).toEqual(KMS_THROUGH_S3.map(() => 'ImplicitDeny'));
    expect(decisions(role, kmsActionsViaS3(['kms:Decrypt'], APPROVED_KEY, 'us-east-1'))).toEqual(['ImplicitDeny']);
  });
});

describe('KmsKeyArns with two keys', () => {
  const twoKeys = deployConsoleStack({ KmsKeyArns: `${APPROVED_KEY},${SECOND_KEY}` });
  const role = CONSOLE_ROLES.reEncrypt;

  it('lets S3 use each of them and no other key', () => {
    expect(allowed(role, kmsActionsViaS3(KMS_THROUGH_S3, APPROVED_KEY, REGION), twoKeys)).toBe(true);
    expect(allowed(role, kmsActionsViaS3(KMS_THROUGH_S3, SECOND_KEY, REGION), twoKeys)).toBe(true);
    expect(decisions(role, kmsActionsViaS3(['kms:Decrypt'], OTHER_KEY, REGION), twoKeys)).toEqual(['ImplicitDeny']);
  });
});
