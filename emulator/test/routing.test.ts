import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as s3 from '@aws-sdk/client-s3';
import { S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { IMPLEMENTED_OPERATIONS, NOT_IMPLEMENTED, s3Handlers } from '../s3/handlers.js';
import type { S3Operation } from '../s3/operations.js';
import { rootS3Client, sendRaw, signRaw, failureOf, useTestStack } from './harness.js';
import { getBytes } from './object-fixtures.js';

const stack = useTestStack();
/** Bucket-level requests go to an empty bucket, which a request taken for DeleteBucket would remove. */
const EMPTY = 'routing-empty';
const OBJECTS = 'routing-objects';
const KEY = 'report.csv';
const BYTES = 'id,amount\n1,100\n';

/** What the two buckets hold: they exist, their keys, and the object's bytes, ETag and date. */
async function snapshot() {
  await stack.s3.send(new s3.HeadBucketCommand({ Bucket: EMPTY }));
  const emptyKeys = (await stack.s3.send(new s3.ListObjectVersionsCommand({ Bucket: EMPTY }))).Versions ?? [];
  const listed = await stack.s3.send(new s3.ListObjectVersionsCommand({ Bucket: OBJECTS }));
  const head = await stack.s3.send(new s3.HeadObjectCommand({ Bucket: OBJECTS, Key: KEY }));
  return {
    emptyKeys: emptyKeys.map((version) => version.Key),
    versions: (listed.Versions ?? []).map((version) => `${version.Key} ${version.ETag}`),
    bytes: (await getBytes(stack, { Bucket: OBJECTS, Key: KEY })).toString(),
    etag: head.ETag,
    lastModified: head.LastModified,
  };
}

const NOT_IMPLEMENTED_ANSWER = { name: 'NotImplemented', status: 501 };
const ID = 'config-1';
const onEmpty = { Bucket: EMPTY };
const onObject = { Bucket: OBJECTS, Key: KEY };

/** One request of each operation the stack does not implement, as the SDK sends it where the SDK can send it to the stack. */
const UNIMPLEMENTED: Partial<Record<S3Operation, (client: S3Client) => Promise<unknown>>> = {
  CreateBucketMetadataConfiguration: (c) =>
    c.send(
      new s3.CreateBucketMetadataConfigurationCommand({
        ...onEmpty,
        MetadataConfiguration: { JournalTableConfiguration: { RecordExpiration: { Expiration: 'DISABLED' } } },
      }),
    ),
  CreateBucketMetadataTableConfiguration: (c) =>
    c.send(
      new s3.CreateBucketMetadataTableConfigurationCommand({
        ...onEmpty,
        MetadataTableConfiguration: { S3TablesDestination: { TableBucketArn: 'arn:aws:s3tables:us-east-1:000000000000:bucket/t', TableName: 't' } },
      }),
    ),
  CreateSession: (c) => c.send(new s3.CreateSessionCommand(onEmpty)),
  DeleteBucketAnalyticsConfiguration: (c) => c.send(new s3.DeleteBucketAnalyticsConfigurationCommand({ ...onEmpty, Id: ID })),
  DeleteBucketIntelligentTieringConfiguration: (c) => c.send(new s3.DeleteBucketIntelligentTieringConfigurationCommand({ ...onEmpty, Id: ID })),
  DeleteBucketInventoryConfiguration: (c) => c.send(new s3.DeleteBucketInventoryConfigurationCommand({ ...onEmpty, Id: ID })),
  DeleteBucketLifecycle: (c) => c.send(new s3.DeleteBucketLifecycleCommand(onEmpty)),
  DeleteBucketMetadataConfiguration: (c) => c.send(new s3.DeleteBucketMetadataConfigurationCommand(onEmpty)),
  DeleteBucketMetadataTableConfiguration: (c) => c.send(new s3.DeleteBucketMetadataTableConfigurationCommand(onEmpty)),
  DeleteBucketMetricsConfiguration: (c) => c.send(new s3.DeleteBucketMetricsConfigurationCommand({ ...onEmpty, Id: ID })),
  DeleteBucketOwnershipControls: (c) => c.send(new s3.DeleteBucketOwnershipControlsCommand(onEmpty)),
  DeleteBucketPolicy: (c) => c.send(new s3.DeleteBucketPolicyCommand(onEmpty)),
  DeleteBucketReplication: (c) => c.send(new s3.DeleteBucketReplicationCommand(onEmpty)),
  DeleteBucketWebsite: (c) => c.send(new s3.DeleteBucketWebsiteCommand(onEmpty)),
  DeleteObjectAnnotation: (c) => c.send(new s3.DeleteObjectAnnotationCommand({ ...onObject, AnnotationName: 'note' })),
  DeletePublicAccessBlock: (c) => c.send(new s3.DeletePublicAccessBlockCommand(onEmpty)),
  GetBucketAbac: (c) => c.send(new s3.GetBucketAbacCommand(onEmpty)),
  GetBucketAccelerateConfiguration: (c) => c.send(new s3.GetBucketAccelerateConfigurationCommand(onEmpty)),
  GetBucketAcl: (c) => c.send(new s3.GetBucketAclCommand(onEmpty)),
  GetBucketAnalyticsConfiguration: (c) => c.send(new s3.GetBucketAnalyticsConfigurationCommand({ ...onEmpty, Id: ID })),
  GetBucketIntelligentTieringConfiguration: (c) => c.send(new s3.GetBucketIntelligentTieringConfigurationCommand({ ...onEmpty, Id: ID })),
  GetBucketInventoryConfiguration: (c) => c.send(new s3.GetBucketInventoryConfigurationCommand({ ...onEmpty, Id: ID })),
  GetBucketLifecycleConfiguration: (c) => c.send(new s3.GetBucketLifecycleConfigurationCommand(onEmpty)),
  GetBucketLogging: (c) => c.send(new s3.GetBucketLoggingCommand(onEmpty)),
  GetBucketMetadataConfiguration: (c) => c.send(new s3.GetBucketMetadataConfigurationCommand(onEmpty)),
  GetBucketMetadataTableConfiguration: (c) => c.send(new s3.GetBucketMetadataTableConfigurationCommand(onEmpty)),
  GetBucketMetricsConfiguration: (c) => c.send(new s3.GetBucketMetricsConfigurationCommand({ ...onEmpty, Id: ID })),
  GetBucketNotificationConfiguration: (c) => c.send(new s3.GetBucketNotificationConfigurationCommand(onEmpty)),
  GetBucketOwnershipControls: (c) => c.send(new s3.GetBucketOwnershipControlsCommand(onEmpty)),
  GetBucketPolicy: (c) => c.send(new s3.GetBucketPolicyCommand(onEmpty)),
  GetBucketPolicyStatus: (c) => c.send(new s3.GetBucketPolicyStatusCommand(onEmpty)),
  GetBucketReplication: (c) => c.send(new s3.GetBucketReplicationCommand(onEmpty)),
  GetBucketRequestPayment: (c) => c.send(new s3.GetBucketRequestPaymentCommand(onEmpty)),
  GetBucketWebsite: (c) => c.send(new s3.GetBucketWebsiteCommand(onEmpty)),
  GetObjectAcl: (c) => c.send(new s3.GetObjectAclCommand(onObject)),
  GetObjectAnnotation: (c) => c.send(new s3.GetObjectAnnotationCommand({ ...onObject, AnnotationName: 'note' })),
  GetObjectTorrent: (c) => c.send(new s3.GetObjectTorrentCommand(onObject)),
  GetPublicAccessBlock: (c) => c.send(new s3.GetPublicAccessBlockCommand(onEmpty)),
  ListBucketAnalyticsConfigurations: (c) => c.send(new s3.ListBucketAnalyticsConfigurationsCommand(onEmpty)),
  ListBucketIntelligentTieringConfigurations: (c) => c.send(new s3.ListBucketIntelligentTieringConfigurationsCommand(onEmpty)),
  ListBucketInventoryConfigurations: (c) => c.send(new s3.ListBucketInventoryConfigurationsCommand(onEmpty)),
  ListBucketMetricsConfigurations: (c) => c.send(new s3.ListBucketMetricsConfigurationsCommand(onEmpty)),
  // The SDK signs these two for S3 Express's and Object Lambda's endpoints; the stack has only S3's.
  ListDirectoryBuckets: () => rawRequest('GET', '/', { 'x-id': 'ListDirectoryBuckets' }),
  ListObjectAnnotations: (c) => c.send(new s3.ListObjectAnnotationsCommand(onObject)),
  PutBucketAbac: (c) => c.send(new s3.PutBucketAbacCommand({ ...onEmpty, AbacStatus: { Status: 'Enabled' } })),
  PutBucketAccelerateConfiguration: (c) =>
    c.send(new s3.PutBucketAccelerateConfigurationCommand({ ...onEmpty, AccelerateConfiguration: { Status: 'Enabled' } })),
  PutBucketAcl: (c) => c.send(new s3.PutBucketAclCommand({ ...onEmpty, ACL: 'public-read' })),
  PutBucketAnalyticsConfiguration: (c) =>
    c.send(new s3.PutBucketAnalyticsConfigurationCommand({ ...onEmpty, Id: ID, AnalyticsConfiguration: { Id: ID, StorageClassAnalysis: {} } })),
  PutBucketIntelligentTieringConfiguration: (c) =>
    c.send(
      new s3.PutBucketIntelligentTieringConfigurationCommand({
        ...onEmpty,
        Id: ID,
        IntelligentTieringConfiguration: { Id: ID, Status: 'Enabled', Tierings: [{ Days: 90, AccessTier: 'ARCHIVE_ACCESS' }] },
      }),
    ),
  PutBucketInventoryConfiguration: (c) =>
    c.send(
      new s3.PutBucketInventoryConfigurationCommand({
        ...onEmpty,
        Id: ID,
        InventoryConfiguration: {
          Id: ID,
          IsEnabled: true,
          Destination: { S3BucketDestination: { Bucket: 'arn:aws:s3:::inventory', Format: 'CSV' } },
          IncludedObjectVersions: 'Current',
          Schedule: { Frequency: 'Daily' },
        },
      }),
    ),
  PutBucketLifecycleConfiguration: (c) =>
    c.send(
      new s3.PutBucketLifecycleConfigurationCommand({
        ...onEmpty,
        LifecycleConfiguration: { Rules: [{ ID: 'expire', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } }] },
      }),
    ),
  PutBucketLogging: (c) => c.send(new s3.PutBucketLoggingCommand({ ...onEmpty, BucketLoggingStatus: {} })),
  PutBucketMetricsConfiguration: (c) => c.send(new s3.PutBucketMetricsConfigurationCommand({ ...onEmpty, Id: ID, MetricsConfiguration: { Id: ID } })),
  PutBucketNotificationConfiguration: (c) => c.send(new s3.PutBucketNotificationConfigurationCommand({ ...onEmpty, NotificationConfiguration: {} })),
  PutBucketOwnershipControls: (c) =>
    c.send(new s3.PutBucketOwnershipControlsCommand({ ...onEmpty, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } })),
  PutBucketPolicy: (c) => c.send(new s3.PutBucketPolicyCommand({ ...onEmpty, Policy: '{"Version":"2012-10-17","Statement":[]}' })),
  PutBucketReplication: (c) =>
    c.send(
      new s3.PutBucketReplicationCommand({
        ...onEmpty,
        ReplicationConfiguration: {
          Role: 'arn:aws:iam::000000000000:role/r',
          Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::replica' } }],
        },
      }),
    ),
  PutBucketRequestPayment: (c) => c.send(new s3.PutBucketRequestPaymentCommand({ ...onEmpty, RequestPaymentConfiguration: { Payer: 'Requester' } })),
  PutBucketWebsite: (c) => c.send(new s3.PutBucketWebsiteCommand({ ...onEmpty, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } })),
  PutObjectAcl: (c) => c.send(new s3.PutObjectAclCommand({ ...onObject, ACL: 'public-read' })),
  PutObjectAnnotation: (c) => c.send(new s3.PutObjectAnnotationCommand({ ...onObject, AnnotationName: 'note', AnnotationPayload: 'a note' })),
  PutPublicAccessBlock: (c) => c.send(new s3.PutPublicAccessBlockCommand({ ...onEmpty, PublicAccessBlockConfiguration: { BlockPublicAcls: true } })),
  RenameObject: (c) => c.send(new s3.RenameObjectCommand({ Bucket: OBJECTS, Key: 'renamed.csv', RenameSource: `${OBJECTS}/${KEY}` })),
  RestoreObject: (c) => c.send(new s3.RestoreObjectCommand({ ...onObject, RestoreRequest: { Days: 1 } })),
  SelectObjectContent: (c) =>
    c.send(
      new s3.SelectObjectContentCommand({
        ...onObject,
        Expression: 'select * from s3object',
        ExpressionType: 'SQL',
        InputSerialization: { CSV: {} },
        OutputSerialization: { CSV: {} },
      }),
    ),
  UpdateBucketMetadataAnnotationTableConfiguration: (c) =>
    c.send(
      new s3.UpdateBucketMetadataAnnotationTableConfigurationCommand({ ...onEmpty, AnnotationTableConfiguration: { ConfigurationState: 'ENABLED' } }),
    ),
  UpdateBucketMetadataInventoryTableConfiguration: (c) =>
    c.send(
      new s3.UpdateBucketMetadataInventoryTableConfigurationCommand({ ...onEmpty, InventoryTableConfiguration: { ConfigurationState: 'ENABLED' } }),
    ),
  UpdateBucketMetadataJournalTableConfiguration: (c) =>
    c.send(
      new s3.UpdateBucketMetadataJournalTableConfigurationCommand({
        ...onEmpty,
        JournalTableConfiguration: { RecordExpiration: { Expiration: 'DISABLED' } },
      }),
    ),
  WriteGetObjectResponse: () => rawRequest('POST', '/WriteGetObjectResponse', {}, { 'x-amz-request-route': 'route', 'x-amz-request-token': 'token' }),
  // The browser form upload: a POST to the bucket without a sub-resource.
  PostObject: () =>
    rawRequest(
      'POST',
      `/${OBJECTS}`,
      {},
      { 'content-type': 'multipart/form-data; boundary=b' },
      '--b\r\nContent-Disposition: form-data; name="key"\r\n\r\nposted.txt\r\n--b--\r\n',
    ),
};

const copyInput = { ...onObject, CopySource: `${OBJECTS}/${KEY}` };
const partInput = { ...onObject, UploadId: 'upload-1', PartNumber: 1 };
const lockDate = new Date('2030-01-01T00:00:00Z');

/**
 * One request of each operation the stack implements; a fault injected for that
 * operation answers it before its handler runs, so the inputs need only be sent.
 * A name after a space is a variant of the same operation.
 */
const IMPLEMENTED: Record<string, (client: S3Client) => Promise<unknown>> = {
  AbortMultipartUpload: (c) => c.send(new s3.AbortMultipartUploadCommand({ ...onObject, UploadId: 'upload-1' })),
  CompleteMultipartUpload: (c) =>
    c.send(new s3.CompleteMultipartUploadCommand({ ...onObject, UploadId: 'upload-1', MultipartUpload: { Parts: [] } })),
  CopyObject: (c) => c.send(new s3.CopyObjectCommand(copyInput)),
  CreateBucket: (c) => c.send(new s3.CreateBucketCommand(onEmpty)),
  CreateMultipartUpload: (c) => c.send(new s3.CreateMultipartUploadCommand(onObject)),
  DeleteBucket: (c) => c.send(new s3.DeleteBucketCommand(onEmpty)),
  DeleteBucketCors: (c) => c.send(new s3.DeleteBucketCorsCommand(onEmpty)),
  DeleteBucketEncryption: (c) => c.send(new s3.DeleteBucketEncryptionCommand(onEmpty)),
  DeleteBucketTagging: (c) => c.send(new s3.DeleteBucketTaggingCommand(onEmpty)),
  DeleteObject: (c) => c.send(new s3.DeleteObjectCommand(onObject)),
  DeleteObjects: (c) => c.send(new s3.DeleteObjectsCommand({ Bucket: OBJECTS, Delete: { Objects: [{ Key: KEY }] } })),
  DeleteObjectTagging: (c) => c.send(new s3.DeleteObjectTaggingCommand(onObject)),
  GetBucketCors: (c) => c.send(new s3.GetBucketCorsCommand(onEmpty)),
  GetBucketEncryption: (c) => c.send(new s3.GetBucketEncryptionCommand(onEmpty)),
  GetBucketLocation: (c) => c.send(new s3.GetBucketLocationCommand(onEmpty)),
  GetBucketTagging: (c) => c.send(new s3.GetBucketTaggingCommand(onEmpty)),
  GetBucketVersioning: (c) => c.send(new s3.GetBucketVersioningCommand(onEmpty)),
  GetObject: (c) => c.send(new s3.GetObjectCommand(onObject)),
  'GetObject partNumber': (c) => c.send(new s3.GetObjectCommand({ ...onObject, PartNumber: 1 })),
  GetObjectAttributes: (c) => c.send(new s3.GetObjectAttributesCommand({ ...onObject, ObjectAttributes: ['ETag'] })),
  GetObjectLegalHold: (c) => c.send(new s3.GetObjectLegalHoldCommand(onObject)),
  GetObjectLockConfiguration: (c) => c.send(new s3.GetObjectLockConfigurationCommand(onEmpty)),
  GetObjectRetention: (c) => c.send(new s3.GetObjectRetentionCommand(onObject)),
  GetObjectTagging: (c) => c.send(new s3.GetObjectTaggingCommand(onObject)),
  HeadBucket: (c) => c.send(new s3.HeadBucketCommand(onEmpty)),
  HeadObject: (c) => c.send(new s3.HeadObjectCommand(onObject)),
  'HeadObject partNumber': (c) => c.send(new s3.HeadObjectCommand({ ...onObject, PartNumber: 1 })),
  ListBuckets: (c) => c.send(new s3.ListBucketsCommand({})),
  ListMultipartUploads: (c) => c.send(new s3.ListMultipartUploadsCommand(onEmpty)),
  ListObjects: (c) => c.send(new s3.ListObjectsCommand(onEmpty)),
  ListObjectsV2: (c) => c.send(new s3.ListObjectsV2Command(onEmpty)),
  ListObjectVersions: (c) => c.send(new s3.ListObjectVersionsCommand(onEmpty)),
  ListParts: (c) => c.send(new s3.ListPartsCommand({ ...onObject, UploadId: 'upload-1' })),
  PutBucketCors: (c) =>
    c.send(new s3.PutBucketCorsCommand({ ...onEmpty, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] } })),
  PutBucketEncryption: (c) =>
    c.send(
      new s3.PutBucketEncryptionCommand({
        ...onEmpty,
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      }),
    ),
  PutBucketTagging: (c) => c.send(new s3.PutBucketTaggingCommand({ ...onEmpty, Tagging: { TagSet: [] } })),
  PutBucketVersioning: (c) => c.send(new s3.PutBucketVersioningCommand({ ...onEmpty, VersioningConfiguration: { Status: 'Enabled' } })),
  PutObject: (c) => c.send(new s3.PutObjectCommand({ ...onObject, Body: 'replacement' })),
  PutObjectLegalHold: (c) => c.send(new s3.PutObjectLegalHoldCommand({ ...onObject, LegalHold: { Status: 'ON' } })),
  PutObjectLockConfiguration: (c) =>
    c.send(new s3.PutObjectLockConfigurationCommand({ ...onEmpty, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } })),
  PutObjectRetention: (c) => c.send(new s3.PutObjectRetentionCommand({ ...onObject, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: lockDate } })),
  PutObjectTagging: (c) => c.send(new s3.PutObjectTaggingCommand({ ...onObject, Tagging: { TagSet: [] } })),
  UpdateObjectEncryption: (c) =>
    c.send(
      new s3.UpdateObjectEncryptionCommand({ ...onObject, ObjectEncryption: { SSEKMS: { KMSKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k' } } }),
    ),
  UploadPart: (c) => c.send(new s3.UploadPartCommand({ ...partInput, Body: 'part' })),
  UploadPartCopy: (c) => c.send(new s3.UploadPartCopyCommand({ ...partInput, CopySource: `${OBJECTS}/${KEY}` })),
};

/** A request signed for S3 that no SDK command here sends; an error answer rejects as the SDK's would. */
async function rawRequest(method: string, path: string, query: Record<string, string>, headers: Record<string, string> = {}, body?: string) {
  const response = await sendRaw(stack, await signRaw(stack, { method, path, query, headers, body }));
  const code = /<Code>([^<]*)<\/Code>/.exec(response.body.toString())?.[1];
  if (code) throw new S3ServiceException({ name: code, $fault: 'server', $metadata: { httpStatusCode: response.status } });
  return response;
}

describe('every S3 operation is routed to itself and answered or refused as NotImplemented', () => {
  let client: S3Client;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    client = rootS3Client(stack);
    await stack.s3.send(new s3.CreateBucketCommand({ Bucket: EMPTY }));
    await stack.s3.send(new s3.CreateBucketCommand({ Bucket: OBJECTS }));
    await stack.s3.send(new s3.PutObjectCommand({ Bucket: OBJECTS, Key: KEY, Body: BYTES }));
    before = await snapshot();
  });

  afterEach(() => stack.ctx.faults.replace([]));

  it('has a request here for every operation the handler map answers NotImplemented', () => {
    const unimplemented = Object.entries(s3Handlers)
      .filter(([, handler]) => handler === NOT_IMPLEMENTED)
      .map(([operation]) => operation);
    expect(Object.keys(UNIMPLEMENTED).sort()).toEqual(unimplemented.sort());
  });

  it('has a request here for every operation the stack implements', () => {
    const operations = new Set(Object.keys(IMPLEMENTED).map((name) => name.split(' ')[0]));
    expect([...operations].sort()).toEqual([...IMPLEMENTED_OPERATIONS].sort());
  });

  it.each(Object.entries(IMPLEMENTED))('%s is taken for itself', async (name, send) => {
    stack.ctx.faults.replace([{ kind: 'InternalError', rate: 1, operations: [name.split(' ')[0]] }]);
    expect((await failureOf(send(client))).status).toBe(500);
    stack.ctx.faults.replace([]);
    expect(await snapshot()).toEqual(before);
  });

  it.each(Object.entries(UNIMPLEMENTED))('%s', async (operation, send) => {
    // A fault injected for this operation alone shows which operation the stack took the request for.
    stack.ctx.faults.replace([{ kind: 'InternalError', rate: 1, operations: [operation] }]);
    expect(await failureOf(send(client))).toEqual({ name: 'InternalError', status: 500 });
    stack.ctx.faults.replace([]);
    expect(await failureOf(send(client))).toEqual(NOT_IMPLEMENTED_ANSWER);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the issue's requests that destroyed data or answered as another operation", () => {
  beforeAll(async () => {
    await stack.s3.send(new s3.CreateBucketCommand({ Bucket: 'issue-empty' }));
    await stack.s3.send(new s3.CreateBucketCommand({ Bucket: 'issue-objects' }));
  });

  async function putObject(Key: string) {
    await stack.s3.send(new s3.PutObjectCommand({ Bucket: 'issue-objects', Key, Body: BYTES }));
  }

  async function bytesOf(Key: string) {
    return (await getBytes(stack, { Bucket: 'issue-objects', Key })).toString();
  }

  it('PutObjectAcl leaves the object its bytes', async () => {
    await putObject('acl.csv');
    await failureOf(stack.s3.send(new s3.PutObjectAclCommand({ Bucket: 'issue-objects', Key: 'acl.csv', ACL: 'private' })));
    expect(await bytesOf('acl.csv')).toBe(BYTES);
  });

  it('PutObjectLegalHold and PutObjectRetention leave the object its bytes', async () => {
    await putObject('held.csv');
    await failureOf(stack.s3.send(new s3.PutObjectLegalHoldCommand({ Bucket: 'issue-objects', Key: 'held.csv', LegalHold: { Status: 'ON' } })));
    const RetainUntilDate = new Date(Date.now() + 86_400_000);
    await failureOf(
      stack.s3.send(
        new s3.PutObjectRetentionCommand({ Bucket: 'issue-objects', Key: 'held.csv', Retention: { Mode: 'GOVERNANCE', RetainUntilDate } }),
      ),
    );
    expect(await bytesOf('held.csv')).toBe(BYTES);
  });

  it.each([
    ['DeleteBucketTagging', () => stack.s3.send(new s3.DeleteBucketTaggingCommand({ Bucket: 'issue-empty' }))],
    ['DeleteBucketLifecycle', () => stack.s3.send(new s3.DeleteBucketLifecycleCommand({ Bucket: 'issue-empty' }))],
  ])('%s leaves the empty bucket in place', async (_name, send) => {
    await send().catch(() => undefined);
    await expect(stack.s3.send(new s3.HeadBucketCommand({ Bucket: 'issue-empty' }))).resolves.toBeDefined();
  });

  it('GetObjectAttributes and GetObjectAcl do not answer with the object', async () => {
    await putObject('read.csv');
    const attributes = await stack.s3.send(
      new s3.GetObjectAttributesCommand({ Bucket: 'issue-objects', Key: 'read.csv', ObjectAttributes: ['ObjectSize'] }),
    );
    expect(attributes.ObjectSize).toBe(BYTES.length);
    expect(await failureOf(stack.s3.send(new s3.GetObjectAclCommand({ Bucket: 'issue-objects', Key: 'read.csv' })))).toEqual(NOT_IMPLEMENTED_ANSWER);
  });

  it('GetBucketPolicy is not a listing', async () => {
    expect(await failureOf(stack.s3.send(new s3.GetBucketPolicyCommand({ Bucket: 'issue-objects' })))).toEqual(NOT_IMPLEMENTED_ANSWER);
  });

  it.each([
    [
      'PutBucketPolicy',
      () => stack.s3.send(new s3.PutBucketPolicyCommand({ Bucket: 'issue-empty', Policy: '{"Version":"2012-10-17","Statement":[]}' })),
    ],
    ['PutBucketAcl', () => stack.s3.send(new s3.PutBucketAclCommand({ Bucket: 'issue-empty', ACL: 'private' }))],
    [
      'PutBucketLifecycleConfiguration',
      () =>
        stack.s3.send(
          new s3.PutBucketLifecycleConfigurationCommand({
            Bucket: 'issue-empty',
            LifecycleConfiguration: { Rules: [{ ID: 'r', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } }] },
          }),
        ),
    ],
  ])('%s is not taken for CreateBucket', async (_name, send) => {
    expect(await failureOf(send())).toEqual(NOT_IMPLEMENTED_ANSWER);
  });

  it('PutBucketTagging is not taken for CreateBucket', async () => {
    await stack.s3.send(new s3.PutBucketTaggingCommand({ Bucket: 'issue-empty', Tagging: { TagSet: [{ Key: 'team', Value: 'finance' }] } }));
    expect((await stack.s3.send(new s3.GetBucketTaggingCommand({ Bucket: 'issue-empty' }))).TagSet).toEqual([{ Key: 'team', Value: 'finance' }]);
  });
});

describe('requests no operation takes', () => {
  const BUCKET = 'routing-refusals';

  beforeAll(async () => {
    await stack.s3.send(new s3.CreateBucketCommand({ Bucket: BUCKET }));
    await stack.s3.send(new s3.PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: BYTES }));
  });

  async function send(method: string, path: string, query: Record<string, string> = {}) {
    const response = await sendRaw(
      stack,
      await signRaw(stack, { method, path, query, headers: {}, body: method === 'PUT' ? 'replacement' : undefined }),
    );
    const text = response.body.toString();
    return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], resourceType: /<ResourceType>([^<]*)</.exec(text)?.[1] };
  }

  async function expectUntouched() {
    expect((await getBytes(stack, { Bucket: BUCKET, Key: KEY })).toString()).toBe(BYTES);
  }

  it('refuses a write with a sub-resource S3 does not list, rather than taking it for PutObject or DeleteObject', async () => {
    expect(await send('PUT', `/${BUCKET}/${KEY}`, { 'not-a-subresource': '' })).toMatchObject({ status: 501, code: 'NotImplemented' });
    expect(await send('DELETE', `/${BUCKET}/${KEY}`, { 'not-a-subresource': '' })).toMatchObject({ status: 501, code: 'NotImplemented' });
    expect(await send('DELETE', `/${BUCKET}`, { 'not-a-subresource': '' })).toMatchObject({ status: 501, code: 'NotImplemented' });
    await expectUntouched();
  });

  it('answers 405 MethodNotAllowed for a method the resource or its sub-resource does not allow', async () => {
    expect(await send('PATCH', `/${BUCKET}/${KEY}`)).toEqual({ status: 405, code: 'MethodNotAllowed', resourceType: 'OBJECT' });
    expect(await send('POST', `/${BUCKET}/${KEY}`)).toEqual({ status: 405, code: 'MethodNotAllowed', resourceType: 'OBJECT' });
    expect(await send('DELETE', `/${BUCKET}`, { location: '' })).toEqual({ status: 405, code: 'MethodNotAllowed', resourceType: 'BUCKET' });
    expect(await send('PUT', `/${BUCKET}/${KEY}`, { attributes: '' })).toEqual({ status: 405, code: 'MethodNotAllowed', resourceType: 'OBJECT' });
    expect(await send('PUT', `/${BUCKET}/${KEY}`, { versioning: '' })).toEqual({ status: 405, code: 'MethodNotAllowed', resourceType: 'OBJECT' });
    expect(await send('DELETE', '/')).toEqual({ status: 405, code: 'MethodNotAllowed', resourceType: 'SERVICE' });
    await expectUntouched();
    await stack.s3.send(new s3.HeadBucketCommand({ Bucket: BUCKET }));
  });

  it('reads ignore parameters S3 does not know, as S3 does (cache-busting URLs)', async () => {
    const response = await sendRaw(
      stack,
      await signRaw(stack, { method: 'GET', path: `/${BUCKET}/${KEY}`, query: { t: '1733300000' }, headers: {} }),
    );
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(BYTES);
  });
});
