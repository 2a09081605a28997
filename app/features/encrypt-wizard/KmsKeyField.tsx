import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { EncryptionChoice } from './encryption-choice.utils';
import type { KmsKeyOption } from './kms-key-options.utils';

export interface KmsKeyFieldProps {
  choice: EncryptionChoice;
  onChange: (choice: EncryptionChoice) => void;
  errorText: string | undefined;
  options: KmsKeyOption[];
  optionsStatus: 'loading' | 'finished' | 'error';
  optionsError?: string;
  region: string;
}

/** A KMS key of the bucket's region: picked from ListKeys/ListAliases, or its ARN typed in. */
export function KmsKeyField({ choice, onChange, errorText, options, optionsStatus, optionsError, region }: KmsKeyFieldProps) {
  const { kmsKey } = choice;
  const picked = kmsKey.source === 'list' ? options.find((option) => option.value === kmsKey.keyArn) : undefined;
  return (
    <SpaceBetween size="s">
      <RadioGroup
        value={kmsKey.source}
        onChange={({ detail }) => onChange({ ...choice, kmsKey: detail.value === 'arn' ? { source: 'arn', text: '' } : { source: 'list' } })}
        items={[
          { value: 'list', label: 'Choose from your AWS KMS keys' },
          { value: 'arn', label: 'Enter an AWS KMS key ARN' },
        ]}
        ariaLabel="How to name the KMS key"
      />
      <FormField label="AWS KMS key" description={`S3 can use only a key of the bucket's region, ${region}.`} errorText={errorText}>
        {kmsKey.source === 'list' ? (
          <Select
            selectedOption={picked ?? null}
            options={options}
            statusType={optionsStatus}
            errorText={optionsError}
            loadingText="Listing KMS keys…"
            placeholder="Choose a KMS key"
            filteringType="auto"
            onChange={({ detail }) => onChange({ ...choice, kmsKey: { source: 'list', keyArn: detail.selectedOption.value } })}
          />
        ) : (
          <Input
            value={kmsKey.text}
            placeholder="arn:aws:kms:REGION:ACCOUNT:key/KEY-ID"
            spellcheck={false}
            onChange={({ detail }) => onChange({ ...choice, kmsKey: { source: 'arn', text: detail.value } })}
            ariaLabel="AWS KMS key ARN"
          />
        )}
      </FormField>
    </SpaceBetween>
  );
}
