import '@cloudscape-design/global-styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadAppConfig } from './config/load-config';
import { AuthSession } from './features/auth/auth-session';
import { ConfigErrorPage } from './ui/ConfigErrorPage';

const root = createRoot(document.getElementById('root')!);

loadAppConfig().then(
  (config) => {
    const session = new AuthSession(config.cognito.userPool, window.location.origin);
    void session.start();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App config={config} session={session} />
        </QueryClientProvider>
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<ConfigErrorPage error={error} />),
);
