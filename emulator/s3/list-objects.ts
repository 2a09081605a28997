import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const listObjects: S3Handler = () => {
  throw s3Errors.notImplemented('listObjects');
};

export const listObjectsV2: S3Handler = () => {
  throw s3Errors.notImplemented('listObjectsV2');
};

