import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { toAwsProblem } from '../../domain/aws-error';
import { failureNotice } from './failure.utils';

/** A failed call in place, with Retry where trying again can help. `permission`: the IAM action a refusal is about. */
export function FailureAlert({ error, permission, onRetry }: { error: unknown; permission: string; onRetry: () => void }) {
  const notice = failureNotice(toAwsProblem(error), permission);
  return (
    <Alert type="error" header={notice.header} action={notice.retryable ? <Button onClick={onRetry}>Retry</Button> : undefined}>
      {notice.message}
    </Alert>
  );
}
