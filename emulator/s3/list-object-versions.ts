import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const listObjectVersions: S3Handler = () => {
  throw s3Errors.notImplemented('listObjectVersions');
};

