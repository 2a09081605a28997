import { ITEM_STATES, type ItemRecord, type ItemState, type JobState } from './job-records';
import { etaSeconds } from './throughput';

export interface JobProgress {
  state: JobState;
  total: number;
  counts: Record<ItemState, number>;
  objectsPerSecond?: number;
  etaSeconds?: number;
}

export interface JobEvent {
  progress: JobProgress;
  /** The object whose state just changed; absent when the job's own state changed. */
  item?: Readonly<ItemRecord>;
}

export type JobListener = (event: JobEvent) => void;

export function progressOf(state: JobState, records: Iterable<ItemRecord>, objectsPerSecond: number | undefined): JobProgress {
  const counts = Object.fromEntries(ITEM_STATES.map((itemState) => [itemState, 0])) as Record<ItemState, number>;
  let total = 0;
  for (const record of records) {
    counts[record.state]++;
    total++;
  }
  return { state, total, counts, objectsPerSecond, etaSeconds: etaSeconds(counts.pending + counts['in-progress'], objectsPerSecond) };
}

/** The UI's subscriptions to a job. A failing listener must not stop the job, so its error surfaces on its own. */
export class JobListeners {
  private readonly listeners = new Set<JobListener>();

  subscribe(listener: JobListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
