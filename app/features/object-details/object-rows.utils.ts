import type { ObjectHead } from '../../domain/s3-object';
import { etagText, formatUtc, NOT_SET, sizeText, textOrNotSet } from './format.utils';
import { HIDDEN_BY_CORS } from './header-access.utils';
import { archiveLabel, storageStateOf, storageStateText } from './storage-state.utils';

/** One labelled value of the details page, already written out. */
export interface DisplayRow {
  label: string;
  value: string;
}

export interface MetadataEntry {
  key: string;
  value: string;
}

const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256', 'SHA512', 'MD5', 'XXHASH64', 'XXHASH3', 'XXHASH128'] as const;

const FIVE_GB = 5 * 1024 ** 3;

/** Whether the browser can read a response header (see header-access.utils). */
export type CanRead = (header: string) => boolean;

/** An absent value is "not set" only when its header is readable: a hidden header looks like an absent one. */
function headerRow(canRead: CanRead, label: string, header: string, value: string | undefined, absent = NOT_SET): DisplayRow {
  if (value !== undefined && value !== '') return { label, value };
  return { label, value: canRead(header) ? absent : HIDDEN_BY_CORS };
}

/**
 * The encryption headers as S3 sent them. `kmsKeyAlias` is written by the
 * caller, which knows whether aliases could be resolved.
 */
export function encryptionRows(head: ObjectHead, kmsKeyAlias: string, canRead: CanRead): DisplayRow[] {
  const sse = head.ServerSideEncryption;
  const kms = sse === 'aws:kms' || sse === 'aws:kms:dsse';
  return [
    headerRow(canRead, 'SSE algorithm', 'x-amz-server-side-encryption', sse),
    headerRow(canRead, 'KMS key ARN', 'x-amz-server-side-encryption-aws-kms-key-id', head.SSEKMSKeyId),
    { label: 'KMS key alias', value: kms ? kmsKeyAlias : NOT_SET },
    sse === 'aws:kms'
      ? headerRow(canRead, 'Bucket Key', 'x-amz-server-side-encryption-bucket-key-enabled', head.BucketKeyEnabled ? 'Enabled' : undefined, 'Disabled')
      : { label: 'Bucket Key', value: NOT_SET },
    headerRow(
      canRead,
      'Dual-layer (DSSE-KMS)',
      'x-amz-server-side-encryption',
      sse && (sse === 'aws:kms:dsse' ? 'Yes: two layers of KMS encryption' : 'No'),
      'No',
    ),
    headerRow(canRead, 'SSE-C algorithm', 'x-amz-server-side-encryption-customer-algorithm', head.SSECustomerAlgorithm),
    headerRow(canRead, 'SSE-C key MD5', 'x-amz-server-side-encryption-customer-key-md5', head.SSECustomerKeyMD5),
  ];
}

export function overviewRows(head: ObjectHead, canRead: CanRead): DisplayRow[] {
  const storage = storageStateOf(head);
  const storageReadable = canRead('x-amz-storage-class') && (storage.kind === 'available' || canRead('x-amz-restore'));
  return [
    { label: 'Size', value: sizeText(head.ContentLength) },
    headerRow(canRead, 'ETag', 'etag', head.ETag && etagText(head.ETag)),
    { label: 'Last modified', value: formatUtc(head.LastModified) },
    headerRow(canRead, 'Version ID', 'x-amz-version-id', head.VersionId),
    headerRow(canRead, 'Storage class', 'x-amz-storage-class', head.StorageClass, 'STANDARD'),
    { label: 'Archive state', value: storageReadable ? storageStateText(storage) : HIDDEN_BY_CORS },
    { label: 'Content type', value: textOrNotSet(head.ContentType) },
    headerRow(canRead, 'Content encoding', 'content-encoding', head.ContentEncoding),
    { label: 'Content language', value: textOrNotSet(head.ContentLanguage) },
    headerRow(canRead, 'Content disposition', 'content-disposition', head.ContentDisposition),
    { label: 'Cache control', value: textOrNotSet(head.CacheControl) },
    { label: 'Expires', value: head.ExpiresString ?? formatUtc(head.Expires) },
    headerRow(canRead, 'Website redirect location', 'x-amz-website-redirect-location', head.WebsiteRedirectLocation),
  ];
}

export function userMetadataOf(head: ObjectHead): MetadataEntry[] {
  return Object.entries(head.Metadata ?? {})
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** HeadObject with ChecksumMode ENABLED returns at most one full-object checksum, with x-amz-checksum-type beside it. */
export function checksumRows(head: ObjectHead, canRead: CanRead): DisplayRow[] {
  const algorithm = CHECKSUM_ALGORITHMS.find((name) => head[`Checksum${name}`] !== undefined);
  return [
    headerRow(canRead, 'Checksum algorithm', 'x-amz-checksum-type', algorithm, 'None recorded'),
    { label: 'Checksum value', value: textOrNotSet(algorithm && head[`Checksum${algorithm}`]) },
    headerRow(canRead, 'Checksum type', 'x-amz-checksum-type', head.ChecksumType),
  ];
}

export function objectLockRows(head: ObjectHead, canRead: CanRead): DisplayRow[] {
  return [
    headerRow(canRead, 'Object Lock mode', 'x-amz-object-lock-mode', head.ObjectLockMode, 'None'),
    headerRow(
      canRead,
      'Retain until',
      'x-amz-object-lock-retain-until-date',
      head.ObjectLockRetainUntilDate && formatUtc(head.ObjectLockRetainUntilDate),
    ),
    headerRow(canRead, 'Legal hold', 'x-amz-object-lock-legal-hold', head.ObjectLockLegalHoldStatus, 'OFF'),
  ];
}

/** What S3's CopyObject does to this object when it is copied onto itself with a new encryption (API_CopyObject). */
export function reEncryptionNotes(head: ObjectHead): string[] {
  const storage = storageStateOf(head);
  const locked = head.ObjectLockMode !== undefined || head.ObjectLockLegalHoldStatus === 'ON';
  const notes = [
    'A copy gets a new Last-Modified date; in a versioned bucket it is a new version and the old version stays as it is.',
    'ACLs are not copied: the copy is private to the bucket owner unless the copy request grants access again.',
    'User metadata and tags are copied by default (COPY directives); a REPLACE metadata directive replaces all of it, Content-Type included.',
  ];
  if (storage.kind === 'archived' || storage.kind === 'restoring') {
    notes.push(`S3 refuses to copy a ${archiveLabel(storage)} object until it is restored (403 InvalidObjectState).`);
  }
  if (storage.storageClass !== 'STANDARD') {
    notes.push(`The copy becomes STANDARD unless the request sends x-amz-storage-class: ${storage.storageClass}.`);
  }
  if (locked) {
    notes.push('Object Lock retention and legal hold are not copied: they stay with the old version; the copy request must set them again.');
  }
  if (head.SSECustomerAlgorithm) {
    notes.push('The copy request must bring this SSE-C key as the source key (x-amz-copy-source-server-side-encryption-customer-*).');
  }
  if ((head.ContentLength ?? 0) > FIVE_GB) {
    notes.push('Over 5 GB: one CopyObject cannot copy it; a multipart copy (UploadPartCopy) is needed and changes the ETag.');
  }
  if ((head.ServerSideEncryption === 'AES256' || head.ServerSideEncryption === 'aws:kms') && !locked) {
    notes.push('UpdateObjectEncryption can move it to SSE-KMS without copying, keeping storage class, Last-Modified, ETag and checksums.');
  }
  return notes;
}
