import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useEffect, useState } from 'react';
import { describeEncryption } from '../../domain/jobs/target-encryption';
import type { ListedJob } from '../../jobs/job-runtime';
import { useJobRuntime } from '../../jobs/job-runtime-context';
import { routeHref } from '../../routing/routes';
import { followInApp } from '../../routing/use-route';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { listedJobState } from './job-view.utils';

/** /jobs — the signed-in user's re-encryption jobs journaled in this browser, newest first. */
export function JobsPage() {
  const runtime = useJobRuntime();
  const [jobs, setJobs] = useState<ListedJob[]>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    runtime.list().then(setJobs, setFailure);
  }, [runtime]);
  return (
    <SpaceBetween size="l">
      {!runtime.persistent && (
        <Alert type="warning" header="Jobs are not kept in this browser">
          IndexedDB is not available here (a private window, perhaps): a job ends when this tab closes.
        </Alert>
      )}
      {failure !== undefined && <ProblemAlert error={failure} header="The jobs could not be read" />}
      <Table
        header={
          <Header
            variant="h1"
            counter={jobs && `(${jobs.length})`}
            description="Your jobs started in this browser. Each one goes on where it stopped when opened again."
          >
            Jobs
          </Header>
        }
        loading={!jobs && failure === undefined}
        loadingText="Reading the jobs"
        items={jobs ?? []}
        trackBy="id"
        empty={<Box textAlign="center">No jobs yet: select objects in a bucket and choose "Edit server-side encryption".</Box>}
        columnDefinitions={[
          {
            id: 'created',
            header: 'Started',
            cell: (job) => (
              <Link href={routeHref({ page: 'job', id: job.id })} onFollow={followInApp}>
                {new Date(job.createdAt).toLocaleString()}
              </Link>
            ),
          },
          { id: 'target', header: 'Encryption', cell: (job) => describeEncryption(job.target) },
          {
            id: 'state',
            header: 'State',
            cell: (job) => {
              const { type, text } = listedJobState(job);
              return <StatusIndicator type={type}>{text}</StatusIndicator>;
            },
          },
          { id: 'id', header: 'Job id', cell: (job) => job.id },
        ]}
      />
    </SpaceBetween>
  );
}
