import { createContext, useContext } from 'react';
import type { AwsClients } from './clients';

export const AwsClientsContext = createContext<AwsClients | null>(null);

export function useAwsClients(): AwsClients {
  const clients = useContext(AwsClientsContext);
  if (!clients) throw new Error('useAwsClients must be used inside <AwsClientsContext.Provider>');
  return clients;
}
