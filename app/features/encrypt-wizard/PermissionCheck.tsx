import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UseQueryResult } from '@tanstack/react-query';
import type { DryRunVerdict } from '../../operations/dry-run-copy';
import { ProblemAlert } from '../../ui/ProblemAlert';

/**
 * S3 evaluates the copy's conditions before it asks KMS for a data key, so a
 * dry copy cannot tell whether KMS lets S3 use the key on the user's behalf.
 */
const KMS_USE_NOT_CHECKED =
  ' Whether KMS lets S3 use the key for you shows only when an object is written: a refusal is then reported for that object, and the object is left as it was.';

/** The dry check's answer: allowed, refused with S3's message (which names the missing permission), or not known. */
export function PermissionCheck({ bucket, check, usesKmsKey }: { bucket: string; check: UseQueryResult<DryRunVerdict>; usesKmsKey: boolean }) {
  if (check.isPending) return <StatusIndicator type="loading">{`Checking that your role may re-encrypt objects in ${bucket}…`}</StatusIndicator>;
  if (check.isError) return <ProblemAlert error={check.error} header="The permission check failed" onRetry={() => void check.refetch()} />;
  const verdict = check.data;
  switch (verdict.status) {
    case 'allowed':
      return (
        <StatusIndicator type="success">
          {`Your role may re-encrypt objects in ${bucket} with this encryption (checked without changing anything).${usesKmsKey ? KMS_USE_NOT_CHECKED : ''}`}
        </StatusIndicator>
      );
    case 'refused':
      return (
        <Alert type="error" header={`Your role may not re-encrypt objects in ${bucket}`}>
          {`${verdict.problem.code}: ${verdict.problem.message} Nothing was changed. Ask for the missing permission, or choose another encryption.`}
        </Alert>
      );
    case 'unknown':
      return (
        <Alert
          type="warning"
          header="Whether your role may do this could not be checked"
          action={<Button onClick={() => void check.refetch()}>Check again</Button>}
        >
          {`${verdict.problem.code}: ${verdict.problem.message}`}
        </Alert>
      );
  }
}
