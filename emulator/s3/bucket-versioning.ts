import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const getBucketVersioning: S3Handler = () => {
  throw s3Errors.notImplemented('getBucketVersioning');
};

export const putBucketVersioning: S3Handler = () => {
  throw s3Errors.notImplemented('putBucketVersioning');
};

