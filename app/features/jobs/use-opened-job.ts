import { useCallback, useEffect, useState } from 'react';
import type { JobKeys } from '../../domain/jobs/job-keys';
import type { OpenedJob } from '../../jobs/job-runtime';
import { useJobRuntime } from '../../jobs/job-runtime-context';

export type JobOpening = { status: 'opening' } | { status: 'failed'; error: unknown } | OpenedJob;

/** Opens a job of this browser by id; `openWithKeys` tries again with SSE-C keys given by the user. */
export function useOpenedJob(jobId: string): { opening: JobOpening; openWithKeys: (keys: JobKeys) => void; runFailure: unknown } {
  const runtime = useJobRuntime();
  const [opening, setOpening] = useState<JobOpening>({ status: 'opening' });
  const [runFailure, setRunFailure] = useState<unknown>();

  const open = useCallback(
    (keys: JobKeys) => {
      runtime.open(jobId, keys).then(setOpening, (error: unknown) => setOpening({ status: 'failed', error }));
    },
    [runtime, jobId],
  );
  const openWithKeys = useCallback(
    (keys: JobKeys) => {
      setOpening({ status: 'opening' });
      open(keys);
    },
    [open],
  );

  useEffect(() => open({}), [open]);
  // A job another tab holds is opened here once that tab lets it go (closes, or signs out).
  const elsewhere = opening.status === 'elsewhere';
  useEffect(() => {
    if (!elsewhere) return;
    const leaving = new AbortController();
    runtime.whenFree(jobId, leaving.signal).then(
      () => open({}),
      () => undefined,
    );
    return () => leaving.abort();
  }, [runtime, jobId, elsewhere, open]);
  useEffect(() => runtime.onRunFailure((failedId, error) => failedId === jobId && setRunFailure(error)), [runtime, jobId]);
  return { opening, openWithKeys, runFailure };
}
