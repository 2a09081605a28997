import { s3Errors } from '../http/s3-error.js';
import { requireKeyUse } from './authorization.js';
import { xmlReply, type S3Call, type S3Handler } from './call.js';
import { objectChecksumElements, readChecksumAlgorithm } from './checksum-fields.js';
import { computeChecksum, defaultChecksum } from './checksums.js';
import { checkWriteConditions } from './conditions.js';
import { copySourceVersionHeader, openCopySource, readCopySource, requireCopyableSize, type CopySource } from './copy-source.js';
import type { ChecksumAlgorithm, ContentHeaders, ObjectChecksum } from './model.js';
import { readContentHeaders, readUserMetadata, requireKeyLength } from './object-headers.js';
import { storeObject, type NewObject } from './object-write.js';
import { readObjectLock } from './object-lock.js';
import { readStorageClass } from './put-object.js';
import { getBucket, getEntry, versionIdHeader } from './repository.js';
import { readRequestedSse, resolveWriteSse, SSE_BUCKET_KEY_HEADER, SSE_C_PREFIX, SSE_HEADER, SSE_KMS_KEY_HEADER, sseResponseHeaders } from './sse.js';
import { parseTaggingHeader } from './tags.js';

type Directive = 'COPY' | 'REPLACE';

const COPY_TO_ITSELF =
  "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.";

/** Headers whose presence alone makes a copy onto the same object a change, as S3 counts it. */
const CHANGING_HEADERS = [
  SSE_HEADER,
  SSE_KMS_KEY_HEADER,
  SSE_BUCKET_KEY_HEADER,
  `${SSE_C_PREFIX}algorithm`,
  'x-amz-storage-class',
  'x-amz-website-redirect-location',
];

function readDirective(headers: Record<string, string>, name: string, unknownMessage: string): Directive {
  const value = headers[name];
  if (value === undefined) return 'COPY';
  if (value === 'COPY' || value === 'REPLACE') return value;
  throw s3Errors.invalidArgument(unknownMessage, name, value);
}

/**
 * CopyObject: the copy gets the request's encryption or the destination
 * bucket's default (never the source's), STANDARD unless a storage class is
 * sent, the source's metadata and tags unless REPLACE directives say otherwise,
 * and no Object Lock settings but the request's.
 */
export const copyObject: S3Handler = async (call) => {
  const { headers } = call.request;
  const bucket = getBucket(call.ctx, call.bucket);
  requireKeyLength(call.key);
  const source = readCopySource(call);
  const metadataDirective = readDirective(headers, 'x-amz-metadata-directive', 'Unknown metadata directive.');
  const taggingDirective = readDirective(headers, 'x-amz-tagging-directive', 'Unknown tagging directive.');
  requireCopyableSize(call.ctx, source.version.size);
  if (isLatestVersionOfTarget(call, source) && !changesObject(headers, metadataDirective)) {
    throw s3Errors.invalidRequest(COPY_TO_ITSELF);
  }
  const checksumAlgorithm = readChecksumAlgorithm(headers) ?? source.version.checksum?.algorithm;
  const { sse, sealing } = resolveWriteSse(call.ctx, bucket, call.key, readRequestedSse(headers, call.request.secure));
  requireKeyUse(call, sse, ['kms:GenerateDataKey']);
  const replaceMetadata = metadataDirective === 'REPLACE';
  const fields: NewObject = {
    storageClass: readStorageClass(headers['x-amz-storage-class']),
    content: replaceMetadata ? readContentHeaders(headers) : copiedContent(source.version.content, headers),
    userMetadata: replaceMetadata ? readUserMetadata(headers) : source.version.userMetadata,
    tags: taggingDirective === 'REPLACE' ? parseTaggingHeader(headers['x-amz-tagging']) : source.version.tags,
    sse,
    objectLock: readObjectLock(headers, bucket),
  };
  const bytes = openCopySource(call.ctx, source);
  const checksum = await copyChecksum(checksumAlgorithm, bytes);
  checkWriteConditions(call.ctx, call.bucket, call.key, headers);
  const stored = storeObject(call.ctx, bucket, call.key, bytes, { ...fields, checksum }, sealing);
  return xmlReply(
    'CopyObjectResult',
    { ETag: stored.etag, LastModified: stored.lastModified, ...objectChecksumElements(checksum) },
    { ...copySourceVersionHeader(source), ...versionIdHeader(bucket, stored), ...sseResponseHeaders(sse) },
  );
};

function changesObject(headers: Record<string, string>, metadataDirective: Directive): boolean {
  return metadataDirective === 'REPLACE' || CHANGING_HEADERS.some((name) => headers[name] !== undefined);
}

/** A copy of an older version onto its own key restores it; only the current version copied onto itself must change. */
function isLatestVersionOfTarget(call: S3Call, source: CopySource): boolean {
  if (source.bucket.name !== call.bucket || source.key !== call.key) return false;
  return getEntry(call.ctx, call.bucket, call.key)?.versions[0]?.versionId === source.version.versionId;
}

/** The website redirect is per object: COPY does not carry it, only the request can set it. */
function copiedContent(source: ContentHeaders, headers: Record<string, string>): ContentHeaders {
  const { websiteRedirectLocation: _notCopied, ...content } = source;
  const redirect = headers['x-amz-website-redirect-location'];
  return redirect === undefined ? content : { ...content, websiteRedirectLocation: redirect };
}

/**
 * S3 computes a full-object checksum for a copy, whatever the source's was (a
 * multipart source's is composite); a source without one gets S3's default.
 */
async function copyChecksum(algorithm: ChecksumAlgorithm | undefined, bytes: Buffer): Promise<ObjectChecksum> {
  if (!algorithm) return defaultChecksum(bytes);
  return { algorithm, value: await computeChecksum(algorithm, bytes), type: 'FULL_OBJECT' };
}
