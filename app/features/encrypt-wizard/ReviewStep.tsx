import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UseQueryResult } from '@tanstack/react-query';
import type { DryRunVerdict } from '../../operations/dry-run-copy';
import type { EncryptionSelection } from '../../domain/selection';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { OlderVersions } from './OlderVersions';
import { PermissionCheck } from './PermissionCheck';
import { PlanCounts } from './PlanCounts';
import { PlanItemsTable } from './PlanItemsTable';
import { awaitingConsent, changesAnything } from './review.utils';
import { SourceKeyForm } from './SourceKeyForm';
import { waitingForKeys, type NamedCustomerKey } from './source-keys.utils';
import type { WizardPlan } from './use-wizard-plan';

interface ReviewStepProps {
  selection: EncryptionSelection;
  planning: WizardPlan;
  permission: UseQueryResult<DryRunVerdict> | undefined;
  usesKmsKey: boolean;
  sourceKeys: readonly NamedCustomerKey[];
  onSourceKey: (key: NamedCustomerKey) => void;
  acceptHiddenMetadata: boolean;
  onAcceptHiddenMetadata: (accepted: boolean) => void;
}

/** Step 3: counts, each object's action and reason, the warnings that apply, SSE-C source keys, and the dry permission check. */
export function ReviewStep(props: ReviewStepProps) {
  const { selection, planning } = props;
  if (planning.factsError) {
    return <ProblemAlert error={planning.factsError} header={`The settings of ${selection.bucket} cannot be read`} onRetry={planning.retryFacts} />;
  }
  const { plan } = planning;
  if (!plan) {
    return (
      <StatusIndicator type="loading">{`Reading the selected objects: ${planning.read.toLocaleString('en-US')} of ${selection.keys.length.toLocaleString('en-US')}…`}</StatusIndicator>
    );
  }
  const waiting = waitingForKeys(plan.items).length;
  const consent = awaitingConsent(plan.items).length;
  return (
    <SpaceBetween size="l">
      <PlanCounts counts={plan.counts} />
      {props.permission ? (
        <PermissionCheck bucket={selection.bucket} check={props.permission} usesKmsKey={props.usesKmsKey} />
      ) : (
        !changesAnything(plan.items) && <Alert type="info">Nothing to change: every selected object is already as chosen, or cannot be done.</Alert>
      )}
      {(consent > 0 || props.acceptHiddenMetadata) && (
        <Alert type="warning" header="Settings this browser cannot see">
          <SpaceBetween size="s">
            <span>
              A multipart copy (objects over the copy-size limit) sends every setting again, and any copy sends the website redirect again, since S3
              never copies it; but a browser sees only the headers the bucket's CORS rule exposes. The objects waiting for your consent below may lose
              what it hides.
            </span>
            <Checkbox checked={props.acceptHiddenMetadata} onChange={({ detail }) => props.onAcceptHiddenMetadata(detail.checked)}>
              Copy them anyway, accepting that hidden metadata may be lost
            </Checkbox>
          </SpaceBetween>
        </Alert>
      )}
      {(waiting > 0 || props.sourceKeys.length > 0) && <SourceKeyForm waiting={waiting} given={props.sourceKeys} onKey={props.onSourceKey} />}
      {plan.warnings.map((warning) => (
        <Alert key={warning} type="info">
          {warning}
        </Alert>
      ))}
      {planning.facts?.versioning !== 'Unversioned' && <OlderVersions selection={selection} />}
      <PlanItemsTable items={plan.items} />
    </SpaceBetween>
  );
}
