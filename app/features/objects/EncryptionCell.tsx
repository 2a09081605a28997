import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { CompliancePolicy } from '../../config/app-config';
import { complianceOf } from '../../domain/compliance';
import type { EncryptionReading } from '../../domain/encryption';
import type { KmsAliasNames } from '../../domain/kms-aliases';
import { EncryptionStatus } from '../../ui/EncryptionStatus';

export interface KmsAliasLookup {
  names: KmsAliasNames | undefined;
  /** False while KMS is still being asked; after a refusal the key ARN is shown instead. */
  settled: boolean;
}

export function EncryptionCell({
  reading,
  policy,
  kmsAliases,
}: {
  reading: EncryptionReading | undefined;
  policy: CompliancePolicy;
  kmsAliases: KmsAliasLookup;
}) {
  const keyArn = reading?.status === 'read' ? reading.encryption.kmsKeyArn : undefined;
  const alias = keyArn ? kmsAliases.names?.get(keyArn) : undefined;
  return (
    <SpaceBetween size="xxxs">
      <EncryptionStatus reading={reading} compliance={reading && complianceOf(reading, policy)} kmsAlias={alias} />
      {keyArn && !alias && kmsAliases.settled && (
        <Box variant="small" color="text-body-secondary">
          {keyArn}
        </Box>
      )}
    </SpaceBetween>
  );
}
