import { describe, expect, it } from 'vitest';
import { CONSOLE_ROLES, consoleRolePolicies, type ConsoleRoleName } from '../emulator/iam/console-policies.js';
import { evaluatePolicies, type Decision } from '../emulator/iam/evaluate.js';
import { kmsActionsViaS3, kmsOperationActions } from '../emulator/iam/kms-actions.js';
import type { AuthorizationRequest, PolicyDocument } from '../emulator/iam/policy.js';
import { bucketArn, s3OperationActions, type S3RequestTarget } from '../emulator/iam/s3-actions.js';
import type { ResolvedStack } from './resolve-intrinsics.js';
import { ACCOUNT_ID, deployConsoleStack, LISTED_BUCKETS, propertiesOf, REGION } from './test-deployment.js';

/**
 * The template's role policies, resolved for a deployment, judged by the
 * local stack's own IAM evaluator and its S3 and KMS operation → action
 * tables: what the console can and cannot do on AWS with each role.
 */

const keyArn = (id: string, account = ACCOUNT_ID, region = REGION) => `arn:aws:kms:${region}:${account}:key/${id}`;
const APPROVED_KEY = keyArn('1234abcd-12ab-34cd-56ef-1234567890ab');
const OTHER_KEY = keyArn('0987dcba-09fe-87dc-65ba-ab0987654321');
const BUCKET = LISTED_BUCKETS[1];
const UNLISTED_BUCKET = 'someone-elses-bucket';
const KEY = 'reports/2019/q1.csv';
const VERSION = '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo';

const stack = deployConsoleStack({ KmsKeyArns: APPROVED_KEY, AllowGuests: 'true' });

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
  ['GetBucketLocation', { bucket, key: '' }],
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
    ['the approved keys', APPROVED_KEY, [APPROVED_KEY]],
    ['every key of the account in the region', '*', '*'],
  ] as const)('for %s', (_case, kmsKeyArns, scopeKeys) => {
    const deployed = deployConsoleStack({ KmsKeyArns: kmsKeyArns, AllowGuests: 'true' });
    const local = consoleRolePolicies({
      partition: 'aws',
      region: REGION,
      accountId: ACCOUNT_ID,
      bucketArns: LISTED_BUCKETS.map(bucketArn),
      kmsKeyArns: scopeKeys,
    });
    for (const role of Object.values(CONSOLE_ROLES)) expect(policiesOf(deployed, role)).toEqual([local[role]]);
  });
});

describe(CONSOLE_ROLES.reEncrypt, () => {
  const role = CONSOLE_ROLES.reEncrypt;

  it.each(LISTED_BUCKETS)('may do everything the console does in %s', (bucket) => {
    for (const requests of s3Requests([...reads(bucket), ...rewrites(bucket)])) expect(decisions(role, requests)).toEqual(requests.map(() => 'Allow'));
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

describe('KmsKeyArns *', () => {
  const everyKey = deployConsoleStack({ KmsKeyArns: '*' });
  const role = CONSOLE_ROLES.reEncrypt;

  it("lets S3 use any key of the stack's account and region", () => {
    expect(allowed(role, kmsActionsViaS3(KMS_THROUGH_S3, APPROVED_KEY, REGION), everyKey)).toBe(true);
    expect(allowed(role, kmsActionsViaS3(KMS_THROUGH_S3, OTHER_KEY, REGION), everyKey)).toBe(true);
  });

  it('and no key of another account or region', () => {
    const elsewhere = [keyArn('1234abcd-12ab-34cd-56ef-1234567890ab', '444455556666'), keyArn('1234abcd-12ab-34cd-56ef-1234567890ab', ACCOUNT_ID, 'us-east-1')];
    for (const key of elsewhere) expect(decisions(role, kmsActionsViaS3(['kms:Decrypt'], key, REGION), everyKey)).toEqual(['ImplicitDeny']);
  });
});
