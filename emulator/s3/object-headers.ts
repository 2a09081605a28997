import { s3Errors } from '../http/s3-error.js';
import type { BucketRecord, ContentHeaders, ObjectVersion } from './model.js';
import { versionIdHeader } from './repository.js';
import { sseResponseHeaders } from './sse.js';

const CONTENT_HEADER_NAMES: Array<[keyof ContentHeaders, string]> = [
  ['contentType', 'content-type'],
  ['contentEncoding', 'content-encoding'],
  ['contentLanguage', 'content-language'],
  ['contentDisposition', 'content-disposition'],
  ['cacheControl', 'cache-control'],
  ['expires', 'expires'],
  ['websiteRedirectLocation', 'x-amz-website-redirect-location'],
];

/** Content headers and `x-amz-meta-*` as a PutObject, CopyObject (REPLACE) or CreateMultipartUpload sends them. */
export function readContentHeaders(headers: Record<string, string>): ContentHeaders {
  const content: ContentHeaders = { contentType: headers['content-type'] ?? 'application/octet-stream' };
  for (const [field, name] of CONTENT_HEADER_NAMES) {
    if (field !== 'contentType' && headers[name] !== undefined) content[field] = headers[name];
  }
  return content;
}

/** S3's limit on user metadata: the UTF-8 bytes of every name (without `x-amz-meta-`) and value together. */
const MAX_USER_METADATA_BYTES = 2048;

export function readUserMetadata(headers: Record<string, string>): Record<string, string> {
  const metadata: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-amz-meta-')) continue;
    const field = name.slice('x-amz-meta-'.length);
    metadata[field] = value;
    size += Buffer.byteLength(field) + Buffer.byteLength(value);
  }
  if (size > MAX_USER_METADATA_BYTES) throw s3Errors.metadataTooLarge(size, MAX_USER_METADATA_BYTES);
  return metadata;
}

/** RFC 2047 encoded-word for a value with non-ASCII characters, as S3 returns such metadata. */
function asHeaderValue(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** S3 refuses keys longer than 1,024 bytes of UTF-8 (KeyTooLongError) wherever it would create one. */
export function requireKeyLength(key: string): void {
  const MAX_KEY_BYTES = 1024;
  const size = Buffer.byteLength(key);
  if (size > MAX_KEY_BYTES) throw s3Errors.keyTooLong(size, MAX_KEY_BYTES);
}

export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** What HEAD and GET return for an object version, before range and body specifics. */
export function objectResponseHeaders(bucket: BucketRecord, version: ObjectVersion, options: { checksumMode: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'last-modified': httpDate(version.lastModified),
    etag: version.etag,
    'accept-ranges': 'bytes',
    ...versionIdHeader(bucket, version),
    ...sseResponseHeaders(version.sse),
  };
  for (const [field, name] of CONTENT_HEADER_NAMES) {
    const value = version.content[field];
    if (value !== undefined) headers[name] = value;
  }
  for (const [name, value] of Object.entries(version.userMetadata)) headers[`x-amz-meta-${name}`] = asHeaderValue(value);
  if (version.tags.length > 0) headers['x-amz-tagging-count'] = String(version.tags.length);
  if (version.storageClass !== 'STANDARD') headers['x-amz-storage-class'] = version.storageClass;
  if (version.restore) {
    headers['x-amz-restore'] = version.restore.ongoing
      ? 'ongoing-request="true"'
      : `ongoing-request="false", expiry-date="${httpDate(version.restore.expiryDate ?? version.lastModified)}"`;
  }
  const lock = version.objectLock;
  if (lock?.mode) headers['x-amz-object-lock-mode'] = lock.mode;
  if (lock?.retainUntilDate) headers['x-amz-object-lock-retain-until-date'] = lock.retainUntilDate;
  if (lock?.legalHold) headers['x-amz-object-lock-legal-hold'] = lock.legalHold;
  if (options.checksumMode && version.checksum) {
    headers[`x-amz-checksum-${version.checksum.algorithm.toLowerCase()}`] = version.checksum.value;
    headers['x-amz-checksum-type'] = version.checksum.type;
  }
  return headers;
}
