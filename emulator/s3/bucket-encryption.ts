import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const getBucketEncryption: S3Handler = () => {
  throw s3Errors.notImplemented('getBucketEncryption');
};

export const putBucketEncryption: S3Handler = () => {
  throw s3Errors.notImplemented('putBucketEncryption');
};

export const deleteBucketEncryption: S3Handler = () => {
  throw s3Errors.notImplemented('deleteBucketEncryption');
};

