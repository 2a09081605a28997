import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const deleteObject: S3Handler = () => {
  throw s3Errors.notImplemented('deleteObject');
};

export const deleteObjects: S3Handler = () => {
  throw s3Errors.notImplemented('deleteObjects');
};

