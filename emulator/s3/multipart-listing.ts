import { s3Errors } from '../http/s3-error.js';
import { queryValue } from '../http/request.js';
import { compareUtf8 } from '../store/store.js';
import { xmlReply, type S3Call, type S3Handler } from './call.js';
import { checksumElement } from './checksum-fields.js';
import { ownerElement } from './list-objects.js';
import { uploadsTable } from './model.js';
import { getUpload, uploadIdOf, type MultipartUploadRecord } from './multipart-upload.js';
import { getBucket } from './repository.js';

/** S3 returns at most 1,000 parts or uploads per page, whatever the request asks. */
const PAGE_LIMIT = 1000;

function readPageSize(call: S3Call, name: string): number {
  const value = queryValue(call.request.query, name);
  if (value === undefined) return PAGE_LIMIT;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2147483647) {
    throw s3Errors.invalidArgument(`Argument ${name} must be an integer between 0 and 2147483647`, name, value);
  }
  return Math.min(Number(value), PAGE_LIMIT);
}

function checksumSettings(upload: MultipartUploadRecord): Record<string, string> {
  return upload.checksum ? { ChecksumAlgorithm: upload.checksum.algorithm, ChecksumType: upload.checksum.type } : {};
}

export const listParts: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  const upload = getUpload(call.ctx, call.bucket, call.key, uploadIdOf(call));
  const maxParts = readPageSize(call, 'max-parts');
  const markerValue = queryValue(call.request.query, 'part-number-marker') ?? '0';
  if (!/^\d{1,10}$/.test(markerValue)) {
    throw s3Errors.invalidArgument('Argument partNumberMarker must be an integer.', 'part-number-marker', markerValue);
  }
  const marker = Number(markerValue);
  const after = upload.parts.filter((part) => part.partNumber > marker);
  const page = after.slice(0, maxParts);
  const owner = ownerElement(call.ctx);
  return xmlReply('ListPartsResult', {
    Bucket: call.bucket,
    Key: call.key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
    MaxParts: maxParts,
    IsTruncated: after.length > page.length,
    Part: page.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: part.lastModified,
      ETag: part.etag,
      Size: part.size,
      ...(upload.checksum && part.checksum !== undefined ? checksumElement(upload.checksum.algorithm, part.checksum) : {}),
    })),
    Initiator: owner,
    Owner: owner,
    StorageClass: upload.object.storageClass,
    ...checksumSettings(upload),
  });
};

/** Uploads in key order (UTF-8 bytes), then in the order they were initiated. */
function compareUploads(a: MultipartUploadRecord, b: MultipartUploadRecord): number {
  return compareUtf8(a.key, b.key) || a.initiated.localeCompare(b.initiated) || a.uploadId.localeCompare(b.uploadId);
}

/**
 * The uploads after `key-marker` (and, for that same key, after `upload-id-marker`);
 * with a delimiter, a marker that is a rolled-up common prefix skips what it rolled up.
 */
function afterMarkers(sorted: MultipartUploadRecord[], keyMarker: string, uploadIdMarker: string, delimiter: string | undefined) {
  if (!keyMarker) return sorted;
  const markerIndex = uploadIdMarker ? sorted.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker) : -1;
  const rolledUp = delimiter !== undefined && keyMarker.endsWith(delimiter);
  return sorted.filter((upload, index) => {
    if (rolledUp && upload.key.startsWith(keyMarker)) return false;
    const order = compareUtf8(upload.key, keyMarker);
    return order > 0 || (order === 0 && markerIndex >= 0 && index > markerIndex);
  });
}

export const listMultipartUploads: S3Handler = (call) => {
  getBucket(call.ctx, call.bucket);
  const query = (name: string) => queryValue(call.request.query, name);
  const prefix = query('prefix') ?? '';
  const delimiter = query('delimiter') || undefined;
  const keyMarker = query('key-marker') ?? '';
  // S3 ignores upload-id-marker without a key-marker.
  const uploadIdMarker = keyMarker ? (query('upload-id-marker') ?? '') : '';
  const maxUploads = readPageSize(call, 'max-uploads');
  const sorted = call.ctx.store
    .list<MultipartUploadRecord>(uploadsTable(call.bucket))
    .map(([, upload]) => upload)
    .filter((upload) => upload.key.startsWith(prefix))
    .sort(compareUploads);

  const uploads: MultipartUploadRecord[] = [];
  const commonPrefixes: string[] = [];
  let truncated = false;
  let next = { key: '', uploadId: '' };
  for (const upload of afterMarkers(sorted, keyMarker, uploadIdMarker, delimiter)) {
    const rest = upload.key.slice(prefix.length);
    const cut = delimiter === undefined ? -1 : rest.indexOf(delimiter);
    const commonPrefix = cut < 0 ? undefined : prefix + rest.slice(0, cut + (delimiter ?? '').length);
    if (commonPrefix !== undefined && commonPrefixes.includes(commonPrefix)) continue;
    if (uploads.length + commonPrefixes.length >= maxUploads) {
      truncated = true;
      break;
    }
    if (commonPrefix === undefined) {
      uploads.push(upload);
      next = { key: upload.key, uploadId: upload.uploadId };
    } else {
      commonPrefixes.push(commonPrefix);
      next = { key: commonPrefix, uploadId: '' };
    }
  }

  const owner = ownerElement(call.ctx);
  return xmlReply('ListMultipartUploadsResult', {
    Bucket: call.bucket,
    KeyMarker: keyMarker,
    UploadIdMarker: uploadIdMarker,
    NextKeyMarker: next.key,
    NextUploadIdMarker: next.uploadId,
    ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
    Prefix: prefix,
    MaxUploads: maxUploads,
    IsTruncated: truncated,
    Upload: uploads.map((upload) => ({
      Key: upload.key,
      UploadId: upload.uploadId,
      Initiator: owner,
      Owner: owner,
      StorageClass: upload.object.storageClass,
      Initiated: upload.initiated,
      ...checksumSettings(upload),
    })),
    CommonPrefixes: commonPrefixes.map((commonPrefix) => ({ Prefix: commonPrefix })),
  });
};
