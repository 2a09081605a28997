import { createContext, useContext, useEffect } from 'react';
import type { Owner } from '../domain/owner';
import type { JobClients, JobRuntime } from './job-runtime';

export const JobRuntimeContext = createContext<JobRuntime | null>(null);

/** The browser's one JobRuntime, made in main.tsx. */
export function useJobRuntime(): JobRuntime {
  const runtime = useContext(JobRuntimeContext);
  if (!runtime) throw new Error('useJobRuntime must be used inside <JobRuntimeContext.Provider>');
  return runtime;
}

/** Hands the signed-in user's (or the guest's) clients to the jobs, with whose they are; used once, by the console's shell. */
export function useJobClients(clients: JobClients, owner: Owner): void {
  const runtime = useJobRuntime();
  useEffect(() => runtime.connect(clients, owner), [runtime, clients, owner]);
}
