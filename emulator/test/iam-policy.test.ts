import { describe, expect, it } from 'vitest';
import { accessDeniedMessage } from '../iam/access-denied.js';
import { Authorizer } from '../iam/authorizer.js';
import { evaluatePolicies } from '../iam/evaluate.js';
import { KMS_OPERATION_ACTIONS, kmsOperationActions } from '../iam/kms-actions.js';
import type { AuthorizationRequest, ConditionBlock, PolicyDocument, PolicyStatement } from '../iam/policy.js';
import { MalformedPolicyDocument } from '../iam/policy-check.js';
import { RoleStore, type RolePolicy } from '../iam/roles.js';
import { deleteObjectsEntryActions, s3OperationActions, S3_OPERATION_ACTIONS, type S3RequestTarget } from '../iam/s3-actions.js';
import { kmsService } from '../kms/kms-service.js';
import { IMPLEMENTED_OPERATIONS } from '../s3/handlers.js';
import { MemoryStore } from '../store/memory-store.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

function decide(documents: PolicyDocument | PolicyDocument[], action: string, resource: string, context?: Record<string, string>) {
  return evaluatePolicies(Array.isArray(documents) ? documents : [documents], { action, resource, context });
}

describe('evaluating identity policies', () => {
  it('denies implicitly what no statement allows, and when there is no policy at all', () => {
    expect(decide([], 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('ImplicitDeny');
    const readOnly = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    expect(decide(readOnly, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('Allow');
    expect(decide(readOnly, 's3:PutObject', 'arn:aws:s3:::b/k')).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny win over any Allow, in the same policy or another', () => {
    const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    const denyTags = policy({ Effect: 'Deny', Action: 's3:PutObjectTagging', Resource: 'arn:aws:s3:::b/*' });
    expect(decide([allowAll, denyTags], 's3:PutObjectTagging', 'arn:aws:s3:::b/k')).toBe('ExplicitDeny');
    expect(decide([allowAll, denyTags], 's3:PutObject', 'arn:aws:s3:::b/k')).toBe('Allow');
    const both = policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(decide(both, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('ExplicitDeny');
  });

  it('takes a single statement and single strings as well as lists', () => {
    const single: PolicyDocument = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
    expect(decide(single, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('Allow');
  });

  it.each([
    ['s3:Get*', 's3:GetObject', 'Allow'],
    ['s3:Get*', 's3:GetObjectVersionTagging', 'Allow'],
    ['s3:Get*', 's3:PutObject', 'ImplicitDeny'],
    ['s3:*', 's3:DeleteBucket', 'Allow'],
    ['s3:*', 'kms:Decrypt', 'ImplicitDeny'],
    ['*', 'kms:Decrypt', 'Allow'],
    ['s3:GetObjectV?rsion', 's3:GetObjectVersion', 'Allow'],
    ['s3:GetObject?', 's3:GetObject', 'ImplicitDeny'],
    ['kms:ReEncrypt*', 'kms:ReEncryptFrom', 'Allow'],
    ['S3:getobject', 's3:GetObject', 'Allow'],
    ['s3:GetObject', 'S3:GETOBJECT', 'Allow'],
    ['KMS:generate*', 'kms:GenerateDataKey', 'Allow'],
  ])('matches Action %s against %s (wildcards, any case): %s', (pattern, action, expected) => {
    expect(decide(policy({ Effect: 'Allow', Action: pattern, Resource: '*' }), action, '*')).toBe(expected);
  });

  it.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/dir/deep/k.txt', 'Allow'],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b', 'ImplicitDeny'],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::bb/k', 'ImplicitDeny'],
    ['arn:aws:s3:::b', 'arn:aws:s3:::b/k', 'ImplicitDeny'],
    ['arn:aws:s3:::b?', 'arn:aws:s3:::b1', 'Allow'],
    ['arn:aws:s3:::*', 'arn:aws:s3:::any/key', 'Allow'],
    ['arn:aws:s3:::B/*', 'arn:aws:s3:::b/k', 'ImplicitDeny'],
    ['*', KEY_ARN, 'Allow'],
    ['arn:aws:kms:*:000000000000:key/*', KEY_ARN, 'Allow'],
    ['arn:aws:kms:us-east-1:111111111111:key/*', KEY_ARN, 'ImplicitDeny'],
    // A wildcard stays inside its ARN part: this pattern has too few parts to match a key ARN.
    ['arn:aws:kms:*:key/*', KEY_ARN, 'ImplicitDeny'],
    ['arn:aws:s3:::*', '*', 'ImplicitDeny'],
  ])('matches Resource %s against %s: %s', (pattern, resource, expected) => {
    expect(decide(policy({ Effect: 'Allow', Action: '*', Resource: pattern }), 's3:GetObject', resource)).toBe(expected);
  });

  it('applies NotAction to every action it does not name', () => {
    const allButDeletes = policy({ Effect: 'Allow', NotAction: ['s3:Delete*', 'kms:*'], Resource: '*' });
    expect(decide(allButDeletes, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('Allow');
    expect(decide(allButDeletes, 's3:DeleteObject', 'arn:aws:s3:::b/k')).toBe('ImplicitDeny');
    expect(decide(allButDeletes, 'kms:Decrypt', KEY_ARN)).toBe('ImplicitDeny');
  });

  it('applies NotResource to every resource it does not name', () => {
    const onlyBucketB = policy(
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
    );
    expect(decide(onlyBucketB, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('Allow');
    expect(decide(onlyBucketB, 's3:GetObject', 'arn:aws:s3:::other/k')).toBe('ExplicitDeny');
  });

  it('needs Action or NotAction, and Resource or NotResource, for a statement to apply', () => {
    expect(decide(policy({ Effect: 'Allow', Resource: '*' }), 's3:GetObject', '*')).toBe('ImplicitDeny');
    expect(decide(policy({ Effect: 'Allow', Action: '*' }), 's3:GetObject', '*')).toBe('ImplicitDeny');
  });
});

describe('conditions', () => {
  const insecureDenied = policy(
    { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  );

  it('Bool aws:SecureTransport', () => {
    expect(decide(insecureDenied, 's3:GetObject', 'arn:aws:s3:::b/k', { 'aws:SecureTransport': 'false' })).toBe('ExplicitDeny');
    expect(decide(insecureDenied, 's3:GetObject', 'arn:aws:s3:::b/k', { 'aws:SecureTransport': 'true' })).toBe('Allow');
    const asBoolean = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': true } } });
    expect(decide(asBoolean, 's3:GetObject', '*', { 'aws:SecureTransport': 'TRUE' })).toBe('Allow');
  });

  it('StringEquals and StringLike on s3:prefix: any listed value may match; an absent key matches none', () => {
    const home = policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringEquals: { 's3:prefix': ['', 'home/'] } },
    });
    expect(decide(home, 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'home/' })).toBe('Allow');
    expect(decide(home, 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': '' })).toBe('Allow');
    expect(decide(home, 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'Home/' })).toBe('ImplicitDeny');
    expect(decide(home, 's3:ListBucket', 'arn:aws:s3:::b')).toBe('ImplicitDeny');
    const underHome = policy({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::b',
      Condition: { StringLike: { 's3:prefix': 'home/*' } },
    });
    expect(decide(underHome, 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'home/alice/' })).toBe('Allow');
    expect(decide(underHome, 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'work/' })).toBe('ImplicitDeny');
  });

  it('StringEquals on kms:ViaService tells calls S3 makes for the caller from direct ones; key names ignore case', () => {
    const throughS3 = policy({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: KEY_ARN,
      Condition: { StringEquals: { 'KMS:viaservice': 's3.us-east-1.amazonaws.com' } },
    });
    expect(decide(throughS3, 'kms:Decrypt', KEY_ARN, { 'kms:ViaService': 's3.us-east-1.amazonaws.com' })).toBe('Allow');
    expect(decide(throughS3, 'kms:Decrypt', KEY_ARN)).toBe('ImplicitDeny');
  });

  it('negated operators hold when no value matches and when the key is absent', () => {
    const notThroughS3 = policy({
      Effect: 'Deny',
      Action: 'kms:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    });
    expect(decide(notThroughS3, 'kms:Encrypt', KEY_ARN)).toBe('ExplicitDeny');
    expect(decide(notThroughS3, 'kms:Encrypt', KEY_ARN, { 'kms:ViaService': 's3.us-east-1.amazonaws.com' })).toBe('ImplicitDeny');
    const notUnderTmp = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringNotLike: { 's3:prefix': 'tmp/*' } } });
    expect(decide(notUnderTmp, 's3:ListBucket', 'arn:aws:s3:::b', { 's3:prefix': 'tmp/x' })).toBe('ImplicitDeny');
    expect(decide(notUnderTmp, 's3:ListBucket', 'arn:aws:s3:::b')).toBe('Allow');
  });

  it('needs every operator and every key of a Condition to hold', () => {
    const both = policy({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringLike: { 's3:prefix': 'a*' } },
    });
    expect(decide(both, 's3:ListBucket', '*', { 'aws:SecureTransport': 'true', 's3:prefix': 'abc' })).toBe('Allow');
    expect(decide(both, 's3:ListBucket', '*', { 'aws:SecureTransport': 'false', 's3:prefix': 'abc' })).toBe('ImplicitDeny');
  });

  /** Whether a single condition holds for a request with `context`, through a policy that allows when it does. */
  function holds(condition: ConditionBlock, context: Record<string, string> = {}): boolean {
    return decide(policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }), 's3:GetObject', '*', context) === 'Allow';
  }

  it.each([
    // [operator, policy value, request value (undefined: key absent), holds]
    ['StringEqualsIgnoreCase', 'Finance', 'FINANCE', true],
    ['StringNotEqualsIgnoreCase', 'Finance', 'FINANCE', false],
    ['StringNotEqualsIgnoreCase', 'Finance', undefined, true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', 1.2, '1.1', true],
    ['NumericLessThan', 1.2, '1.2', false],
    ['NumericLessThanEquals', '1.2', '1.2', true],
    ['NumericGreaterThan', '5', '6', true],
    ['NumericGreaterThanEquals', '5', '4', false],
    ['NumericEquals', '5', 'five', false],
    ['NumericLessThan', '5', undefined, false],
    ['DateEquals', '2026-12-04T10:00:00Z', '2026-12-04T10:00:00.000Z', true],
    ['DateNotEquals', '2026-12-04T10:00:00Z', '2026-12-05T10:00:00Z', true],
    ['DateLessThan', '2026-12-04T10:00:00Z', '2026-12-04T09:59:59Z', true],
    ['DateLessThanEquals', '2026-12-04', '2026-12-04T00:00:00Z', true],
    ['DateGreaterThan', '1764842400', '2026-12-04T10:00:00Z', true],
    ['DateGreaterThanEquals', '2026-12-04T10:00:00Z', '2026-12-04T09:00:00Z', false],
    ['BinaryEquals', Buffer.from('abc').toString('base64'), Buffer.from('abc').toString('base64'), true],
    ['IpAddress', '10.0.0.0/8', '10.1.2.3', true],
    ['IpAddress', '10.0.0.0/8', '192.168.0.1', false],
    ['IpAddress', '203.0.113.7', '203.0.113.7', true],
    ['IpAddress', '2001:db8::/32', '2001:db8:1::1', true],
    ['IpAddress', '10.0.0.0/8', undefined, false],
    ['NotIpAddress', '10.0.0.0/8', '192.168.0.1', true],
    ['NotIpAddress', '10.0.0.0/8', '10.1.2.3', false],
    ['NotIpAddress', '10.0.0.0/8', undefined, true],
    ['ArnEquals', 'arn:aws:iam::000000000000:role/Console*', 'arn:aws:iam::000000000000:role/ConsoleReadOnlyRole', true],
    ['ArnLike', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/k', true],
    ['ArnLike', 'arn:aws:s3:::b/*', 'arn:aws:s3:::B/k', false],
    ['ArnNotEquals', 'arn:aws:s3:::b', 'arn:aws:s3:::c', true],
    ['ArnNotLike', 'arn:aws:s3:::b*', 'arn:aws:s3:::bucket', false],
    ['StringEqualsIfExists', 'x', undefined, true],
    ['StringEqualsIfExists', 'x', 'y', false],
    ['StringNotEqualsIfExists', 'x', 'y', true],
    ['NumericLessThanIfExists', '5', undefined, true],
    ['ForAnyValue:StringEquals', 'x', 'x', true],
    ['ForAnyValue:StringEquals', 'x', undefined, false],
    ['ForAnyValue:StringNotEquals', 'x', undefined, false],
    ['ForAllValues:StringEquals', 'x', 'y', false],
    ['ForAllValues:StringEquals', 'x', undefined, true],
    ['ForAllValues:StringLikeIfExists', 'x*', 'xyz', true],
  ] as const)('%s %s against %s: %s', (operator, wanted, actual, expected) => {
    const context: Record<string, string> = actual === undefined ? {} : { 'test:key': actual };
    expect(holds({ [operator]: { 'test:key': wanted } }, context)).toBe(expected);
  });

  it('Null tells an absent key ("true") from a present one ("false")', () => {
    expect(holds({ Null: { 's3:x-amz-server-side-encryption': 'true' } })).toBe(true);
    expect(holds({ Null: { 's3:x-amz-server-side-encryption': 'true' } }, { 's3:x-amz-server-side-encryption': 'AES256' })).toBe(false);
    expect(holds({ Null: { 's3:x-amz-server-side-encryption': false } }, { 's3:x-amz-server-side-encryption': 'AES256' })).toBe(true);
  });

  it('gives every request aws:CurrentTime and aws:EpochTime for the Date operators', () => {
    const authorizer = new Authorizer(new MemoryStore(), '000000000000');
    const until = (date: string) => policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': date } } });
    authorizer.roles.put('Expired', [{ policyName: 'until-2020', document: until('2020-01-01T00:00:00Z') }]);
    authorizer.roles.put('Current', [{ policyName: 'until-2999', document: until('2999-01-01T00:00:00Z') }]);
    const get: AuthorizationRequest = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
    expect(authorizer.authorize({ role: 'Expired' }, [get])).toMatchObject({ decision: 'ImplicitDeny' });
    expect(authorizer.authorize({ role: 'Current' }, [get])).toBeUndefined();
  });
});

describe('policies the evaluator could not apply', () => {
  const roles = new RoleStore(new MemoryStore(), '000000000000');
  const denyUnlessFromOffice = (operator: string): RolePolicy => ({
    policyName: 'office-only',
    document: policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'OfficeOnly', Effect: 'Deny', Action: '*', Resource: '*', Condition: { [operator]: { 'aws:SourceIp': '10.0.0.0/8' } } },
    ),
  });

  it.each(['NotIpAdress', 'ForSomeValues:StringEquals', 'StringEqualsIfExistsIfExists', 'NullIfExists', 'stringequals'])(
    'are refused when stored (MalformedPolicyDocument): %s, so a Deny is never silently dropped',
    (operator) => {
      expect(() => roles.put('Office', [denyUnlessFromOffice(operator)])).toThrow(MalformedPolicyDocument);
      expect(() => roles.put('Office', [denyUnlessFromOffice(operator)])).toThrow(
        `Policy office-only, statement OfficeOnly: unknown condition operator "${operator}".`,
      );
      expect(roles.get('Office')).toBeUndefined();
    },
  );

  it('refuse an Effect other than Allow or Deny', () => {
    const document = { Version: '2012-10-17', Statement: { Effect: 'deny', Action: '*', Resource: '*' } } as unknown as PolicyDocument;
    expect(() => roles.put('Lowercase', [{ policyName: 'p', document }])).toThrow(/Effect must be Allow or Deny/);
  });

  it('a known operator is stored and its Deny applies', () => {
    roles.put('Office', [denyUnlessFromOffice('NotIpAddress')]);
    const documents = roles.get('Office')!.policies.map((p) => p.document);
    expect(evaluatePolicies(documents, { action: 's3:GetObject', resource: '*', context: { 'aws:SourceIp': '192.168.1.1' } })).toBe('ExplicitDeny');
    expect(evaluatePolicies(documents, { action: 's3:GetObject', resource: '*', context: { 'aws:SourceIp': '10.0.0.1' } })).toBe('Allow');
  });
});

describe('the authorizer', () => {
  const authorizer = new Authorizer(new MemoryStore(), '000000000000');
  authorizer.roles.put('Reader', [{ policyName: 'read', document: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }]);
  const get: AuthorizationRequest = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
  const put: AuthorizationRequest = { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' };

  it('lets the root key do anything', () => {
    expect(authorizer.authorize({ role: 'root' }, [get, put])).toBeUndefined();
  });

  it('names the first request the role may not make, as its Cognito session', () => {
    expect(authorizer.authorize({ role: 'Reader' }, [get])).toBeUndefined();
    expect(authorizer.authorize({ role: 'Reader' }, [get, put])).toEqual({
      principalArn: 'arn:aws:sts::000000000000:assumed-role/Reader/CognitoIdentityCredentials',
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::b/k',
      decision: 'ImplicitDeny',
    });
  });

  it('allows nothing to a role the account does not have', () => {
    expect(authorizer.authorize({ role: 'Missing' }, [get])).toMatchObject({ action: 's3:GetObject', decision: 'ImplicitDeny' });
  });

  it('adds the request-wide condition keys to each request', () => {
    authorizer.roles.put('SecureOnly', [
      {
        policyName: 'secure',
        document: policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      },
    ]);
    expect(authorizer.authorize({ role: 'SecureOnly' }, [get], { 'aws:SecureTransport': 'true' })).toBeUndefined();
    expect(authorizer.authorize({ role: 'SecureOnly' }, [get], { 'aws:SecureTransport': 'false' })).toBeDefined();
  });
});

describe('access denied messages, as AWS words them', () => {
  const principalArn = 'arn:aws:sts::000000000000:assumed-role/ConsoleReadOnlyRole/CognitoIdentityCredentials';

  it('S3 quotes the resource', () => {
    expect(accessDeniedMessage({ principalArn, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'ImplicitDeny' })).toBe(
      `User: ${principalArn} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action`,
    );
    expect(accessDeniedMessage({ principalArn, action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', decision: 'ExplicitDeny' })).toBe(
      `User: ${principalArn} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/k" with an explicit deny in an identity-based policy`,
    );
  });

  it('S3 names no resource for an action on *', () => {
    expect(accessDeniedMessage({ principalArn, action: 's3:ListAllMyBuckets', resource: '*', decision: 'ImplicitDeny' })).toBe(
      `User: ${principalArn} is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`,
    );
  });

  it('KMS names the resource unquoted, * included', () => {
    expect(accessDeniedMessage({ principalArn, action: 'kms:GenerateDataKey', resource: KEY_ARN, decision: 'ImplicitDeny' })).toBe(
      `User: ${principalArn} is not authorized to perform: kms:GenerateDataKey on resource: ${KEY_ARN} because no identity-based policy allows the kms:GenerateDataKey action`,
    );
    expect(accessDeniedMessage({ principalArn, action: 'kms:ListAliases', resource: '*', decision: 'ExplicitDeny' })).toBe(
      `User: ${principalArn} is not authorized to perform: kms:ListAliases on resource: * with an explicit deny in an identity-based policy`,
    );
  });
});

describe('S3 operations → IAM actions and resources', () => {
  const BUCKET = 'arn:aws:s3:::b';
  const OBJECT = 'arn:aws:s3:::b/dir/k.txt';
  const SOURCE = 'arn:aws:s3:::src/a b.txt';
  const onBucket: S3RequestTarget = { bucket: 'b', key: '' };
  const onObject: S3RequestTarget = { bucket: 'b', key: 'dir/k.txt' };
  const onVersion: S3RequestTarget = { ...onObject, versionId: 'v1' };
  const copy: S3RequestTarget = { ...onObject, copySource: { bucket: 'src', key: 'a b.txt' } };
  const copyOfVersion: S3RequestTarget = { ...onObject, copySource: { bucket: 'src', key: 'a b.txt', versionId: 'v1' } };
  const withTags: S3RequestTarget = { ...onObject, tagging: true };

  type Case = [target: S3RequestTarget, expected: Array<[action: string, resource: string]>];
  /** An object action, and its version's counterpart when the request names a version. */
  const objectOrVersion = (action: string, versionAction: string): Case[] => [
    [onObject, [[action, OBJECT]]],
    [onVersion, [[versionAction, OBJECT]]],
  ];
  /** Every operation the stack implements (handlers.ts), with each variant that changes what it needs. */
  const EXPECTED: Record<string, Case[]> = {
    ListBuckets: [[{ bucket: '', key: '' }, [['s3:ListAllMyBuckets', '*']]]],
    CreateBucket: [[onBucket, [['s3:CreateBucket', BUCKET]]]],
    DeleteBucket: [[onBucket, [['s3:DeleteBucket', BUCKET]]]],
    HeadBucket: [[onBucket, [['s3:ListBucket', BUCKET]]]],
    GetBucketLocation: [[onBucket, [['s3:GetBucketLocation', BUCKET]]]],
    GetBucketEncryption: [[onBucket, [['s3:GetEncryptionConfiguration', BUCKET]]]],
    PutBucketEncryption: [[onBucket, [['s3:PutEncryptionConfiguration', BUCKET]]]],
    DeleteBucketEncryption: [[onBucket, [['s3:PutEncryptionConfiguration', BUCKET]]]],
    GetBucketCors: [[onBucket, [['s3:GetBucketCORS', BUCKET]]]],
    PutBucketCors: [[onBucket, [['s3:PutBucketCORS', BUCKET]]]],
    DeleteBucketCors: [[onBucket, [['s3:PutBucketCORS', BUCKET]]]],
    GetBucketVersioning: [[onBucket, [['s3:GetBucketVersioning', BUCKET]]]],
    PutBucketVersioning: [[onBucket, [['s3:PutBucketVersioning', BUCKET]]]],
    GetObjectLockConfiguration: [[onBucket, [['s3:GetBucketObjectLockConfiguration', BUCKET]]]],
    PutObjectLockConfiguration: [[onBucket, [['s3:PutBucketObjectLockConfiguration', BUCKET]]]],
    GetBucketTagging: [[onBucket, [['s3:GetBucketTagging', BUCKET]]]],
    PutBucketTagging: [[onBucket, [['s3:PutBucketTagging', BUCKET]]]],
    DeleteBucketTagging: [[onBucket, [['s3:PutBucketTagging', BUCKET]]]],
    ListObjects: [[onBucket, [['s3:ListBucket', BUCKET]]]],
    ListObjectsV2: [[onBucket, [['s3:ListBucket', BUCKET]]]],
    ListObjectVersions: [[onBucket, [['s3:ListBucketVersions', BUCKET]]]],
    ListMultipartUploads: [[onBucket, [['s3:ListBucketMultipartUploads', BUCKET]]]],
    HeadObject: objectOrVersion('s3:GetObject', 's3:GetObjectVersion'),
    GetObject: objectOrVersion('s3:GetObject', 's3:GetObjectVersion'),
    PutObject: [
      [onObject, [['s3:PutObject', OBJECT]]],
      [
        withTags,
        [
          ['s3:PutObject', OBJECT],
          ['s3:PutObjectTagging', OBJECT],
        ],
      ],
    ],
    CopyObject: [
      [
        copy,
        [
          ['s3:PutObject', OBJECT],
          ['s3:GetObject', SOURCE],
        ],
      ],
      [
        copyOfVersion,
        [
          ['s3:PutObject', OBJECT],
          ['s3:GetObjectVersion', SOURCE],
        ],
      ],
      [
        { ...copy, tagging: true },
        [
          ['s3:PutObject', OBJECT],
          ['s3:PutObjectTagging', OBJECT],
          ['s3:GetObject', SOURCE],
        ],
      ],
    ],
    DeleteObject: objectOrVersion('s3:DeleteObject', 's3:DeleteObjectVersion'),
    // Checked per key by the handler (below).
    DeleteObjects: [[onBucket, []]],
    GetObjectTagging: objectOrVersion('s3:GetObjectTagging', 's3:GetObjectVersionTagging'),
    PutObjectTagging: objectOrVersion('s3:PutObjectTagging', 's3:PutObjectVersionTagging'),
    DeleteObjectTagging: objectOrVersion('s3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging'),
    GetObjectRetention: objectOrVersion('s3:GetObjectRetention', 's3:GetObjectRetention'),
    PutObjectRetention: objectOrVersion('s3:PutObjectRetention', 's3:PutObjectRetention'),
    GetObjectLegalHold: objectOrVersion('s3:GetObjectLegalHold', 's3:GetObjectLegalHold'),
    PutObjectLegalHold: objectOrVersion('s3:PutObjectLegalHold', 's3:PutObjectLegalHold'),
    GetObjectAttributes: [
      [
        onObject,
        [
          ['s3:GetObject', OBJECT],
          ['s3:GetObjectAttributes', OBJECT],
        ],
      ],
      [
        onVersion,
        [
          ['s3:GetObjectVersion', OBJECT],
          ['s3:GetObjectVersionAttributes', OBJECT],
        ],
      ],
    ],
    UpdateObjectEncryption: [
      [
        onObject,
        [
          ['s3:UpdateObjectEncryption', OBJECT],
          ['s3:PutObject', OBJECT],
        ],
      ],
    ],
    CreateMultipartUpload: [
      [onObject, [['s3:PutObject', OBJECT]]],
      [
        withTags,
        [
          ['s3:PutObject', OBJECT],
          ['s3:PutObjectTagging', OBJECT],
        ],
      ],
    ],
    UploadPart: [[onObject, [['s3:PutObject', OBJECT]]]],
    UploadPartCopy: [
      [
        copy,
        [
          ['s3:PutObject', OBJECT],
          ['s3:GetObject', SOURCE],
        ],
      ],
      [
        copyOfVersion,
        [
          ['s3:PutObject', OBJECT],
          ['s3:GetObjectVersion', SOURCE],
        ],
      ],
    ],
    CompleteMultipartUpload: [[onObject, [['s3:PutObject', OBJECT]]]],
    AbortMultipartUpload: [[onObject, [['s3:AbortMultipartUpload', OBJECT]]]],
    ListParts: [[onObject, [['s3:ListMultipartUploadParts', OBJECT]]]],
  };

  it.each(IMPLEMENTED_OPERATIONS)('%s', (operation) => {
    expect(EXPECTED[operation], `no expectation for ${operation}`).toBeDefined();
    for (const [target, expected] of EXPECTED[operation]) {
      expect(s3OperationActions(operation, target).map((r) => [r.action, r.resource])).toEqual(expected);
    }
  });

  it('maps exactly the operations the stack implements', () => {
    expect(Object.keys(S3_OPERATION_ACTIONS).sort()).toEqual([...IMPLEMENTED_OPERATIONS].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...IMPLEMENTED_OPERATIONS].sort());
  });

  it('authorizes each key of DeleteObjects as a DeleteObject of it', () => {
    expect(deleteObjectsEntryActions('b', 'dir/k.txt', undefined)).toEqual([{ action: 's3:DeleteObject', resource: OBJECT }]);
    expect(deleteObjectsEntryActions('b', 'dir/k.txt', 'v1')).toEqual([{ action: 's3:DeleteObjectVersion', resource: OBJECT }]);
  });

  it('gives listings the s3:prefix condition key when a prefix is sent', () => {
    for (const operation of ['ListObjects', 'ListObjectsV2', 'ListObjectVersions']) {
      expect(s3OperationActions(operation, { ...onBucket, prefix: 'home/' })[0].context).toEqual({ 's3:prefix': 'home/' });
      expect(s3OperationActions(operation, { ...onBucket, prefix: '' })[0].context).toEqual({ 's3:prefix': '' });
      expect(s3OperationActions(operation, onBucket)[0].context).toBeUndefined();
    }
  });

  it('refuses to guess for an operation it does not know', () => {
    expect(() => s3OperationActions('RestoreObject', onObject)).toThrow(/RestoreObject/);
  });
});

describe('KMS operations → IAM actions and resources', () => {
  const ALIAS_ARN = 'arn:aws:kms:us-east-1:000000000000:alias/demo';
  /** The key a request's ciphertext names, apart from its key parameter's. */
  const CIPHERTEXT_KEY_ARN = 'arn:aws:kms:us-east-1:000000000000:key/0000aaaa-12ab-34cd-56ef-1234567890ab';
  const EXPECTED: Record<string, Array<[action: string, resource: string]>> = {
    CreateKey: [['kms:CreateKey', '*']],
    ListKeys: [['kms:ListKeys', '*']],
    ListAliases: [['kms:ListAliases', '*']],
    DescribeKey: [['kms:DescribeKey', KEY_ARN]],
    CreateAlias: [
      ['kms:CreateAlias', ALIAS_ARN],
      ['kms:CreateAlias', KEY_ARN],
    ],
    EnableKey: [['kms:EnableKey', KEY_ARN]],
    DisableKey: [['kms:DisableKey', KEY_ARN]],
    ScheduleKeyDeletion: [['kms:ScheduleKeyDeletion', KEY_ARN]],
    CancelKeyDeletion: [['kms:CancelKeyDeletion', KEY_ARN]],
    Encrypt: [['kms:Encrypt', KEY_ARN]],
    Decrypt: [['kms:Decrypt', CIPHERTEXT_KEY_ARN]],
    ReEncrypt: [
      ['kms:ReEncryptFrom', CIPHERTEXT_KEY_ARN],
      ['kms:ReEncryptTo', KEY_ARN],
    ],
    GenerateDataKey: [['kms:GenerateDataKey', KEY_ARN]],
    GenerateDataKeyWithoutPlaintext: [['kms:GenerateDataKeyWithoutPlaintext', KEY_ARN]],
  };

  it.each(Object.keys(kmsService.handlers))('%s', (operation) => {
    expect(EXPECTED[operation], `no expectation for ${operation}`).toBeDefined();
    const requests = kmsOperationActions(operation, { keyArn: KEY_ARN, ciphertextKeyArn: CIPHERTEXT_KEY_ARN, aliasArn: ALIAS_ARN });
    expect(requests.map((r) => [r.action, r.resource])).toEqual(EXPECTED[operation]);
  });

  it('maps exactly the operations the KMS service serves', () => {
    expect(Object.keys(KMS_OPERATION_ACTIONS).sort()).toEqual(Object.keys(kmsService.handlers).sort());
  });

  it('leaves a key that does not exist to the operation, which answers NotFoundException', () => {
    expect(kmsOperationActions('Encrypt', {})).toEqual([]);
  });
});
