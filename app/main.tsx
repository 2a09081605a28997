import '@cloudscape-design/global-styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AwsClientsContext } from './aws/aws-context';
import { AwsClients } from './aws/clients';
import { cognitoCredentials } from './aws/credentials';
import { loadAppConfig } from './config/load-config';
import { ConfigErrorPage } from './ui/ConfigErrorPage';

const root = createRoot(document.getElementById('root')!);

loadAppConfig().then(
  (config) => {
    const clients = new AwsClients(config, cognitoCredentials(config));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <AwsClientsContext.Provider value={clients}>
            <App />
          </AwsClientsContext.Provider>
        </QueryClientProvider>
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<ConfigErrorPage error={error} />),
);
