import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const getObjectTagging: S3Handler = () => {
  throw s3Errors.notImplemented('getObjectTagging');
};

export const putObjectTagging: S3Handler = () => {
  throw s3Errors.notImplemented('putObjectTagging');
};

export const deleteObjectTagging: S3Handler = () => {
  throw s3Errors.notImplemented('deleteObjectTagging');
};

