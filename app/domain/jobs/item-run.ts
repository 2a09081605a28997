import type { CustomerKey } from '../customer-key';
import type { ObjectEncryption } from '../encryption';
import type { SeenObject } from '../s3-object';
import type { ChangeMethod } from './job-records';
import type { ObjectStore } from './object-store';
import type { PlanItem } from './plan';
import type { TargetEncryption } from './target-encryption';

/** How a job sends one object's requests: paced, retried, and with track kept of writes whose outcome is unknown. */
export interface ItemRequests {
  /** A request that can be repeated without harm (reads, part copies, aborts). */
  send<T>(request: () => Promise<T>): Promise<T>;
  /** A request that changes the object. */
  change<T>(request: () => Promise<T>): Promise<T>;
  /** A change failed in a way that may still have changed the object (a broken connection, a 500). */
  readonly changeMayHaveLanded: boolean;
}

/** Everything needed to carry out one planned object. */
export interface ItemRun {
  item: PlanItem;
  store: ObjectStore;
  target: TargetEncryption;
  sourceCustomerKey?: CustomerKey;
  /** An earlier attempt was interrupted: look at the object before changing it again. */
  checkFirst: boolean;
  requests: ItemRequests;
  partConcurrency: number;
  /** Pause or cancel asked for: a multipart copy stops between parts. */
  shouldStop: () => boolean;
  /** Journals the multipart upload left open (undefined once it is completed or aborted). */
  onUploadChanged: (uploadId: string | undefined) => Promise<void>;
}

export type ItemOutcome =
  | { state: 'done'; method: ChangeMethod; versionAfter?: string; after: ObjectEncryption; message: string }
  | { state: 'changed-since-selected'; message: string }
  | { state: 'failed'; errorCode: string; message: string }
  /** A multipart copy stopped by pause or cancel, its upload aborted. */
  | { state: 'stopped' };

export const CHANGED_SINCE_SELECTED = {
  state: 'changed-since-selected',
  message: 'Changed since it was selected (it is no longer the version seen when planning), so it was left alone.',
} as const satisfies ItemOutcome;

export function seenObjectOf(item: PlanItem): SeenObject {
  if (item.etag === undefined) throw new Error(`${item.key} was planned without an ETag.`);
  return { bucket: item.bucket, key: item.key, versionId: item.versionId, etag: item.etag };
}

export function targetCustomerKeyOf(target: TargetEncryption): CustomerKey | undefined {
  return target.kind === 'SSE-C' ? target.customerKey : undefined;
}
