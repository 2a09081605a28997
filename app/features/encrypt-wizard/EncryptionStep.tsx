import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import Toggle from '@cloudscape-design/components/toggle';
import { CustomerKeyField } from './CustomerKeyField';
import type { ChoiceField, EncryptionChoice, EncryptionKindChoice } from './encryption-choice.utils';
import { KmsKeyField, type KmsKeyFieldProps } from './KmsKeyField';

interface EncryptionStepProps {
  choice: EncryptionChoice;
  onChange: (choice: EncryptionChoice) => void;
  errors: Partial<Record<ChoiceField, string>>;
  kmsKey: Omit<KmsKeyFieldProps, 'choice' | 'onChange' | 'errorText'>;
  customerKeyMd5: string | undefined;
  sseCUnavailable: string | undefined;
}

const KIND_TILES: { value: EncryptionKindChoice; label: string; description: string }[] = [
  { value: 'SSE-S3', label: 'SSE-S3', description: 'Server-side encryption with Amazon S3 managed keys.' },
  {
    value: 'SSE-KMS',
    label: 'SSE-KMS',
    description: 'Server-side encryption with an AWS KMS key; UpdateObjectEncryption moves SSE-S3 and SSE-KMS objects without copying data.',
  },
  { value: 'DSSE-KMS', label: 'DSSE-KMS', description: 'Dual-layer server-side encryption with an AWS KMS key (bucket key off).' },
  { value: 'SSE-C', label: 'SSE-C', description: 'Server-side encryption with a key you provide; S3 keeps only its MD5.' },
];

/** Step 1: the encryption every selected object gets. */
export function EncryptionStep({ choice, onChange, errors, kmsKey, customerKeyMd5, sseCUnavailable }: EncryptionStepProps) {
  const tiles = KIND_TILES.map((tile) =>
    tile.value === 'SSE-C' && sseCUnavailable ? { ...tile, disabled: true, description: sseCUnavailable } : tile,
  );
  return (
    <SpaceBetween size="l">
      <FormField label="Encryption type" errorText={errors.kind}>
        <Tiles
          value={choice.kind}
          items={tiles}
          onChange={({ detail }) => onChange({ ...choice, kind: detail.value as EncryptionKindChoice })}
          columns={4}
        />
      </FormField>
      {(choice.kind === 'SSE-KMS' || choice.kind === 'DSSE-KMS') && (
        <KmsKeyField {...kmsKey} choice={choice} onChange={onChange} errorText={errors.kmsKey} />
      )}
      {choice.kind === 'SSE-KMS' && (
        <FormField label="Bucket key" description="Fewer calls to KMS, and lower cost: S3 uses a key derived for the bucket.">
          <Toggle checked={choice.bucketKey} onChange={({ detail }) => onChange({ ...choice, bucketKey: detail.checked })}>
            Use an S3 Bucket Key
          </Toggle>
        </FormField>
      )}
      {choice.kind === 'SSE-C' && <CustomerKeyField choice={choice} onChange={onChange} errors={errors} md5={customerKeyMd5} />}
    </SpaceBetween>
  );
}
