import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { AuthSession } from './auth-session';
import { currentPath, useSignIn } from './use-sign-in';

/** Shown instead of the console to a signed-out user when guests are not allowed, and when the session has ended. */
export function SignInPage({ session, expired }: { session: AuthSession; expired: boolean }) {
  const { signIn, redirecting, failure } = useSignIn(session);
  return (
    <Container header={<Header variant="h1">Sign in to S3 Encryption Console</Header>}>
      <SpaceBetween size="m">
        {expired && (
          <Alert type="warning" header="Your session has ended">
            Your sign-in could not be renewed: it expired or was revoked. Sign in again to carry on where you were.
          </Alert>
        )}
        {failure && (
          <Alert type="error" header="Sign-in could not start">
            {failure}
          </Alert>
        )}
        <Box>
          The console reads your buckets with temporary AWS credentials for your role. Sign in with your user pool account; you come back to this page
          afterwards.
        </Box>
        <Button variant="primary" loading={redirecting} onClick={() => signIn(currentPath())}>
          Sign in
        </Button>
      </SpaceBetween>
    </Container>
  );
}
