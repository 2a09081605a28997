import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAliasCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ReEncryptCommand,
  type ServiceInputTypes as KmsInputs,
  type ServiceOutputTypes as KmsOutputs,
} from '@aws-sdk/client-kms';
import { HttpRequest } from '@smithy/protocol-http';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UpdateObjectEncryptionCommand,
  UploadPartCopyCommand,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CONSOLE_ROLES, consoleReadOnlyPolicy, consoleReEncryptPolicy, type ConsolePolicyScope } from '../iam/console-policies.js';
import type { PolicyStatement } from '../iam/policy.js';
import { bucketArn } from '../iam/s3-actions.js';
import { DEMO_BUCKET_NAMES, DEMO_BUCKETS } from '../seed/names.js';
import { rootS3Client, startTestStack, useTestStack } from './harness.js';
import { copySource, createKmsKey, getBytes } from './object-fixtures.js';

const stack = useTestStack();
const BUCKET = DEMO_BUCKETS.mixed;
/** A bucket outside the scoped policies the tests install, as a deployment scopes them to its buckets. */
const OTHER_BUCKET = 'not-in-the-console';
const IDENTITY_ID = 'us-east-1:00000000-0000-4000-8000-000000000001';
let demoKey: string;
let outsideKey: string;

function sessionOf(role: string) {
  const issued = stack.ctx.credentials.issueSession(3600, IDENTITY_ID, role);
  return { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken };
}

function s3As(role: string): S3Client {
  return rootS3Client(stack, { credentials: sessionOf(role) });
}

function kmsAs(role: string): KMSClient {
  return new KMSClient({ endpoint: stack.endpoint, region: stack.ctx.options.region, credentials: sessionOf(role), maxAttempts: 1 });
}

function sessionArn(role: string): string {
  return `arn:aws:sts::${stack.ctx.options.accountId}:assumed-role/${role}/CognitoIdentityCredentials`;
}

function scope(overrides: Partial<ConsolePolicyScope> = {}): ConsolePolicyScope {
  return {
    partition: 'aws',
    region: stack.ctx.options.region,
    accountId: stack.ctx.options.accountId,
    bucketArns: DEMO_BUCKET_NAMES.map(bucketArn),
    kmsKeyArns: [demoKey],
    ...overrides,
  };
}

function putReadOnlyRole(roleName: string): void {
  stack.ctx.iam.roles.put(roleName, [{ policyName: 'ConsoleAccess', document: consoleReadOnlyPolicy(scope()) }]);
}

function putRole(roleName: string, ...extra: PolicyStatement[]): void {
  const document = consoleReEncryptPolicy(scope());
  const statements = [...(Array.isArray(document.Statement) ? document.Statement : [document.Statement]), ...extra];
  stack.ctx.iam.roles.put(roleName, [{ policyName: 'ConsoleAccess', document: { ...document, Statement: statements } }]);
}

function put(key: string, extra: Partial<PutObjectCommandInput> = {}) {
  return stack.s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: key,
      Body: `bytes of ${key}`,
      ContentType: 'text/csv',
      Metadata: { owner: 'finance' },
      Tagging: 'class=report',
      ...extra,
    }),
  );
}

/** What an object is, read with the root key: bytes, metadata, encryption and tags. */
async function snapshot(key: string) {
  const head = await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  const tagging = await stack.s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
  return {
    bytes: (await getBytes(stack, { Bucket: BUCKET, Key: key })).toString('base64'),
    etag: head.ETag,
    lastModified: head.LastModified,
    contentType: head.ContentType,
    metadata: head.Metadata,
    encryption: head.ServerSideEncryption,
    kmsKey: head.SSEKMSKeyId,
    tags: tagging.TagSet,
  };
}

function deniedMessage(role: string, action: string, resource: string): string {
  const onResource = action.startsWith('s3:') ? `"${resource}"` : resource;
  return `User: ${sessionArn(role)} is not authorized to perform: ${action} on resource: ${onResource} because no identity-based policy allows the ${action} action`;
}

function copyInPlaceToKms(client: S3Client, key: string, kmsKeyId: string) {
  return client.send(
    new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: copySource(BUCKET, key), ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kmsKeyId }),
  );
}

function updateToKms(client: S3Client, key: string, keyArn: string) {
  return client.send(new UpdateObjectEncryptionCommand({ Bucket: BUCKET, Key: key, ObjectEncryption: { SSEKMS: { KMSKeyArn: keyArn } } }));
}

beforeAll(async () => {
  await stack.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await stack.s3.send(new CreateBucketCommand({ Bucket: OTHER_BUCKET }));
  await stack.s3.send(
    new PutBucketCorsCommand({ Bucket: BUCKET, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] } }),
  );
  demoKey = await createKmsKey(stack);
  await stack.kms.send(new CreateAliasCommand({ AliasName: 'alias/demo-finance', TargetKeyId: demoKey }));
  outsideKey = await createKmsKey(stack);
  // As a deployment that names its buckets and approved keys would: the seeded roles cover the whole account.
  putRole(CONSOLE_ROLES.reEncrypt);
  putReadOnlyRole(CONSOLE_ROLES.readOnly);
  putReadOnlyRole(CONSOLE_ROLES.guest);
  await put('report.csv');
  await put('under-demo-key.csv', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: demoKey });
  await put('under-outside-key.csv', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: outsideKey });
});

describe('the console roles, seeded at start', () => {
  it('exist without demo data and cover every bucket and KMS key of the local account', async () => {
    const fresh = await startTestStack();
    try {
      expect(fresh.ctx.options.seed).toBe(false);
      for (const roleName of Object.values(CONSOLE_ROLES)) {
        const role = fresh.ctx.iam.roles.get(roleName);
        expect(role?.arn).toBe(`arn:aws:iam::${fresh.ctx.options.accountId}:role/${roleName}`);
        expect(JSON.stringify(role?.policies)).toContain('"arn:aws:s3:::*/*"');
        expect(JSON.stringify(role?.policies)).toContain(`arn:aws:kms:${fresh.ctx.options.region}:${fresh.ctx.options.accountId}:key/*`);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe.each([CONSOLE_ROLES.readOnly, CONSOLE_ROLES.guest])('%s', (role) => {
  it('lists buckets and objects, reads bucket settings, heads and gets objects (SSE-KMS too) and their tags', async () => {
    const s3 = s3As(role);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((o) => o.Key)).toContain('report.csv');
    expect((await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }))).Versions?.map((v) => v.Key)).toContain('report.csv');
    await s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    await s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
    await s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }));
    await s3.send(new GetBucketCorsCommand({ Bucket: BUCKET }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'report.csv' }))).Metadata).toEqual({ owner: 'finance' });
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'under-demo-key.csv' }));
    expect(await got.Body?.transformToString()).toBe('bytes of under-demo-key.csv');
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'report.csv' }))).TagSet).toEqual([{ Key: 'class', Value: 'report' }]);
  });

  it('may not ListBuckets nor GetBucketLocation, which the console does not use on AWS', async () => {
    const s3 = s3As(role);
    await expect(s3.send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 's3:GetBucketLocation', `arn:aws:s3:::${BUCKET}`),
    });
  });

  it.each([
    ['CopyObject', 's3:PutObject', (s3: S3Client) => copyInPlaceToKms(s3, 'report.csv', demoKey)],
    ['PutObject', 's3:PutObject', (s3: S3Client) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'report.csv', Body: 'overwritten' }))],
    [
      'PutObjectTagging',
      's3:PutObjectTagging',
      (s3: S3Client) =>
        s3.send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key: 'report.csv', Tagging: { TagSet: [{ Key: 'class', Value: 'public' }] } })),
    ],
    ['UpdateObjectEncryption', 's3:UpdateObjectEncryption', (s3: S3Client) => updateToKms(s3, 'report.csv', demoKey)],
  ])('refuses %s with 403 AccessDenied naming %s, and the object stays as it was', async (_operation, action, send) => {
    const before = await snapshot('report.csv');
    await expect(send(s3As(role))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, action, `arn:aws:s3:::${BUCKET}/report.csv`),
      $metadata: { httpStatusCode: 403 },
    });
    expect(await snapshot('report.csv')).toEqual(before);
  });

  it('lists and describes KMS keys, but may not use them except through S3 reads', async () => {
    const kms = kmsAs(role);
    expect((await kms.send(new ListAliasesCommand({}))).Aliases?.map((a) => a.AliasName)).toContain('alias/demo-finance');
    expect((await kms.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyArn)).toContain(demoKey);
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/demo-finance' }))).KeyMetadata?.Arn).toBe(demoKey);
    await expect(kms.send(new DescribeKeyCommand({ KeyId: 'alias/no-such-key' }))).rejects.toMatchObject({ name: 'NotFoundException' });
    await expect(kms.send(new GenerateDataKeyCommand({ KeyId: demoKey, KeySpec: 'AES_256' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:GenerateDataKey', demoKey),
      $metadata: { httpStatusCode: 400 },
    });
    await expect(kms.send(new EncryptCommand({ KeyId: demoKey, Plaintext: Buffer.from('x') }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:Encrypt', demoKey),
    });
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: demoKey, Plaintext: Buffer.from('secret') }));
    await expect(kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:Decrypt', demoKey),
    });
  });
});

describe(CONSOLE_ROLES.reEncrypt, () => {
  const role = CONSOLE_ROLES.reEncrypt;

  it('re-encrypts in place with CopyObject to SSE-KMS under a demo key', async () => {
    await put('to-reencrypt.csv');
    const before = await snapshot('to-reencrypt.csv');
    await copyInPlaceToKms(s3As(role), 'to-reencrypt.csv', 'alias/demo-finance');
    const after = await snapshot('to-reencrypt.csv');
    expect(after).toMatchObject({ encryption: 'aws:kms', kmsKey: demoKey });
    expect({ ...after, encryption: undefined, kmsKey: undefined, etag: undefined, lastModified: undefined }).toEqual({
      ...before,
      encryption: undefined,
      kmsKey: undefined,
      etag: undefined,
      lastModified: undefined,
    });
  });

  it('updates an object to SSE-KMS under a demo key with UpdateObjectEncryption', async () => {
    await put('to-update.csv');
    await updateToKms(s3As(role), 'to-update.csv', demoKey);
    expect(await snapshot('to-update.csv')).toMatchObject({ encryption: 'aws:kms', kmsKey: demoKey });
  });

  it('copies a large object in parts (CreateMultipartUpload, UploadPartCopy, CompleteMultipartUpload) under a demo key', async () => {
    await put('large.csv');
    const s3 = s3As(role);
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'large.csv', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: demoKey }),
    );
    const part = await s3.send(
      new UploadPartCopyCommand({ Bucket: BUCKET, Key: 'large.csv', UploadId, PartNumber: 1, CopySource: copySource(BUCKET, 'large.csv') }),
    );
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'large.csv',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult?.ETag }] },
      }),
    );
    expect(await snapshot('large.csv')).toMatchObject({
      encryption: 'aws:kms',
      kmsKey: demoKey,
      bytes: Buffer.from('bytes of large.csv').toString('base64'),
    });
  });

  it('refuses a KMS key outside its policy naming kms:GenerateDataKey, and the object stays as it was', async () => {
    const before = await snapshot('report.csv');
    await expect(copyInPlaceToKms(s3As(role), 'report.csv', outsideKey)).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 'kms:GenerateDataKey', outsideKey),
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      s3As(role).send(
        new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'report.csv', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: outsideKey }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', message: deniedMessage(role, 'kms:GenerateDataKey', outsideKey) });
    await expect(updateToKms(s3As(role), 'report.csv', outsideKey)).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 'kms:Encrypt', outsideKey),
    });
    expect(await snapshot('report.csv')).toEqual(before);
  });

  it('may head an object under a key outside its policy, but not read or copy its bytes (kms:Decrypt)', async () => {
    const s3 = s3As(role);
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'under-outside-key.csv' }))).SSEKMSKeyId).toBe(outsideKey);
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'under-outside-key.csv' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 'kms:Decrypt', outsideKey),
    });
    await expect(copyInPlaceToKms(s3, 'under-outside-key.csv', demoKey)).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 'kms:Decrypt', outsideKey),
    });
  });

  it('may use the AWS managed key (aws/s3) through S3, as its key policy lets the whole account', async () => {
    await put('to-default-kms.csv');
    await s3As(role).send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'to-default-kms.csv',
        CopySource: copySource(BUCKET, 'to-default-kms.csv'),
        ServerSideEncryption: 'aws:kms',
      }),
    );
    const after = await snapshot('to-default-kms.csv');
    expect(after.encryption).toBe('aws:kms');
    expect(after.kmsKey).not.toBe(demoKey);
    const got = await s3As(CONSOLE_ROLES.readOnly).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'to-default-kms.csv' }));
    expect(await got.Body?.transformToString()).toBe('bytes of to-default-kms.csv');
  });

  it('uses KMS keys only through S3', async () => {
    await expect(kmsAs(role).send(new GenerateDataKeyCommand({ KeyId: demoKey, KeySpec: 'AES_256' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:GenerateDataKey', demoKey),
    });
  });

  it('works on the console buckets only', async () => {
    await expect(s3As(role).send(new PutObjectCommand({ Bucket: OTHER_BUCKET, Key: 'x.txt', Body: 'x' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 's3:PutObject', `arn:aws:s3:::${OTHER_BUCKET}/x.txt`),
    });
    await expect(s3As(role).send(new ListObjectsV2Command({ Bucket: OTHER_BUCKET }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 's3:ListBucket', `arn:aws:s3:::${OTHER_BUCKET}`),
    });
  });

  it('deletes nothing: DeleteObjects reports AccessDenied for each key', async () => {
    const result = await s3As(role).send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: 'report.csv' }] } }));
    expect(result.Deleted ?? []).toEqual([]);
    expect(result.Errors).toEqual([
      { Key: 'report.csv', Code: 'AccessDenied', Message: deniedMessage(role, 's3:DeleteObject', `arn:aws:s3:::${BUCKET}/report.csv`) },
    ]);
    await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'report.csv' }));
  });
});

describe('a role with an explicit deny', () => {
  const role = 'NoTaggingRole';
  const explicitly = (action: string, resource: string) =>
    `User: ${sessionArn(role)} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in an identity-based policy`;

  beforeAll(() => {
    putRole(
      role,
      { Sid: 'NoTags', Effect: 'Deny', Action: 's3:PutObject*Tagging', Resource: `arn:aws:s3:::${BUCKET}/*` },
      { Sid: 'NoDescribe', Effect: 'Deny', Action: 'kms:DescribeKey', Resource: '*' },
    );
  });

  it('is refused what the deny names though another statement allows it, and nothing else', async () => {
    const s3 = s3As(role);
    const object = `"arn:aws:s3:::${BUCKET}/report.csv"`;
    await expect(
      s3.send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key: 'report.csv', Tagging: { TagSet: [{ Key: 'a', Value: 'b' }] } })),
    ).rejects.toMatchObject({ name: 'AccessDenied', message: explicitly('s3:PutObjectTagging', object) });
    await expect(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tagged.csv', Body: 'x', Tagging: 'a=b' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: explicitly('s3:PutObjectTagging', `"arn:aws:s3:::${BUCKET}/tagged.csv"`),
    });
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'untagged.csv', Body: 'x' }));
    await expect(kmsAs(role).send(new DescribeKeyCommand({ KeyId: demoKey }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: explicitly('kms:DescribeKey', demoKey),
    });
    await kmsAs(role).send(new ListAliasesCommand({}));
  });
});

describe('a role whose writes must be encrypted under one KMS key (SSE condition keys)', () => {
  const role = 'EncryptedWritesRole';
  const objects = `arn:aws:s3:::${BUCKET}/*`;
  const explicitly = (key: string) =>
    `User: ${sessionArn(role)} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::${BUCKET}/${key}" with an explicit deny in an identity-based policy`;

  beforeAll(() => {
    putRole(
      role,
      {
        Sid: 'DenyWritesWithoutEncryptionHeader',
        Effect: 'Deny',
        Action: 's3:PutObject',
        Resource: objects,
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
      },
      {
        Sid: 'DenyOtherKmsKeys',
        Effect: 'Deny',
        Action: 's3:PutObject',
        Resource: objects,
        Condition: {
          StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
          StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': demoKey },
        },
      },
    );
  });

  it('is refused PutObject, CopyObject and CreateMultipartUpload that send no encryption header, and nothing is written', async () => {
    const s3 = s3As(role);
    const before = await snapshot('report.csv');
    await expect(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'plain.csv', Body: 'x' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: explicitly('plain.csv'),
    });
    await expect(
      s3.send(
        new CopyObjectCommand({ Bucket: BUCKET, Key: 'report.csv', CopySource: copySource(BUCKET, 'report.csv'), StorageClass: 'STANDARD_IA' }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', message: explicitly('report.csv') });
    await expect(s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'plain-parts.csv' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: explicitly('plain-parts.csv'),
    });
    await expect(stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain.csv' }))).rejects.toMatchObject({ name: 'NotFound' });
    expect(await snapshot('report.csv')).toEqual(before);
  });

  it('is refused a write naming another KMS key, and may write SSE-S3 or SSE-KMS under its key', async () => {
    const s3 = s3As(role);
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'other-key.csv', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: outsideKey })),
    ).rejects.toMatchObject({ name: 'AccessDenied', message: explicitly('other-key.csv') });
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sse-s3.csv', Body: 'x', ServerSideEncryption: 'AES256' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sse-kms.csv', Body: 'x', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: demoKey }));
    await copyInPlaceToKms(s3, 'sse-s3.csv', demoKey);
    const upload = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'kms-parts.csv', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: demoKey }),
    );
    expect(upload.UploadId).toBeDefined();
    expect((await stack.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'sse-s3.csv' }))).SSEKMSKeyId).toBe(demoKey);
  });
});

describe('a role that may use one KMS key directly', () => {
  const role = 'OneKeyRole';

  beforeAll(() => {
    stack.ctx.iam.roles.put(role, [
      {
        policyName: 'OneKey',
        document: {
          Version: '2012-10-17',
          Statement: { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*'], Resource: demoKey },
        },
      },
    ]);
  });

  /** A KMS client of the role whose request bodies get `extra` fields, as a hand-made request could carry. */
  function kmsAddingFields(extra: Record<string, string>): KMSClient {
    const client = kmsAs(role);
    const addFields: FinalizeRequestMiddleware<KmsInputs, KmsOutputs> = (next) => async (args) => {
      if (HttpRequest.isInstance(args.request)) {
        args.request.body = JSON.stringify({ ...(JSON.parse(String(args.request.body)) as object), ...extra });
        args.request.headers['content-length'] = String(Buffer.byteLength(args.request.body as string));
      }
      return next(args);
    };
    client.middlewareStack.addRelativeTo(addFields, { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'addFields' });
    return client;
  }

  it('is authorized against the key Encrypt uses, whatever ciphertext the request also carries', async () => {
    const { CiphertextBlob } = await kmsAs(role).send(new EncryptCommand({ KeyId: demoKey, Plaintext: Buffer.from('x') }));
    const smuggling = kmsAddingFields({ CiphertextBlob: Buffer.from(CiphertextBlob!).toString('base64') });
    await expect(smuggling.send(new EncryptCommand({ KeyId: outsideKey, Plaintext: Buffer.from('x') }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:Encrypt', outsideKey),
    });
  });

  it('is authorized for Decrypt against the key of the ciphertext, not the KeyId it names', async () => {
    const { CiphertextBlob } = await stack.kms.send(new EncryptCommand({ KeyId: outsideKey, Plaintext: Buffer.from('x') }));
    await expect(kmsAs(role).send(new DecryptCommand({ CiphertextBlob, KeyId: demoKey }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:Decrypt', outsideKey),
    });
  });

  it('needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination', async () => {
    const kms = kmsAs(role);
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: demoKey, Plaintext: Buffer.from('moved') }));
    const again = await kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: demoKey }));
    expect(again.KeyId).toBe(demoKey);
    await expect(kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: outsideKey }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:ReEncryptTo', outsideKey),
    });
    const outside = await stack.kms.send(new EncryptCommand({ KeyId: outsideKey, Plaintext: Buffer.from('x') }));
    await expect(kms.send(new ReEncryptCommand({ CiphertextBlob: outside.CiphertextBlob, DestinationKeyId: demoKey }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: deniedMessage(role, 'kms:ReEncryptFrom', outsideKey),
    });
  });
});

describe('a role that may list one prefix (s3:prefix)', () => {
  const role = 'PublicListerRole';

  beforeAll(() => {
    stack.ctx.iam.roles.put(role, [
      {
        policyName: 'ListPublic',
        document: {
          Version: '2012-10-17',
          Statement: {
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: `arn:aws:s3:::${BUCKET}`,
            Condition: { StringLike: { 's3:prefix': 'public/*' } },
          },
        },
      },
    ]);
  });

  it('lists under that prefix only', async () => {
    const s3 = s3As(role);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/' }))).KeyCount).toBe(0);
    await expect(s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: deniedMessage(role, 's3:ListBucket', `arn:aws:s3:::${BUCKET}`),
    });
  });
});
