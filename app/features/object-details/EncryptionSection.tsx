import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useAwsClients } from '../../aws/aws-context';
import { complianceOf } from '../../domain/compliance';
import type { CustomerKey } from '../../domain/customer-key';
import type { EncryptionReading } from '../../domain/encryption';
import { EncryptionStatus } from '../../ui/EncryptionStatus';
import { CustomerKeyForm } from './CustomerKeyForm';
import { DisplayRows } from './DisplayRows';
import type { KeyPrompt } from './key-prompt.utils';
import { encryptionRows } from './object-rows.utils';
import type { ReadHead } from './read-head';
import { useKmsAlias } from './use-object-details';

export function EncryptionSection({
  bucket,
  read,
  reading,
  keyPrompt,
  onCustomerKey,
}: {
  bucket: string;
  read: ReadHead | undefined;
  reading: EncryptionReading | undefined;
  keyPrompt: KeyPrompt;
  onCustomerKey: (key: CustomerKey) => void;
}) {
  const { config } = useAwsClients();
  const kmsAlias = useKmsAlias(bucket, read?.head.SSEKMSKeyId);
  const compliance = reading && complianceOf(reading, config.policy);
  const status = { label: 'Encryption', value: <EncryptionStatus reading={reading} compliance={compliance} kmsAlias={kmsAlias.alias} /> };
  const rows = read ? encryptionRows(read.head, kmsAlias.text, read.access.canRead) : [];
  // Failures of the request itself are shown once, above the sections.
  const unreadableHeaders =
    reading?.status === 'unreadable' && (reading.reason === 'headers-hidden-by-cors' || reading.reason === 'headers-unverified');
  return (
    <Container header={<Header variant="h2">Server-side encryption settings</Header>}>
      <SpaceBetween size="m">
        <DisplayRows columns={2} leading={[status]} rows={rows} />
        {unreadableHeaders && (
          <Alert type="warning" header="Cannot read the encryption">
            {reading.message}
          </Alert>
        )}
        {keyPrompt.asking && (
          <SpaceBetween size="s">
            <Alert type="info" header="Cannot read without the key">
              The object is encrypted with a customer-provided key (SSE-C). S3 shows its properties only to requests that bring that key: enter it to
              read them.
            </Alert>
            <CustomerKeyForm rejected={keyPrompt.rejected} checking={keyPrompt.checking} onKey={onCustomerKey} />
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
