import { s3Errors } from '../http/s3-error.js';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './bucket-ops.js';
import { deleteBucketCors, getBucketCors, putBucketCors } from './bucket-cors.js';
import { deleteBucketEncryption, getBucketEncryption, putBucketEncryption } from './bucket-encryption.js';
import { getObjectLockConfiguration, putObjectLockConfiguration } from './bucket-object-lock.js';
import { deleteBucketTagging, getBucketTagging, putBucketTagging } from './bucket-tagging.js';
import { getBucketVersioning, putBucketVersioning } from './bucket-versioning.js';
import type { S3Handler } from './call.js';
import { copyObject } from './copy-object.js';
import { deleteObject, deleteObjects } from './delete-objects.js';
import { getObjectAttributes } from './get-object-attributes.js';
import { listObjectVersions } from './list-object-versions.js';
import { listObjects, listObjectsV2 } from './list-objects.js';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
  uploadPartCopy,
} from './multipart.js';
import { getObjectLegalHold, putObjectLegalHold } from './object-legal-hold.js';
import { getObject, headObject } from './object-read.js';
import { getObjectRetention, putObjectRetention } from './object-retention.js';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from './object-tagging.js';
import type { S3Operation } from './operations.js';
import { putObject } from './put-object.js';
import { updateObjectEncryption } from './update-object-encryption.js';

/** An operation the stack does not offer: S3's 501 NotImplemented, before any permission check or change. */
export const NOT_IMPLEMENTED = 'NotImplemented';

/** Every S3 operation → its handler, or NOT_IMPLEMENTED; the type makes the map cover them all. */
export const s3Handlers: Record<S3Operation, S3Handler | typeof NOT_IMPLEMENTED> = {
  AbortMultipartUpload: abortMultipartUpload,
  CompleteMultipartUpload: completeMultipartUpload,
  CopyObject: copyObject,
  CreateBucket: createBucket,
  CreateBucketMetadataConfiguration: NOT_IMPLEMENTED,
  CreateBucketMetadataTableConfiguration: NOT_IMPLEMENTED,
  CreateMultipartUpload: createMultipartUpload,
  CreateSession: NOT_IMPLEMENTED,
  DeleteBucket: deleteBucket,
  DeleteBucketAnalyticsConfiguration: NOT_IMPLEMENTED,
  DeleteBucketCors: deleteBucketCors,
  DeleteBucketEncryption: deleteBucketEncryption,
  DeleteBucketIntelligentTieringConfiguration: NOT_IMPLEMENTED,
  DeleteBucketInventoryConfiguration: NOT_IMPLEMENTED,
  DeleteBucketLifecycle: NOT_IMPLEMENTED,
  DeleteBucketMetadataConfiguration: NOT_IMPLEMENTED,
  DeleteBucketMetadataTableConfiguration: NOT_IMPLEMENTED,
  DeleteBucketMetricsConfiguration: NOT_IMPLEMENTED,
  DeleteBucketOwnershipControls: NOT_IMPLEMENTED,
  DeleteBucketPolicy: NOT_IMPLEMENTED,
  DeleteBucketReplication: NOT_IMPLEMENTED,
  DeleteBucketTagging: deleteBucketTagging,
  DeleteBucketWebsite: NOT_IMPLEMENTED,
  DeleteObject: deleteObject,
  DeleteObjectAnnotation: NOT_IMPLEMENTED,
  DeleteObjects: deleteObjects,
  DeleteObjectTagging: deleteObjectTagging,
  DeletePublicAccessBlock: NOT_IMPLEMENTED,
  GetBucketAbac: NOT_IMPLEMENTED,
  GetBucketAccelerateConfiguration: NOT_IMPLEMENTED,
  GetBucketAcl: NOT_IMPLEMENTED,
  GetBucketAnalyticsConfiguration: NOT_IMPLEMENTED,
  GetBucketCors: getBucketCors,
  GetBucketEncryption: getBucketEncryption,
  GetBucketIntelligentTieringConfiguration: NOT_IMPLEMENTED,
  GetBucketInventoryConfiguration: NOT_IMPLEMENTED,
  GetBucketLifecycleConfiguration: NOT_IMPLEMENTED,
  GetBucketLocation: getBucketLocation,
  GetBucketLogging: NOT_IMPLEMENTED,
  GetBucketMetadataConfiguration: NOT_IMPLEMENTED,
  GetBucketMetadataTableConfiguration: NOT_IMPLEMENTED,
  GetBucketMetricsConfiguration: NOT_IMPLEMENTED,
  GetBucketNotificationConfiguration: NOT_IMPLEMENTED,
  GetBucketOwnershipControls: NOT_IMPLEMENTED,
  GetBucketPolicy: NOT_IMPLEMENTED,
  GetBucketPolicyStatus: NOT_IMPLEMENTED,
  GetBucketReplication: NOT_IMPLEMENTED,
  GetBucketRequestPayment: NOT_IMPLEMENTED,
  GetBucketTagging: getBucketTagging,
  GetBucketVersioning: getBucketVersioning,
  GetBucketWebsite: NOT_IMPLEMENTED,
  GetObject: getObject,
  GetObjectAcl: NOT_IMPLEMENTED,
  GetObjectAnnotation: NOT_IMPLEMENTED,
  GetObjectAttributes: getObjectAttributes,
  GetObjectLegalHold: getObjectLegalHold,
  GetObjectLockConfiguration: getObjectLockConfiguration,
  GetObjectRetention: getObjectRetention,
  GetObjectTagging: getObjectTagging,
  GetObjectTorrent: NOT_IMPLEMENTED,
  GetPublicAccessBlock: NOT_IMPLEMENTED,
  HeadBucket: headBucket,
  HeadObject: headObject,
  ListBucketAnalyticsConfigurations: NOT_IMPLEMENTED,
  ListBucketIntelligentTieringConfigurations: NOT_IMPLEMENTED,
  ListBucketInventoryConfigurations: NOT_IMPLEMENTED,
  ListBucketMetricsConfigurations: NOT_IMPLEMENTED,
  ListBuckets: listBuckets,
  ListDirectoryBuckets: NOT_IMPLEMENTED,
  ListMultipartUploads: listMultipartUploads,
  ListObjectAnnotations: NOT_IMPLEMENTED,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
  ListParts: listParts,
  PostObject: NOT_IMPLEMENTED,
  PutBucketAbac: NOT_IMPLEMENTED,
  PutBucketAccelerateConfiguration: NOT_IMPLEMENTED,
  PutBucketAcl: NOT_IMPLEMENTED,
  PutBucketAnalyticsConfiguration: NOT_IMPLEMENTED,
  PutBucketCors: putBucketCors,
  PutBucketEncryption: putBucketEncryption,
  PutBucketIntelligentTieringConfiguration: NOT_IMPLEMENTED,
  PutBucketInventoryConfiguration: NOT_IMPLEMENTED,
  PutBucketLifecycleConfiguration: NOT_IMPLEMENTED,
  PutBucketLogging: NOT_IMPLEMENTED,
  PutBucketMetricsConfiguration: NOT_IMPLEMENTED,
  PutBucketNotificationConfiguration: NOT_IMPLEMENTED,
  PutBucketOwnershipControls: NOT_IMPLEMENTED,
  PutBucketPolicy: NOT_IMPLEMENTED,
  PutBucketReplication: NOT_IMPLEMENTED,
  PutBucketRequestPayment: NOT_IMPLEMENTED,
  PutBucketTagging: putBucketTagging,
  PutBucketVersioning: putBucketVersioning,
  PutBucketWebsite: NOT_IMPLEMENTED,
  PutObject: putObject,
  PutObjectAcl: NOT_IMPLEMENTED,
  PutObjectAnnotation: NOT_IMPLEMENTED,
  PutObjectLegalHold: putObjectLegalHold,
  PutObjectLockConfiguration: putObjectLockConfiguration,
  PutObjectRetention: putObjectRetention,
  PutObjectTagging: putObjectTagging,
  PutPublicAccessBlock: NOT_IMPLEMENTED,
  RenameObject: NOT_IMPLEMENTED,
  RestoreObject: NOT_IMPLEMENTED,
  SelectObjectContent: NOT_IMPLEMENTED,
  UpdateBucketMetadataAnnotationTableConfiguration: NOT_IMPLEMENTED,
  UpdateBucketMetadataInventoryTableConfiguration: NOT_IMPLEMENTED,
  UpdateBucketMetadataJournalTableConfiguration: NOT_IMPLEMENTED,
  UpdateObjectEncryption: updateObjectEncryption,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  WriteGetObjectResponse: NOT_IMPLEMENTED,
};

/** The operations the stack answers itself; each has its IAM actions in iam/s3-actions.ts. */
export const IMPLEMENTED_OPERATIONS = (Object.keys(s3Handlers) as S3Operation[]).filter((operation) => s3Handlers[operation] !== NOT_IMPLEMENTED);

/** The handler that answers `operation`; S3's 501 for one the stack does not offer. */
export function handlerOf(operation: S3Operation): S3Handler {
  const handler = s3Handlers[operation];
  if (handler === NOT_IMPLEMENTED) throw s3Errors.notImplemented();
  return handler;
}
