import { ChecksumAlgorithm, type ChecksumType, type StorageClass } from '@aws-sdk/client-s3';
import type { ObjectHead } from '../s3-object';

/**
 * What a re-encryption keeps of the source, read from its HeadObject (asked
 * with ChecksumMode ENABLED). CopyObject keeps content headers and metadata by
 * itself (COPY directives) but not the website redirect; a multipart copy has
 * to send them all again.
 */
export interface SourceSettings {
  /**
   * The class the copy is written with, sent explicitly: a copy becomes
   * STANDARD otherwise (HEAD omits the header for STANDARD). The source's,
   * unless the user moves restored archived objects out of their archive class.
   */
  storageClass: StorageClass;
  checksum?: { algorithm: ChecksumAlgorithm; type: ChecksumType };
  contentType?: string;
  contentLanguage?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  cacheControl?: string;
  /** The HTTP date, as S3 sent it. */
  expires?: string;
  metadata: Record<string, string>;
  /** S3 never copies it (x-amz-website-redirect-location), not even with the COPY directive: every copy sends it again. */
  websiteRedirectLocation?: string;
}

/** Every algorithm S3 knows; HeadObject reports an object's checksum as `Checksum<ALGORITHM>`. */
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = Object.values(ChecksumAlgorithm);

export function checksumAlgorithmOf(head: ObjectHead): ChecksumAlgorithm | undefined {
  const fields = head as Record<string, unknown>;
  return CHECKSUM_ALGORITHMS.find((algorithm) => fields[`Checksum${algorithm}`] !== undefined);
}

export function sourceSettingsOf(head: ObjectHead): SourceSettings {
  const algorithm = checksumAlgorithmOf(head);
  return withoutUndefined({
    storageClass: head.StorageClass ?? 'STANDARD',
    checksum: algorithm && { algorithm, type: head.ChecksumType ?? 'FULL_OBJECT' },
    contentType: head.ContentType,
    contentLanguage: head.ContentLanguage,
    contentDisposition: head.ContentDisposition,
    contentEncoding: head.ContentEncoding,
    cacheControl: head.CacheControl,
    expires: head.ExpiresString ?? head.Expires?.toUTCString(),
    metadata: head.Metadata ?? {},
    websiteRedirectLocation: head.WebsiteRedirectLocation,
  });
}

/** Journals hold plain data: absent fields stay absent rather than `undefined`. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
