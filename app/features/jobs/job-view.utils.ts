import type { ItemRecord, ItemState, JobState } from '../../domain/jobs/job-records';
import type { JobProgress } from '../../domain/jobs/job-progress';

export type StatusType = 'success' | 'error' | 'warning' | 'info' | 'stopped' | 'pending' | 'in-progress' | 'loading';

export const ITEM_STATE_LABELS: Record<ItemState, { text: string; type: StatusType }> = {
  pending: { text: 'Waiting', type: 'pending' },
  'in-progress': { text: 'In progress', type: 'in-progress' },
  done: { text: 'Re-encrypted', type: 'success' },
  skipped: { text: 'Skipped', type: 'info' },
  'changed-since-selected': { text: 'Changed since selected', type: 'warning' },
  failed: { text: 'Failed', type: 'error' },
  'needs-customer-key': { text: 'Needs its SSE-C key', type: 'warning' },
  cannot: { text: 'Cannot be done', type: 'stopped' },
  cancelled: { text: 'Cancelled', type: 'stopped' },
};

export const JOB_STATE_LABELS: Record<JobState, { text: string; type: StatusType }> = {
  ready: { text: 'Ready', type: 'pending' },
  running: { text: 'Running', type: 'in-progress' },
  paused: { text: 'Paused', type: 'stopped' },
  'needs-sign-in': { text: 'Waiting for sign-in', type: 'warning' },
  cancelled: { text: 'Cancelled', type: 'stopped' },
  finished: { text: 'Finished', type: 'success' },
};

/** A job of the list: its journaled state, and whether another tab holds it. */
export function listedJobState({ state, elsewhere }: { state: JobState; elsewhere: boolean }): { text: string; type: StatusType } {
  if (!elsewhere) return JOB_STATE_LABELS[state];
  return state === 'running'
    ? { text: 'Running in another tab', type: 'in-progress' }
    : { text: `${JOB_STATE_LABELS[state].text}, open in another tab`, type: 'info' };
}

/** Objects whose outcome is settled (re-encrypted, skipped, reported), out of all, as a percentage. */
export function percentSettled(progress: JobProgress): number {
  if (progress.total === 0) return 100;
  const unsettled = progress.counts.pending + progress.counts['in-progress'] + progress.counts['needs-customer-key'];
  return Math.floor(((progress.total - unsettled) * 100) / progress.total);
}

export function formatRate(objectsPerSecond: number | undefined): string {
  return objectsPerSecond === undefined ? '–' : `${objectsPerSecond.toFixed(1)} objects/s`;
}

export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined) return '–';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface JobControls {
  pause: boolean;
  resume: boolean;
  cancel: boolean;
  retryFailed: boolean;
  report: boolean;
}

/** Which buttons a job's state allows. */
export function jobControls(progress: JobProgress): JobControls {
  const { state, counts } = progress;
  const over = state === 'finished' || state === 'cancelled';
  return {
    pause: state === 'running',
    resume: state === 'paused' || state === 'ready' || state === 'needs-sign-in',
    cancel: !over,
    retryFailed: counts.failed > 0 && state !== 'running' && state !== 'cancelled',
    report: state !== 'running',
  };
}

export type StateFilter = ItemState | 'all';

export interface ItemPage {
  rows: ItemRecord[];
  matching: number;
  pagesCount: number;
  /** The page shown: the one asked for, or the last when the filter left fewer. */
  pageIndex: number;
}

/** One page (1-based) of the objects in the chosen state. */
export function pageOfItems(items: readonly ItemRecord[], filter: StateFilter, pageIndex: number, pageSize: number): ItemPage {
  const matching = filter === 'all' ? items : items.filter((item) => item.state === filter);
  const pagesCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, pageIndex), pagesCount);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), matching: matching.length, pagesCount, pageIndex: page };
}

/** The report's file name names its job, so reports of several jobs do not overwrite each other. */
export function reportFileName(jobId: string, extension: 'csv' | 'json'): string {
  return `re-encryption-report-${jobId}.${extension}`;
}

/** The MD5s of SSE-C keys the job waits for, one each. */
export function missingSourceKeyMd5s(items: readonly ItemRecord[]): string[] {
  const md5s = items.flatMap((item) =>
    item.state === 'needs-customer-key' && item.plan.sourceCustomerKeyMd5 ? [item.plan.sourceCustomerKeyMd5] : [],
  );
  return [...new Set(md5s)];
}
