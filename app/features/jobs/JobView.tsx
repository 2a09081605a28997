import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { reportCsv, reportJson } from '../../domain/jobs/report';
import type { ReEncryptionJob } from '../../domain/jobs/re-encryption-job';
import { useJobRuntime } from '../../jobs/job-runtime-context';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CustomerKeyPrompt } from './CustomerKeyPrompt';
import { downloadFile } from './download-file';
import { JobItemsTable } from './JobItemsTable';
import { JobProgressPanel } from './JobProgressPanel';
import { JOB_STATE_LABELS, jobControls, missingSourceKeyMd5s, reportFileName } from './job-view.utils';
import { useJobSnapshot } from './use-job-snapshot';

/** A job's page once it is open: its progress, its controls, the keys it waits for, its objects and its report. */
export function JobView({ job, runFailure }: { job: ReEncryptionJob; runFailure: unknown }) {
  const runtime = useJobRuntime();
  const { progress, items } = useJobSnapshot(job);
  const controls = jobControls(progress);
  const act = (step: () => Promise<unknown>) => runtime.run(job.id, step);
  const download = (extension: 'csv' | 'json') => {
    const rows = job.report();
    if (extension === 'csv') downloadFile(reportFileName(job.id, 'csv'), reportCsv(rows), 'text/csv');
    else downloadFile(reportFileName(job.id, 'json'), reportJson(rows), 'application/json');
  };
  const state = JOB_STATE_LABELS[progress.state];
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        description={<StatusIndicator type={state.type}>{state.text}</StatusIndicator>}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button disabled={!controls.pause} onClick={() => act(() => job.pause())}>
              Pause
            </Button>
            <Button disabled={!controls.resume} onClick={() => act(() => job.resume())}>
              Resume
            </Button>
            <Button disabled={!controls.retryFailed} onClick={() => act(() => job.retryFailed())}>
              Retry failed
            </Button>
            <Button disabled={!controls.cancel} onClick={() => act(() => job.cancel())}>
              Cancel
            </Button>
          </SpaceBetween>
        }
      >
        Re-encryption job
      </Header>
      {runFailure !== undefined && <ProblemAlert error={runFailure} header="The job stopped" />}
      {progress.state === 'needs-sign-in' && (
        <Alert type="warning" header="Your session expired">
          The job is paused and nothing was lost. Once you sign in again it goes on by itself; if the console is still signed in, Resume tries with
          renewed credentials.
        </Alert>
      )}
      {missingSourceKeyMd5s(items).map((md5) => (
        <CustomerKeyPrompt key={md5} keyMd5={md5} label="SSE-C key of objects in this job" onKey={(key) => act(() => job.provideCustomerKey(key))} />
      ))}
      <Container header={<Header variant="h2">Progress</Header>}>
        <JobProgressPanel progress={progress} />
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Key, versions, encryption before and after, method, result and S3's error for every object."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="download" disabled={!controls.report} onClick={() => download('csv')}>
                  Download CSV
                </Button>
                <Button iconName="download" disabled={!controls.report} onClick={() => download('json')}>
                  Download JSON
                </Button>
              </SpaceBetween>
            }
          >
            Report
          </Header>
        }
      >
        {controls.report ? 'The report is ready for the objects settled so far.' : 'Pause the job, or wait for it to finish, to download the report.'}
      </Container>
      <JobItemsTable items={items} />
    </SpaceBetween>
  );
}
