import type { StackContext } from '../context.js';
import { completedUploadsTable, type ObjectVersion } from './model.js';
import { getEntry } from './repository.js';

/**
 * A completed upload, remembered for a while: S3 answers a retried
 * CompleteMultipartUpload (an SDK retrying after a lost answer) with the same
 * result while the upload's object is still the key's current one.
 */
interface CompletedUpload {
  key: string;
  /** The part list the upload was completed with, as `number:etag` pairs. */
  parts: string;
  versionId: string;
  lastModified: string;
  completedAt: number;
}

const REMEMBERED_FOR_MS = 10 * 60 * 1000;

export function partListOf(parts: Array<{ partNumber: number; etag: string }>): string {
  return parts.map((part) => `${part.partNumber}:${part.etag.replace(/^"|"$/g, '')}`).join(',');
}

/** Records a completion, forgetting this bucket's completions older than the retry window. */
export function rememberCompletion(ctx: StackContext, bucket: string, key: string, uploadId: string, parts: string, version: ObjectVersion): void {
  const table = completedUploadsTable(bucket);
  const now = Date.now();
  for (const [id, completed] of ctx.store.list<CompletedUpload>(table)) {
    if (now - completed.completedAt > REMEMBERED_FOR_MS) ctx.store.delete(table, id);
  }
  const record: CompletedUpload = { key, parts, versionId: version.versionId, lastModified: version.lastModified, completedAt: now };
  ctx.store.put(table, uploadId, record);
}

/** The object a retried completion made, if it is the same completion and its object is still current. */
export function repeatedCompletion(ctx: StackContext, bucket: string, key: string, uploadId: string, parts: string): ObjectVersion | undefined {
  const completed = ctx.store.get<CompletedUpload>(completedUploadsTable(bucket), uploadId);
  if (!completed || completed.key !== key || completed.parts !== parts || Date.now() - completed.completedAt > REMEMBERED_FOR_MS) {
    return undefined;
  }
  const current = getEntry(ctx, bucket, key)?.versions[0];
  const same = current && current.versionId === completed.versionId && current.lastModified === completed.lastModified && !current.deleteMarker;
  return same ? current : undefined;
}
