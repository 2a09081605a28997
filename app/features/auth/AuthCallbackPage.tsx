import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useEffect, useState } from 'react';
import { navigate } from '../../routing/use-route';
import type { AuthSession } from './auth-session';
import { messageOf, useSignIn } from './use-sign-in';

/**
 * /auth/callback: trades the managed login's code for tokens, then replaces
 * the callback in the history with the page the user signed in from, so Back
 * never returns to a used code.
 */
export function AuthCallbackPage({ session }: { session: AuthSession }) {
  const [failure, setFailure] = useState<string>();
  const { signIn, redirecting } = useSignIn(session);
  useEffect(() => {
    session.completeSignIn(window.location.href).then(
      (returnTo) => navigate(returnTo, { replace: true }),
      (error: unknown) => setFailure(messageOf(error)),
    );
  }, [session]);

  if (!failure) return <StatusIndicator type="loading">Signing you in…</StatusIndicator>;
  return (
    <Alert
      type="error"
      header="Sign-in did not complete"
      action={
        <Button loading={redirecting} onClick={() => signIn('/')}>
          Sign in again
        </Button>
      }
    >
      {failure}
    </Alert>
  );
}
