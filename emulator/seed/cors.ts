import type { CorsRule } from '../s3/model.js';

/** Response headers the console reads; a browser sees only those a bucket's CORS rule exposes (S3-FACTS: Browsers, CORS and limits). */
export const CONSOLE_EXPOSE_HEADERS: readonly string[] = [
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-bucket-key-enabled',
  'x-amz-server-side-encryption-customer-algorithm',
  'x-amz-server-side-encryption-customer-key-MD5',
  'ETag',
  'x-amz-version-id',
  'x-amz-storage-class',
  'x-amz-restore',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
  'x-amz-object-lock-legal-hold',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256',
  'x-amz-checksum-type',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-amz-bucket-region',
  'x-amz-delete-marker',
  'x-amz-mp-parts-count',
  'x-amz-tagging-count',
  'x-amz-website-redirect-location',
  'Content-Range',
  'x-amz-meta-x-amz-key-v2',
  'x-amz-meta-x-amz-iv',
  'x-amz-meta-x-amz-cek-alg',
  'x-amz-meta-x-amz-wrap-alg',
  'x-amz-meta-x-amz-matdesc',
  'x-amz-meta-x-amz-tag-len',
  'x-amz-meta-x-amz-unencrypted-content-length',
];

const CONSOLE_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

/**
 * The rule a bucket needs for the console served from `allowedOrigins`: every
 * method it calls (POST and DELETE for multipart copies), any request header
 * (the SDK's own make every call preflighted), and the headers it reads.
 */
export function consoleCorsRule(allowedOrigins: readonly string[]): CorsRule {
  return {
    allowedOrigins: [...allowedOrigins],
    allowedMethods: CONSOLE_METHODS,
    allowedHeaders: ['*'],
    exposeHeaders: [...CONSOLE_EXPOSE_HEADERS],
    maxAgeSeconds: 3000,
  };
}

export const DEMO_CORS_RULE: CorsRule = consoleCorsRule(['*']);

/**
 * hidden-headers' rule: the console (served locally on any port) may call the
 * bucket, but a browser sees only ETag, so encryption headers are hidden from it.
 */
export const HIDDEN_HEADERS_CORS_RULE: CorsRule = {
  allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*'],
  allowedMethods: CONSOLE_METHODS,
  allowedHeaders: ['*'],
  exposeHeaders: ['ETag'],
  maxAgeSeconds: 3000,
};
