import '@cloudscape-design/global-styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { AppConfig } from './config/app-config';
import { connectPolicy } from './config/content-security-policy';
import type { JobSettings } from './config/job-settings';
import { loadAppConfig } from './config/load-config';
import { AuthSession } from './features/auth/auth-session';
import { IndexedDbJournal } from './jobs/indexeddb-journal';
import { JobRuntime } from './jobs/job-runtime';
import { JobRuntimeContext } from './jobs/job-runtime-context';
import { MemoryJobLocks, type JobLocks } from './jobs/job-locks';
import { MemoryJobStore } from './jobs/memory-job-store';
import { WebJobLocks } from './jobs/web-job-locks';
import { ConfigErrorPage } from './ui/ConfigErrorPage';
import { ErrorBoundary } from './ui/ErrorBoundary';

const root = createRoot(document.getElementById('root')!);

/** Jobs journaled in IndexedDB survive a reload; without it (some private windows) they live as long as the tab. */
function jobRuntime(settings: JobSettings): Promise<JobRuntime> {
  // Without Web Locks (older browsers) nothing keeps two tabs from running one job; every current browser has them.
  const locks: JobLocks = 'locks' in navigator ? new WebJobLocks() : new MemoryJobLocks();
  return IndexedDbJournal.open().then(
    (journal) => new JobRuntime(journal, locks, settings),
    () => new JobRuntime(new MemoryJobStore(), locks, settings, false),
  );
}

/** index.html's policy lets connections go anywhere until config.json says where the console's services are. */
function restrictConnections(config: AppConfig): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = connectPolicy(config);
  document.head.append(meta);
}

loadAppConfig().then(
  (config) => {
    restrictConnections(config);
    return jobRuntime(config.jobs).then((runtime) => render(config, runtime));
  },
  (error: unknown) => root.render(<ConfigErrorPage error={error} />),
);

function render(config: AppConfig, runtime: JobRuntime): void {
  const session = new AuthSession(config.cognito.userPool, window.location.origin);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });
  // Nothing of the user's outlives their sign-out in this tab: their jobs pause, the answers cached for them go.
  session.beforeSignOut(async () => {
    await runtime.letGo();
    queryClient.clear();
  });
  void session.start();
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <JobRuntimeContext.Provider value={runtime}>
            <App config={config} session={session} />
          </JobRuntimeContext.Provider>
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
