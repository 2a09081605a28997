import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CustomerKeyPrompt } from './CustomerKeyPrompt';
import { JobView } from './JobView';
import { useOpenedJob } from './use-opened-job';

/**
 * /jobs/:id — the signed-in user's job, running here or reopened from this
 * browser's journal (an SSE-C job asks for its key again); a job another tab
 * holds runs there, and this page only says so.
 */
export function JobPage({ jobId }: { jobId: string }) {
  const { opening, openWithKeys, runFailure } = useOpenedJob(jobId);
  switch (opening.status) {
    case 'opening':
      return <StatusIndicator type="loading">Opening the job…</StatusIndicator>;
    case 'failed':
      return <ProblemAlert error={opening.error} header="The job could not be opened" />;
    case 'missing':
      return (
        <Alert type="warning" header="No such job in this browser">
          Jobs are kept in the browser that started them, for the user who started them. You have no job {jobId} here.
        </Alert>
      );
    case 'elsewhere':
      return (
        <Alert type="info" header={opening.state === 'running' ? 'Running in another tab' : 'Open in another tab'}>
          Job {jobId} is held by another tab of this browser: it runs there, and its controls and report are there. This page opens it once that tab
          closes or lets it go.
        </Alert>
      );
    case 'needs-target-key':
      return (
        <Container
          header={
            <Header variant="h1" description="Keys are never stored, so a reopened SSE-C job asks for its key again.">
              Re-encryption job
            </Header>
          }
        >
          <CustomerKeyPrompt
            keyMd5={opening.keyMd5}
            label="The SSE-C key this job encrypts with"
            problem={opening.problem}
            onKey={(key) => openWithKeys({ target: key })}
          />
        </Container>
      );
    case 'open':
      return <JobView job={opening.job} runFailure={runFailure} />;
  }
}
