import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard from '@cloudscape-design/components/wizard';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toAwsProblem } from '../../domain/aws-error';
import { queryKeys } from '../../api/keys';
import { restoredArchiveCopies } from '../../domain/jobs/plan-job';
import type { EncryptionSelection } from '../../domain/selection';
import { useJobRuntime } from '../../jobs/job-runtime-context';
import { routeHref } from '../../routing/routes';
import { followInApp, navigate } from '../../routing/use-route';
import { CopySettingsStep } from './CopySettingsStep';
import { EncryptionStep } from './EncryptionStep';
import { KEEP_ARCHIVE_CLASS, restoredArchiveStorageClassOf } from './restored-archives.utils';
import { changesAnything, dryRunCandidate } from './review.utils';
import { ReviewStep } from './ReviewStep';
import { withSourceKey, type NamedCustomerKey } from './source-keys.utils';
import { useEncryptionChoice } from './use-encryption-choice';
import { usePermissionCheck } from './use-permission-check';
import { useWizardPlan } from './use-wizard-plan';

/** "Edit server-side encryption" for the objects the objects page or an object's page handed over. */
export function EncryptWizardPage({ bucket, selection }: { bucket: string; selection: EncryptionSelection | undefined }) {
  if (!selection || selection.bucket !== bucket || selection.keys.length === 0) {
    const href = routeHref({ page: 'objects', bucket, prefix: '' });
    return (
      <Alert type="info" header="No objects selected">
        {'The selection lives in this tab only and a reload forgets it. '}
        <Link href={href} onFollow={followInApp}>
          Select objects in {bucket}
        </Link>
      </Alert>
    );
  }
  return <EncryptWizard selection={selection} />;
}

function EncryptWizard({ selection }: { selection: EncryptionSelection }) {
  const runtime = useJobRuntime();
  const queryClient = useQueryClient();
  const [activeStep, setActiveStep] = useState(0);
  const [sourceKeys, setSourceKeys] = useState<NamedCustomerKey[]>([]);
  const [acceptHiddenMetadata, setAcceptHiddenMetadata] = useState(false);
  const [restoredArchives, setRestoredArchives] = useState(KEEP_ARCHIVE_CLASS);
  const [starting, setStarting] = useState(false);
  const [startProblem, setStartProblem] = useState<string>();
  const encryption = useEncryptionChoice(selection.bucket);
  const planning = useWizardPlan(
    selection,
    encryption.target,
    sourceKeys.map((named) => named.key),
    {
      acceptHiddenMetadata,
      restoredArchiveStorageClass: restoredArchiveStorageClassOf(restoredArchives),
    },
  );
  const candidate = planning.plan && dryRunCandidate(planning.plan.items);
  const permission = usePermissionCheck(candidate, encryption.target, sourceKeys);
  const canStart = planning.plan !== undefined && changesAnything(planning.plan.items) && permission.data?.status === 'allowed';
  const backToObjects = () => navigate({ page: 'objects', bucket: selection.bucket, prefix: selection.prefix });

  const start = async () => {
    if (!planning.plan || !encryption.target) return;
    setStarting(true);
    setStartProblem(undefined);
    try {
      const target = encryption.target;
      const id = await runtime.start({
        items: planning.plan.items,
        target,
        keys: { target: target.kind === 'SSE-C' ? target.customerKey : undefined, sources: sourceKeys.map((named) => named.key) },
      });
      // What the objects pages show is about to change.
      void queryClient.invalidateQueries({ queryKey: queryKeys.bucket(selection.bucket) });
      navigate({ page: 'job', id });
    } catch (error) {
      setStartProblem(toAwsProblem(error).message);
      setStarting(false);
    }
  };

  const startActions = (
    <SpaceBetween direction="horizontal" size="xs">
      <Button variant="link" onClick={backToObjects}>
        Cancel
      </Button>
      <Button onClick={() => setActiveStep(1)}>Previous</Button>
      <Button variant="primary" disabled={!canStart} loading={starting} onClick={() => void start()}>
        Start re-encryption
      </Button>
    </SpaceBetween>
  );

  return (
    <Wizard
      activeStepIndex={activeStep}
      onNavigate={({ detail }) => {
        if (detail.requestedStepIndex > 0 && !encryption.check.valid) return encryption.showErrors();
        setActiveStep(detail.requestedStepIndex);
      }}
      onCancel={backToObjects}
      customPrimaryActions={activeStep === 2 ? startActions : undefined}
      i18nStrings={{
        stepNumberLabel: (n) => `Step ${n}`,
        collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
        navigationAriaLabel: 'Steps',
        cancelButton: 'Cancel',
        previousButton: 'Previous',
        nextButton: 'Next',
        submitButton: 'Start re-encryption',
      }}
      steps={[
        {
          title: 'Choose the encryption',
          description: `${selection.keys.length.toLocaleString('en-US')} selected in ${selection.bucket}.`,
          content: <EncryptionStep {...encryption.stepProps} />,
        },
        {
          title: 'Copy settings',
          content: (
            <CopySettingsStep
              restoredArchives={restoredArchives}
              onRestoredArchives={setRestoredArchives}
              restoredArchiveCount={planning.plan && restoredArchiveCopies(planning.plan.items).length}
            />
          ),
        },
        {
          title: 'Review',
          errorText: startProblem,
          content: (
            <ReviewStep
              selection={selection}
              planning={planning}
              permission={candidate ? permission : undefined}
              usesKmsKey={encryption.target?.kind === 'SSE-KMS' || encryption.target?.kind === 'DSSE-KMS'}
              sourceKeys={sourceKeys}
              onSourceKey={(named) => setSourceKeys((keys) => withSourceKey(keys, named))}
              acceptHiddenMetadata={acceptHiddenMetadata}
              onAcceptHiddenMetadata={setAcceptHiddenMetadata}
            />
          ),
        },
      ]}
    />
  );
}
