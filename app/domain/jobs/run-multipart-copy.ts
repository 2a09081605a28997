import type { CompletedPart } from '@aws-sdk/client-s3';
import { toAwsProblem } from '../aws-error';
import type { WrittenObject } from '../s3-object';
import { compareWithPlan } from './current-object';
import { seenObjectOf, targetCustomerKeyOf, type ItemRun } from './item-run';
import type { OpenUpload } from './object-store';
import { partRanges } from './part-size';
import { drain } from './pool';

/**
 * Copies an object onto itself in parts. CreateMultipartUpload carries every
 * setting to keep (nothing is copied from the source), each UploadPartCopy
 * reads only while the source's ETag is the one seen, and any failure, pause
 * or cancel aborts the upload so no parts are left behind.
 */
export async function runMultipartCopy(run: ItemRun): Promise<WrittenObject | 'stopped' | 'changed'> {
  const { item, store } = run;
  const source = seenObjectOf(item);
  if (!item.source || item.size === undefined || item.partSize === undefined) {
    throw new Error(`${item.key} was planned for a multipart copy without its size, part size or settings.`);
  }
  const settings = item.source;
  const tags = item.tagCount === 0 ? [] : await run.requests.send(() => store.getObjectTagging(source));
  const uploadId = await run.requests.send(() =>
    store.createMultipartCopy({ object: { bucket: item.bucket, key: item.key }, encryption: run.target, settings, tags }),
  );
  const upload: OpenUpload = { bucket: item.bucket, key: item.key, uploadId };
  await run.onUploadChanged(uploadId);
  try {
    const parts = await copyParts(run, uploadId, partRanges(item.size, item.partSize));
    if (!parts) {
      await abortUpload(run, upload);
      return 'stopped';
    }
    const current = await compareWithPlan(run);
    if (current.state !== 'as-planned') {
      await abortUpload(run, upload);
      return 'changed';
    }
    const written = await run.requests.change(() =>
      store.completeMultipartCopy({ object: source, uploadId, parts, targetCustomerKey: targetCustomerKeyOf(run.target) }),
    );
    await run.onUploadChanged(undefined);
    return written;
  } catch (error) {
    await abortUpload(run, upload).catch(() => {
      // Still journaled as open: the job aborts it before it tries the object again, or when it ends.
    });
    throw error;
  }
}

/** The copied parts in order, or undefined when a pause or cancel stopped the copy. */
async function copyParts(run: ItemRun, uploadId: string, ranges: ReturnType<typeof partRanges>): Promise<CompletedPart[] | undefined> {
  const source = seenObjectOf(run.item);
  const parts: CompletedPart[] = [];
  const targetCustomerKey = targetCustomerKeyOf(run.target);
  await drain(
    run.partConcurrency,
    () => (run.shouldStop() ? undefined : ranges.shift()),
    async (part) => {
      const copied = await run.requests.send(() =>
        run.store.uploadPartCopy({ source, uploadId, part, sourceCustomerKey: run.sourceCustomerKey, targetCustomerKey }),
      );
      parts.push(copied);
    },
  );
  if (ranges.length > 0) return undefined;
  return parts.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
}

/** Aborts an upload; one already gone (completed, or aborted by an earlier try) is fine. */
export async function abortUpload(run: Pick<ItemRun, 'store' | 'requests' | 'onUploadChanged'>, upload: OpenUpload): Promise<void> {
  try {
    await run.requests.send(() => run.store.abortMultipartUpload(upload));
  } catch (error) {
    if (toAwsProblem(error).code !== 'NoSuchUpload') throw error;
  }
  await run.onUploadChanged(undefined);
}
