import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { toAwsProblem } from '../domain/aws-error';

/** An AWS failure shown in place, with a retry where trying again can help. */
export function ProblemAlert({ error, header, onRetry }: { error: unknown; header: string; onRetry?: () => void }) {
  const problem = toAwsProblem(error);
  return (
    <Alert type="error" header={header} action={onRetry && problem.retryable ? <Button onClick={onRetry}>Retry</Button> : undefined}>
      {`${problem.code}: ${problem.message}`}
    </Alert>
  );
}
