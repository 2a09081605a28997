import type { ObjectAddress } from '../s3-object';
import { compareWithPlan, headForJob, type CurrentState } from './current-object';
import { CHANGED_SINCE_SELECTED, seenObjectOf, targetCustomerKeyOf, type ItemOutcome, type ItemRun } from './item-run';
import type { ChangeMethod } from './job-records';
import { runMultipartCopy } from './run-multipart-copy';
import { recordOfTarget } from './target-encryption';
import { verifyResult } from './verification';

const DONE_MESSAGES: Record<ChangeMethod, string> = {
  'update-encryption': 'Re-encrypted in place with UpdateObjectEncryption, then checked with HeadObject.',
  copy: 'Copied onto itself with CopyObject, then checked with HeadObject.',
  'multipart-copy': 'Copied onto itself in parts (UploadPartCopy), then checked with HeadObject.',
};
const FINISHED_BY_INTERRUPTED_ATTEMPT = 'Found as chosen when the job came back to it: an interrupted attempt had finished.';
const FOUND_AS_CHOSEN = 'Already as chosen when the job came to it, so nothing was changed.';

/** Carries out one planned change and checks it; throws what the job itself must handle (an expired session, a failed request). */
export async function runItem(run: ItemRun): Promise<ItemOutcome> {
  const method = changeMethodOf(run);
  // Versioned buckets: a copy of the pinned version must not replace a newer one written meanwhile.
  if (run.checkFirst || (run.item.versioned && method !== 'update-encryption')) {
    const current = await compareWithPlan(run);
    if (current.state !== 'as-planned') return outcomeOf(current, method, run.checkFirst ? FINISHED_BY_INTERRUPTED_ATTEMPT : FOUND_AS_CHOSEN);
  }
  try {
    return await change(run, method);
  } catch (error) {
    // The answer to a change that did land may have been lost, and its retry refused: look before calling it a failure.
    if (!run.requests.changeMayHaveLanded) throw error;
    const current = await compareWithPlan(run);
    if (current.state === 'as-planned') throw error;
    return outcomeOf(current, method, FINISHED_BY_INTERRUPTED_ATTEMPT);
  }
}

function changeMethodOf(run: ItemRun): ChangeMethod {
  const { action } = run.item;
  if (action === 'update-encryption' || action === 'copy' || action === 'multipart-copy') return action;
  throw new Error(`${run.item.key} is planned as ${action}: there is nothing to run.`);
}

async function change(run: ItemRun, method: ChangeMethod): Promise<ItemOutcome> {
  const { item, store, target } = run;
  switch (method) {
    case 'update-encryption': {
      if (target.kind !== 'SSE-KMS') throw new Error('UpdateObjectEncryption can only move objects to SSE-KMS.');
      const object = { bucket: item.bucket, key: item.key, versionId: item.versionId };
      await run.requests.change(() => store.updateObjectEncryption({ object, keyArn: target.keyArn, bucketKey: target.bucketKey }));
      return verifyChange(run, method, object);
    }
    case 'copy': {
      if (!item.source) throw new Error(`${item.key} was planned for a copy without its source settings.`);
      const { storageClass, checksum, websiteRedirectLocation } = item.source;
      const written = await run.requests.change(() =>
        store.copyObjectInPlace({
          object: seenObjectOf(item),
          encryption: target,
          sourceCustomerKey: run.sourceCustomerKey,
          storageClass,
          checksumAlgorithm: checksum?.algorithm,
          websiteRedirectLocation,
        }),
      );
      return verifyChange(run, method, { bucket: item.bucket, key: item.key, versionId: written.versionId });
    }
    case 'multipart-copy': {
      const written = await runMultipartCopy(run);
      if (written === 'stopped') return { state: 'stopped' };
      if (written === 'changed') return CHANGED_SINCE_SELECTED;
      return verifyChange(run, method, { bucket: item.bucket, key: item.key, versionId: written.versionId });
    }
  }
}

/** HeadObject of what the change wrote: the target encryption, the same size, and what a copy keeps. */
export async function verifyChange(run: ItemRun, method: ChangeMethod, written: ObjectAddress): Promise<ItemOutcome> {
  const { item } = run;
  const head = await headForJob(run, written, targetCustomerKeyOf(run.target));
  const verification = verifyResult(head, {
    target: recordOfTarget(run.target),
    size: item.size,
    etag: method === 'update-encryption' ? item.etag : undefined,
    storageClass: item.source?.storageClass,
    checksumAlgorithm: item.source?.checksum?.algorithm,
    websiteRedirectLocation: item.source?.websiteRedirectLocation,
  });
  if (verification.verified) {
    return { state: 'done', method, versionAfter: head.VersionId, after: verification.encryption, message: DONE_MESSAGES[method] };
  }
  if (verification.changedByOthers) return { state: 'changed-since-selected', message: verification.problem };
  return { state: 'failed', errorCode: 'VerificationFailed', message: verification.problem };
}

function outcomeOf(current: Exclude<CurrentState, { state: 'as-planned' }>, method: ChangeMethod, foundAsChosen: string): ItemOutcome {
  if (current.state === 'changed') return CHANGED_SINCE_SELECTED;
  return { state: 'done', method, versionAfter: current.head.VersionId, after: current.encryption, message: foundAsChosen };
}
