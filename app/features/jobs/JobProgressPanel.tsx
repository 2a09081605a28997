import ColumnLayout from '@cloudscape-design/components/column-layout';
import Box from '@cloudscape-design/components/box';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { JobProgress } from '../../domain/jobs/job-progress';
import { formatEta, formatRate, ITEM_STATE_LABELS, percentSettled } from './job-view.utils';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <div>{value}</div>
    </div>
  );
}

/** How far the job is: settled objects out of all, the pace, the time left, and the count in each state. */
export function JobProgressPanel({ progress }: { progress: JobProgress }) {
  const settled = progress.total - progress.counts.pending - progress.counts['in-progress'] - progress.counts['needs-customer-key'];
  return (
    <SpaceBetween size="m">
      <ProgressBar value={percentSettled(progress)} label="Objects settled" additionalInfo={`${settled} of ${progress.total}`} />
      <ColumnLayout columns={3} variant="text-grid">
        <Figure label="Pace" value={formatRate(progress.objectsPerSecond)} />
        <Figure label="Time left" value={progress.state === 'running' ? formatEta(progress.etaSeconds) : '–'} />
        <Figure label="Objects in the job" value={progress.total} />
      </ColumnLayout>
      <ColumnLayout columns={4} variant="text-grid">
        {(Object.keys(ITEM_STATE_LABELS) as (keyof typeof ITEM_STATE_LABELS)[])
          .filter((state) => progress.counts[state] > 0)
          .map((state) => (
            <Figure key={state} label={ITEM_STATE_LABELS[state].text} value={progress.counts[state]} />
          ))}
      </ColumnLayout>
    </SpaceBetween>
  );
}
