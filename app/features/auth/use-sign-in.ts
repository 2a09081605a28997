import { useState } from 'react';
import type { AuthSession } from './auth-session';

export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/**
 * Starts the redirect to the managed login, coming back to `returnTo`. The
 * page stays until the browser leaves it; a failure to start (the user pool
 * unreachable) is kept to be shown.
 */
export function useSignIn(session: AuthSession) {
  const [redirecting, setRedirecting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const signIn = (returnTo: string) => {
    setRedirecting(true);
    setFailure(undefined);
    session.signIn(returnTo).catch((error: unknown) => {
      setRedirecting(false);
      setFailure(`The user pool could not be reached: ${messageOf(error)}`);
    });
  };
  return { signIn, redirecting, failure };
}

/** The page the user is on, to come back to after signing in. */
export function currentPath(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}
