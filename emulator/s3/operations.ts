import type { S3Handler } from './call.js';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './bucket-ops.js';
import { deleteBucketCors, getBucketCors, putBucketCors } from './bucket-cors.js';
import { deleteBucketEncryption, getBucketEncryption, putBucketEncryption } from './bucket-encryption.js';
import { getObjectLockConfiguration, putObjectLockConfiguration } from './bucket-object-lock.js';
import { getBucketVersioning, putBucketVersioning } from './bucket-versioning.js';
import { copyObject } from './copy-object.js';
import { deleteObject, deleteObjects } from './delete-objects.js';
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
import { getObject, headObject } from './object-read.js';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from './object-tagging.js';
import { putObject } from './put-object.js';
import { updateObjectEncryption } from './update-object-encryption.js';

/** The S3 operation a request addresses, named as in the S3 API reference. */
export function resolveOperation(
  method: string,
  bucket: string,
  key: string,
  query: Record<string, unknown>,
  headers: Record<string, string>,
): string | undefined {
  const has = (name: string) => query[name] !== undefined;
  if (!bucket) return method === 'GET' ? 'ListBuckets' : undefined;
  if (!key) {
    switch (method) {
      case 'GET':
        if (has('location')) return 'GetBucketLocation';
        if (has('encryption')) return 'GetBucketEncryption';
        if (has('cors')) return 'GetBucketCors';
        if (has('versioning')) return 'GetBucketVersioning';
        if (has('object-lock')) return 'GetObjectLockConfiguration';
        if (has('versions')) return 'ListObjectVersions';
        if (has('uploads')) return 'ListMultipartUploads';
        return query['list-type'] === '2' ? 'ListObjectsV2' : 'ListObjects';
      case 'PUT':
        if (has('encryption')) return 'PutBucketEncryption';
        if (has('cors')) return 'PutBucketCors';
        if (has('versioning')) return 'PutBucketVersioning';
        if (has('object-lock')) return 'PutObjectLockConfiguration';
        return 'CreateBucket';
      case 'DELETE':
        if (has('encryption')) return 'DeleteBucketEncryption';
        if (has('cors')) return 'DeleteBucketCors';
        return 'DeleteBucket';
      case 'HEAD':
        return 'HeadBucket';
      case 'POST':
        return has('delete') ? 'DeleteObjects' : undefined;
    }
    return undefined;
  }
  switch (method) {
    case 'GET':
      if (has('tagging')) return 'GetObjectTagging';
      if (has('uploadId')) return 'ListParts';
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'PUT':
      if (has('tagging')) return 'PutObjectTagging';
      if (has('encryption')) return 'UpdateObjectEncryption';
      if (has('partNumber') && has('uploadId')) {
        return headers['x-amz-copy-source'] !== undefined ? 'UploadPartCopy' : 'UploadPart';
      }
      return headers['x-amz-copy-source'] !== undefined ? 'CopyObject' : 'PutObject';
    case 'DELETE':
      if (has('tagging')) return 'DeleteObjectTagging';
      if (has('uploadId')) return 'AbortMultipartUpload';
      return 'DeleteObject';
    case 'POST':
      if (has('uploads')) return 'CreateMultipartUpload';
      if (has('uploadId')) return 'CompleteMultipartUpload';
      return undefined;
  }
  return undefined;
}

export const s3Handlers: Record<string, S3Handler> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  DeleteBucket: deleteBucket,
  HeadBucket: headBucket,
  GetBucketLocation: getBucketLocation,
  GetBucketEncryption: getBucketEncryption,
  PutBucketEncryption: putBucketEncryption,
  DeleteBucketEncryption: deleteBucketEncryption,
  GetBucketCors: getBucketCors,
  PutBucketCors: putBucketCors,
  DeleteBucketCors: deleteBucketCors,
  GetBucketVersioning: getBucketVersioning,
  PutBucketVersioning: putBucketVersioning,
  GetObjectLockConfiguration: getObjectLockConfiguration,
  PutObjectLockConfiguration: putObjectLockConfiguration,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
  HeadObject: headObject,
  GetObject: getObject,
  PutObject: putObject,
  CopyObject: copyObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  GetObjectTagging: getObjectTagging,
  PutObjectTagging: putObjectTagging,
  DeleteObjectTagging: deleteObjectTagging,
  UpdateObjectEncryption: updateObjectEncryption,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
  ListMultipartUploads: listMultipartUploads,
};
