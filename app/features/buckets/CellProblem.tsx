import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Popover from '@cloudscape-design/components/popover';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import type { AwsProblem } from '../../domain/aws-error';

/** A table cell's failure: a short status that fits the row, the full message (and a retry) one click away. */
export function CellProblem({
  problem,
  label = problem.code,
  type = 'error',
  onRetry,
}: {
  problem: AwsProblem;
  label?: ReactNode;
  type?: StatusIndicatorProps.Type;
  onRetry?: () => void;
}) {
  return (
    <Popover
      header={problem.code}
      dismissButton={false}
      triggerType="text"
      size="large"
      content={
        <SpaceBetween size="s">
          <Box variant="p">{problem.message}</Box>
          {onRetry && problem.retryable ? <Button onClick={onRetry}>Retry</Button> : null}
        </SpaceBetween>
      }
    >
      <StatusIndicator type={type}>{label}</StatusIndicator>
    </Popover>
  );
}
