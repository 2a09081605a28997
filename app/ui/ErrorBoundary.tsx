import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { Component, type ReactNode } from 'react';
import { failureMessage } from './failure-message';

interface Failure {
  error?: unknown;
  failed: boolean;
}

/**
 * The console's root: an error thrown while rendering shows what failed and a reload, never a blank page.
 * Jobs run outside React and keep their journal, so a reload opens them again where they were.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, Failure> {
  override state: Failure = { failed: false };

  static getDerivedStateFromError(error: unknown): Failure {
    return { error, failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Box padding="l">
        <Alert type="error" header="The console stopped on an error" action={<Button onClick={() => window.location.reload()}>Reload</Button>}>
          {failureMessage(this.state.error)}
        </Alert>
      </Box>
    );
  }
}
