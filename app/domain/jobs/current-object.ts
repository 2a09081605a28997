import { httpStatusOf } from '../aws-error';
import type { CustomerKey } from '../customer-key';
import { classifyEncryptionHeaders, type ObjectEncryption } from '../encryption';
import type { ObjectAddress, ObjectHead } from '../s3-object';
import { classifyFailure, isBareHeadRefusal } from './failure-class';
import { targetCustomerKeyOf, type ItemRun } from './item-run';
import { isAsChosen } from './target-encryption';

/**
 * HeadObject for the job. A HEAD answer has no body, so an expired session
 * looks like a missing SSE-C key (a bare 400); GetObjectTagging, which needs
 * no key and answers with a body, tells them apart.
 */
export async function headForJob(run: ItemRun, address: ObjectAddress, customerKey?: CustomerKey): Promise<ObjectHead> {
  try {
    return await run.requests.send(() => run.store.headObject(address, customerKey));
  } catch (error) {
    if (isBareHeadRefusal(error)) {
      try {
        await run.requests.send(() => run.store.getObjectTagging(address));
      } catch (probeError) {
        if (classifyFailure(probeError).kind === 'sign-in') throw probeError;
      }
    }
    throw error;
  }
}

/**
 * The current version under the object's key, opened with the key it needs:
 * none, the target's SSE-C key (if an earlier attempt got that far) or the
 * source's; undefined when none of them opens it.
 */
async function headCurrentVersion(run: ItemRun): Promise<ObjectHead | undefined> {
  const address = { bucket: run.item.bucket, key: run.item.key };
  const keys = [targetCustomerKeyOf(run.target), run.sourceCustomerKey].filter((key) => key !== undefined);
  try {
    return await headForJob(run, address);
  } catch (error) {
    if (!isBareHeadRefusal(error) || keys.length === 0) throw error;
  }
  for (const key of keys) {
    try {
      return await headForJob(run, address, key);
    } catch (error) {
      // 403: encrypted under another customer key.
      if (httpStatusOf(error) !== 403) throw error;
    }
  }
  return undefined;
}

export type CurrentState = { state: 'as-planned' } | { state: 'as-chosen'; head: ObjectHead; encryption: ObjectEncryption } | { state: 'changed' };

/** Whether the object is still what was planned, already as chosen (an interrupted attempt may have finished), or changed by someone else. */
export async function compareWithPlan(run: ItemRun): Promise<CurrentState> {
  const head = await headCurrentVersion(run);
  if (!head) return { state: 'changed' };
  const reading = classifyEncryptionHeaders(head, 'exposed');
  if (reading.status === 'read' && isAsChosen(reading.encryption, run.target) && head.ContentLength === run.item.size) {
    return { state: 'as-chosen', head, encryption: reading.encryption };
  }
  return isAsPlanned(head, run) ? { state: 'as-planned' } : { state: 'changed' };
}

/** Still the version seen when planning: same ETag and, where versions are kept, the same version. */
export function isAsPlanned(head: ObjectHead, run: ItemRun): boolean {
  return head.ETag === run.item.etag && (!run.item.versioned || head.VersionId === run.item.versionId);
}
