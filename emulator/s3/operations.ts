import { s3Errors } from '../http/s3-error.js';

/**
 * Every operation of the Amazon S3 API reference (Amazon S3 actions, not S3
 * Control), named as there. The deprecated GetBucketLifecycle,
 * PutBucketLifecycle, GetBucketNotification and PutBucketNotification send
 * the same requests as their successors and are those here. PostObject is
 * the browser form upload (POST to the bucket).
 */
export const S3_OPERATIONS = [
  'AbortMultipartUpload',
  'CompleteMultipartUpload',
  'CopyObject',
  'CreateBucket',
  'CreateBucketMetadataConfiguration',
  'CreateBucketMetadataTableConfiguration',
  'CreateMultipartUpload',
  'CreateSession',
  'DeleteBucket',
  'DeleteBucketAnalyticsConfiguration',
  'DeleteBucketCors',
  'DeleteBucketEncryption',
  'DeleteBucketIntelligentTieringConfiguration',
  'DeleteBucketInventoryConfiguration',
  'DeleteBucketLifecycle',
  'DeleteBucketMetadataConfiguration',
  'DeleteBucketMetadataTableConfiguration',
  'DeleteBucketMetricsConfiguration',
  'DeleteBucketOwnershipControls',
  'DeleteBucketPolicy',
  'DeleteBucketReplication',
  'DeleteBucketTagging',
  'DeleteBucketWebsite',
  'DeleteObject',
  'DeleteObjectAnnotation',
  'DeleteObjects',
  'DeleteObjectTagging',
  'DeletePublicAccessBlock',
  'GetBucketAbac',
  'GetBucketAccelerateConfiguration',
  'GetBucketAcl',
  'GetBucketAnalyticsConfiguration',
  'GetBucketCors',
  'GetBucketEncryption',
  'GetBucketIntelligentTieringConfiguration',
  'GetBucketInventoryConfiguration',
  'GetBucketLifecycleConfiguration',
  'GetBucketLocation',
  'GetBucketLogging',
  'GetBucketMetadataConfiguration',
  'GetBucketMetadataTableConfiguration',
  'GetBucketMetricsConfiguration',
  'GetBucketNotificationConfiguration',
  'GetBucketOwnershipControls',
  'GetBucketPolicy',
  'GetBucketPolicyStatus',
  'GetBucketReplication',
  'GetBucketRequestPayment',
  'GetBucketTagging',
  'GetBucketVersioning',
  'GetBucketWebsite',
  'GetObject',
  'GetObjectAcl',
  'GetObjectAnnotation',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectLockConfiguration',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'GetPublicAccessBlock',
  'HeadBucket',
  'HeadObject',
  'ListBucketAnalyticsConfigurations',
  'ListBucketIntelligentTieringConfigurations',
  'ListBucketInventoryConfigurations',
  'ListBucketMetricsConfigurations',
  'ListBuckets',
  'ListDirectoryBuckets',
  'ListMultipartUploads',
  'ListObjectAnnotations',
  'ListObjects',
  'ListObjectsV2',
  'ListObjectVersions',
  'ListParts',
  'PostObject',
  'PutBucketAbac',
  'PutBucketAccelerateConfiguration',
  'PutBucketAcl',
  'PutBucketAnalyticsConfiguration',
  'PutBucketCors',
  'PutBucketEncryption',
  'PutBucketIntelligentTieringConfiguration',
  'PutBucketInventoryConfiguration',
  'PutBucketLifecycleConfiguration',
  'PutBucketLogging',
  'PutBucketMetricsConfiguration',
  'PutBucketNotificationConfiguration',
  'PutBucketOwnershipControls',
  'PutBucketPolicy',
  'PutBucketReplication',
  'PutBucketRequestPayment',
  'PutBucketTagging',
  'PutBucketVersioning',
  'PutBucketWebsite',
  'PutObject',
  'PutObjectAcl',
  'PutObjectAnnotation',
  'PutObjectLegalHold',
  'PutObjectLockConfiguration',
  'PutObjectRetention',
  'PutObjectTagging',
  'PutPublicAccessBlock',
  'RenameObject',
  'RestoreObject',
  'SelectObjectContent',
  'UpdateBucketMetadataAnnotationTableConfiguration',
  'UpdateBucketMetadataInventoryTableConfiguration',
  'UpdateBucketMetadataJournalTableConfiguration',
  'UpdateObjectEncryption',
  'UploadPart',
  'UploadPartCopy',
  'WriteGetObjectResponse',
] as const;

export type S3Operation = (typeof S3_OPERATIONS)[number];

type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
type Query = Record<string, unknown>;
type Route = S3Operation | ((query: Query, headers: Record<string, string>) => S3Operation);
type SubresourceRoutes = Record<string, Partial<Record<Method, Route>>>;

const has = (query: Query, name: string) => query[name] !== undefined;

/** One configuration of several (analytics, metrics, …) when `?id=` names it, else their list. */
const oneOrList =
  (one: S3Operation, list: S3Operation): Route =>
  (query) =>
    has(query, 'id') ? one : list;

const copyOr =
  (copy: S3Operation, write: S3Operation): Route =>
  (_query, headers) =>
    headers['x-amz-copy-source'] !== undefined ? copy : write;

/** Bucket sub-resources (`/bucket?name`) → operation per method. */
const BUCKET_SUBRESOURCES: SubresourceRoutes = {
  abac: { GET: 'GetBucketAbac', PUT: 'PutBucketAbac' },
  accelerate: { GET: 'GetBucketAccelerateConfiguration', PUT: 'PutBucketAccelerateConfiguration' },
  acl: { GET: 'GetBucketAcl', PUT: 'PutBucketAcl' },
  analytics: {
    GET: oneOrList('GetBucketAnalyticsConfiguration', 'ListBucketAnalyticsConfigurations'),
    PUT: 'PutBucketAnalyticsConfiguration',
    DELETE: 'DeleteBucketAnalyticsConfiguration',
  },
  cors: { GET: 'GetBucketCors', PUT: 'PutBucketCors', DELETE: 'DeleteBucketCors' },
  delete: { POST: 'DeleteObjects' },
  encryption: { GET: 'GetBucketEncryption', PUT: 'PutBucketEncryption', DELETE: 'DeleteBucketEncryption' },
  'intelligent-tiering': {
    GET: oneOrList('GetBucketIntelligentTieringConfiguration', 'ListBucketIntelligentTieringConfigurations'),
    PUT: 'PutBucketIntelligentTieringConfiguration',
    DELETE: 'DeleteBucketIntelligentTieringConfiguration',
  },
  inventory: {
    GET: oneOrList('GetBucketInventoryConfiguration', 'ListBucketInventoryConfigurations'),
    PUT: 'PutBucketInventoryConfiguration',
    DELETE: 'DeleteBucketInventoryConfiguration',
  },
  lifecycle: { GET: 'GetBucketLifecycleConfiguration', PUT: 'PutBucketLifecycleConfiguration', DELETE: 'DeleteBucketLifecycle' },
  location: { GET: 'GetBucketLocation' },
  logging: { GET: 'GetBucketLogging', PUT: 'PutBucketLogging' },
  metadataAnnotationTable: { PUT: 'UpdateBucketMetadataAnnotationTableConfiguration' },
  metadataConfiguration: {
    GET: 'GetBucketMetadataConfiguration',
    POST: 'CreateBucketMetadataConfiguration',
    DELETE: 'DeleteBucketMetadataConfiguration',
  },
  metadataInventoryTable: { PUT: 'UpdateBucketMetadataInventoryTableConfiguration' },
  metadataJournalTable: { PUT: 'UpdateBucketMetadataJournalTableConfiguration' },
  metadataTable: {
    GET: 'GetBucketMetadataTableConfiguration',
    POST: 'CreateBucketMetadataTableConfiguration',
    DELETE: 'DeleteBucketMetadataTableConfiguration',
  },
  metrics: {
    GET: oneOrList('GetBucketMetricsConfiguration', 'ListBucketMetricsConfigurations'),
    PUT: 'PutBucketMetricsConfiguration',
    DELETE: 'DeleteBucketMetricsConfiguration',
  },
  notification: { GET: 'GetBucketNotificationConfiguration', PUT: 'PutBucketNotificationConfiguration' },
  'object-lock': { GET: 'GetObjectLockConfiguration', PUT: 'PutObjectLockConfiguration' },
  ownershipControls: { GET: 'GetBucketOwnershipControls', PUT: 'PutBucketOwnershipControls', DELETE: 'DeleteBucketOwnershipControls' },
  policy: { GET: 'GetBucketPolicy', PUT: 'PutBucketPolicy', DELETE: 'DeleteBucketPolicy' },
  policyStatus: { GET: 'GetBucketPolicyStatus' },
  publicAccessBlock: { GET: 'GetPublicAccessBlock', PUT: 'PutPublicAccessBlock', DELETE: 'DeletePublicAccessBlock' },
  replication: { GET: 'GetBucketReplication', PUT: 'PutBucketReplication', DELETE: 'DeleteBucketReplication' },
  requestPayment: { GET: 'GetBucketRequestPayment', PUT: 'PutBucketRequestPayment' },
  session: { GET: 'CreateSession' },
  tagging: { GET: 'GetBucketTagging', PUT: 'PutBucketTagging', DELETE: 'DeleteBucketTagging' },
  uploads: { GET: 'ListMultipartUploads' },
  versioning: { GET: 'GetBucketVersioning', PUT: 'PutBucketVersioning' },
  versions: { GET: 'ListObjectVersions' },
  website: { GET: 'GetBucketWebsite', PUT: 'PutBucketWebsite', DELETE: 'DeleteBucketWebsite' },
};

/** Object sub-resources (`/bucket/key?name`) → operation per method. */
const OBJECT_SUBRESOURCES: SubresourceRoutes = {
  acl: { GET: 'GetObjectAcl', PUT: 'PutObjectAcl' },
  annotation: {
    GET: (query) => (has(query, 'annotationName') ? 'GetObjectAnnotation' : 'ListObjectAnnotations'),
    PUT: 'PutObjectAnnotation',
    DELETE: 'DeleteObjectAnnotation',
  },
  attributes: { GET: 'GetObjectAttributes' },
  encryption: { PUT: 'UpdateObjectEncryption' },
  'legal-hold': { GET: 'GetObjectLegalHold', PUT: 'PutObjectLegalHold' },
  renameObject: { PUT: 'RenameObject' },
  restore: { POST: 'RestoreObject' },
  retention: { GET: 'GetObjectRetention', PUT: 'PutObjectRetention' },
  select: { POST: 'SelectObjectContent' },
  tagging: { GET: 'GetObjectTagging', PUT: 'PutObjectTagging', DELETE: 'DeleteObjectTagging' },
  torrent: { GET: 'GetObjectTorrent' },
  uploadId: {
    GET: 'ListParts',
    PUT: copyOr('UploadPartCopy', 'UploadPart'),
    POST: 'CompleteMultipartUpload',
    DELETE: 'AbortMultipartUpload',
  },
  uploads: { POST: 'CreateMultipartUpload' },
};

/** The request without a sub-resource, per method. */
const BUCKET_DEFAULTS: Partial<Record<Method, Route>> = {
  GET: (query) => (query['list-type'] === '2' ? 'ListObjectsV2' : 'ListObjects'),
  HEAD: 'HeadBucket',
  PUT: 'CreateBucket',
  POST: 'PostObject',
  DELETE: 'DeleteBucket',
};

const OBJECT_DEFAULTS: Partial<Record<Method, Route>> = {
  GET: 'GetObject',
  HEAD: 'HeadObject',
  PUT: copyOr('CopyObject', 'PutObject'),
  DELETE: 'DeleteObject',
};

const SUBRESOURCES = new Set([...Object.keys(BUCKET_SUBRESOURCES), ...Object.keys(OBJECT_SUBRESOURCES)]);

/**
 * Query parameters of the operations, which name no sub-resource, besides
 * x-amz-* (presigned URLs' signature and headers). Anything else on a write is
 * a sub-resource the stack does not know, refused rather than taken for the
 * plain write (which would replace the object or create the bucket); reads
 * ignore unknown parameters, as S3 does (cache-busting URLs).
 */
const WRITE_PARAMETERS = new Set(['versionId', 'partNumber', 'id', 'x-id', 'select-type', 'annotationName']);

function isWriteParameter(name: string): boolean {
  return WRITE_PARAMETERS.has(name) || name.toLowerCase().startsWith('x-amz-');
}

/** Requests to the service itself: the caller's buckets. */
function serviceOperation(method: string, query: Query): S3Operation | undefined {
  if (method !== 'GET') return undefined;
  return query['x-id'] === 'ListDirectoryBuckets' ? 'ListDirectoryBuckets' : 'ListBuckets';
}

/**
 * The S3 operation a request addresses, from its method, whether it names a
 * bucket and a key, and its sub-resource (the query parameter that selects the
 * operation). A request no operation takes throws S3's refusal: 405
 * MethodNotAllowed for a method the resource (or sub-resource) does not allow,
 * 501 NotImplemented for a write with a sub-resource S3's reference does not list.
 */
export function resolveOperation(method: string, bucket: string, key: string, query: Query, headers: Record<string, string>): S3Operation {
  const resource = key ? 'OBJECT' : bucket ? 'BUCKET' : 'SERVICE';
  const refuse = () => s3Errors.methodNotAllowed(method, resource);
  if (!bucket) {
    const operation = serviceOperation(method, query);
    if (!operation) throw refuse();
    return operation;
  }
  // Object Lambda's path, which no bucket can have (bucket names are lower case).
  if (!key && method === 'POST' && bucket === 'WriteGetObjectResponse') return 'WriteGetObjectResponse';
  const names = Object.keys(query);
  const subresource = names.find((name) => SUBRESOURCES.has(name));
  const isRead = method === 'GET' || method === 'HEAD';
  if (subresource === undefined && !isRead && names.some((name) => !isWriteParameter(name))) throw s3Errors.notImplemented();
  const routes =
    subresource === undefined ? (key ? OBJECT_DEFAULTS : BUCKET_DEFAULTS) : (key ? OBJECT_SUBRESOURCES : BUCKET_SUBRESOURCES)[subresource];
  const route = routes?.[method as Method];
  if (!route) throw refuse();
  return typeof route === 'function' ? route(query, headers) : route;
}
