import Box from '@cloudscape-design/components/box';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { httpStatusOf } from '../../domain/aws-error';
import { encryptionReadingOf } from '../../api/encryption-reading';
import { useHeadObject } from '../../api/head-object';
import type { CustomerKey } from '../../domain/customer-key';
import type { EncryptionSelection } from '../../domain/selection';
import { EncryptionSection } from './EncryptionSection';
import { FailureAlert } from './FailureAlert';
import { keyPromptOf } from './key-prompt.utils';
import { OverviewSection } from './OverviewSection';
import { PreservationSection } from './PreservationSection';
import { useHeaderAccess } from './use-object-details';

/** Everything S3 tells about one object's encryption, and what re-encrypting it would have to keep. */
interface ObjectDetailsPageProps {
  bucket: string;
  objectKey: string;
  versionId?: string;
  onEditEncryption: (selection: EncryptionSelection) => void;
}

export function ObjectDetailsPage({ bucket, objectKey, versionId, onEditEncryption }: ObjectDetailsPageProps) {
  const address = { bucket, key: objectKey, versionId };
  // The SSE-C key lives in this component's state and customer-key.ts's memory only: a reload forgets it.
  const [customerKey, setCustomerKey] = useState<CustomerKey>();
  const head = useHeadObject(address, customerKey);
  const access = useHeaderAccess(bucket);
  const reading = access && encryptionReadingOf(head, access.encryption, customerKey !== undefined);
  const keyPrompt = keyPromptOf(reading, customerKey !== undefined, head.isFetching && !head.isSuccess);
  const read = head.isSuccess && access ? { head: head.data, access } : undefined;

  const header = (
    <Header
      variant="h1"
      description={versionId ? `${bucket} · version ${versionId}` : bucket}
      actions={
        <ButtonDropdown
          items={[
            {
              id: 'edit-encryption',
              text: 'Edit server-side encryption',
              // A re-encryption changes the current version; an older one stays as it is.
              disabled: versionId !== undefined,
              disabledReason: 'Open the current version: a re-encryption in place changes only the current one.',
            },
          ]}
          onItemClick={() => onEditEncryption({ bucket, keys: [objectKey], prefix: objectKey.slice(0, objectKey.lastIndexOf('/') + 1) })}
        >
          Actions
        </ButtonDropdown>
      }
    >
      <span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{objectKey}</span>
    </Header>
  );
  const failure = head.isError && !keyPrompt.asking && (
    <FailureAlert error={head.error} permission="s3:GetObject" onRetry={() => void head.refetch()} />
  );
  if (httpStatusOf(head.error) === 404) {
    return (
      <SpaceBetween size="l">
        {header}
        {failure}
      </SpaceBetween>
    );
  }

  const placeholder = keyPrompt.asking ? (
    <Box color="text-status-inactive">S3 shows these properties only to requests that bring the object's SSE-C key: enter it above.</Box>
  ) : head.isError ? (
    <Box color="text-status-inactive">Not available: HeadObject failed (see above).</Box>
  ) : (
    <StatusIndicator type="loading">Reading the object's properties…</StatusIndicator>
  );
  return (
    <SpaceBetween size="l">
      {header}
      {failure}
      <EncryptionSection bucket={bucket} read={read} reading={reading} keyPrompt={keyPrompt} onCustomerKey={setCustomerKey} />
      <OverviewSection read={read} placeholder={placeholder} />
      <PreservationSection address={address} read={read} placeholder={placeholder} />
    </SpaceBetween>
  );
}
