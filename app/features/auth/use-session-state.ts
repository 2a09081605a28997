import { useSyncExternalStore } from 'react';
import type { AuthSession, SessionState } from './auth-session';

/** The session's state; re-renders on sign-in, renewal, expiry and sign-out. */
export function useSessionState(session: AuthSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
