import type { ObjectEncryption } from '../encryption';
import type { Owner } from '../owner';
import type { PlanAction, PlanItem } from './plan';
import type { TargetEncryptionRecord } from './target-encryption';

/** Where a job is: `needs-sign-in` waits for new credentials, then resumes. */
export type JobState = 'ready' | 'running' | 'paused' | 'needs-sign-in' | 'cancelled' | 'finished';

export type ItemState =
  'pending' | 'in-progress' | 'done' | 'skipped' | 'changed-since-selected' | 'failed' | 'needs-customer-key' | 'cannot' | 'cancelled';

export const ITEM_STATES: readonly ItemState[] = [
  'pending',
  'in-progress',
  'done',
  'skipped',
  'changed-since-selected',
  'failed',
  'needs-customer-key',
  'cannot',
  'cancelled',
];

/** How an object was changed. */
export type ChangeMethod = Extract<PlanAction, 'update-encryption' | 'copy' | 'multipart-copy'>;

/** One object of a job as the journal keeps it: plain data, and never an SSE-C key. */
export interface ItemRecord {
  plan: PlanItem;
  state: ItemState;
  /** Times the job started on it; from the second on, the object is checked before it is changed again. */
  attempts: number;
  /** A multipart upload left open by an interruption, aborted before the object is tried again. */
  uploadId?: string;
  method?: ChangeMethod;
  versionAfter?: string;
  after?: ObjectEncryption;
  errorCode?: string;
  /** Why it ended as it did, in a user's words. */
  message?: string;
}

export interface JobRecord {
  id: string;
  createdAt: string;
  target: TargetEncryptionRecord;
  state: JobState;
  /**
   * Who the job belongs to: written by the console's runtime on every save;
   * absent on jobs journaled before owners were, which belong to no one.
   */
  owner?: Owner;
}

/** The state an object starts a job in. */
export function initialItemState(item: PlanItem): ItemState {
  switch (item.action) {
    case 'skip':
      return 'skipped';
    case 'cannot':
      return 'cannot';
    case 'needs-customer-key':
      return 'needs-customer-key';
    default:
      return 'pending';
  }
}
