import { useEffect, useState } from 'react';
import type { ItemRecord } from '../../domain/jobs/job-records';
import type { JobProgress } from '../../domain/jobs/job-progress';
import type { ReEncryptionJob } from '../../domain/jobs/re-encryption-job';

export interface JobSnapshot {
  progress: JobProgress;
  items: ItemRecord[];
}

/** Thousands of objects change state in bursts: the page redraws at most this often. */
const REDRAW_MS = 150;

function snapshotOf(job: ReEncryptionJob): JobSnapshot {
  return { progress: job.progress(), items: job.items() };
}

/** The job as the page draws it, following its events. */
export function useJobSnapshot(job: ReEncryptionJob): JobSnapshot {
  const [snapshot, setSnapshot] = useState(() => snapshotOf(job));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const redraw = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setSnapshot(snapshotOf(job));
      }, REDRAW_MS);
    };
    const unsubscribe = job.subscribe(redraw);
    // What changed between the render and the subscription (or a job given in place of another) is drawn too.
    redraw();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [job]);
  return snapshot;
}
