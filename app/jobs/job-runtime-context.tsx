import { createContext, useContext, useEffect } from 'react';
import type { JobClients, JobRuntime } from './job-runtime';

export const JobRuntimeContext = createContext<JobRuntime | null>(null);

/** The browser's one JobRuntime, made in main.tsx. */
export function useJobRuntime(): JobRuntime {
  const runtime = useContext(JobRuntimeContext);
  if (!runtime) throw new Error('useJobRuntime must be used inside <JobRuntimeContext.Provider>');
  return runtime;
}

/** Hands the signed-in user's clients to the jobs; used once, by the console's shell. */
export function useJobClients(clients: JobClients): void {
  const runtime = useJobRuntime();
  useEffect(() => runtime.connect(clients), [runtime, clients]);
}
