import type { S3Handler } from './call.js';
import { s3Errors } from '../http/s3-error.js';

export const createMultipartUpload: S3Handler = () => {
  throw s3Errors.notImplemented('createMultipartUpload');
};

export const uploadPart: S3Handler = () => {
  throw s3Errors.notImplemented('uploadPart');
};

export const uploadPartCopy: S3Handler = () => {
  throw s3Errors.notImplemented('uploadPartCopy');
};

export const completeMultipartUpload: S3Handler = () => {
  throw s3Errors.notImplemented('completeMultipartUpload');
};

export const abortMultipartUpload: S3Handler = () => {
  throw s3Errors.notImplemented('abortMultipartUpload');
};

export const listParts: S3Handler = () => {
  throw s3Errors.notImplemented('listParts');
};

export const listMultipartUploads: S3Handler = () => {
  throw s3Errors.notImplemented('listMultipartUploads');
};

