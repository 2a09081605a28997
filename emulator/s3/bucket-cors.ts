import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const getBucketCors: S3Handler = () => {
  throw s3Errors.notImplemented('getBucketCors');
};

export const putBucketCors: S3Handler = () => {
  throw s3Errors.notImplemented('putBucketCors');
};

export const deleteBucketCors: S3Handler = () => {
  throw s3Errors.notImplemented('deleteBucketCors');
};

