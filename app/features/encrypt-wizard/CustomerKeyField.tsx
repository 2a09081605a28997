import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { generateCustomerKeyBase64 } from './customer-key.utils';
import type { ChoiceField, EncryptionChoice } from './encryption-choice.utils';

interface CustomerKeyFieldProps {
  choice: EncryptionChoice;
  onChange: (choice: EncryptionChoice) => void;
  errors: Partial<Record<ChoiceField, string>>;
  md5: string | undefined;
}

/**
 * The SSE-C key: generated in this browser or pasted. It stays in this tab's
 * memory; the user must keep it, since S3 keeps only its MD5.
 */
export function CustomerKeyField({ choice, onChange, errors, md5 }: CustomerKeyFieldProps) {
  return (
    <SpaceBetween size="m">
      <FormField
        label="Customer-provided key"
        description="Base64 of 32 random bytes (AES-256). It is never stored by the console: save it somewhere safe before you go on."
        errorText={errors.customerKey}
        secondaryControl={
          <Button onClick={() => onChange({ ...choice, customerKeyText: generateCustomerKeyBase64(), customerKeySaved: false })}>
            Generate a key
          </Button>
        }
      >
        <Input
          value={choice.customerKeyText}
          spellcheck={false}
          autoComplete={false}
          onChange={({ detail }) => onChange({ ...choice, customerKeyText: detail.value, customerKeySaved: false })}
          ariaLabel="Customer-provided key (base64)"
        />
      </FormField>
      {md5 && (
        <FormField label="Key MD5" description="How S3 names this key in HeadObject answers; the report and the job's journal name it the same way.">
          <Box variant="code">{md5}</Box>
        </FormField>
      )}
      <FormField errorText={errors.customerKeySaved}>
        <Checkbox checked={choice.customerKeySaved} onChange={({ detail }) => onChange({ ...choice, customerKeySaved: detail.checked })}>
          I have saved this key. Without it, neither I nor S3 can read these objects again.
        </Checkbox>
      </FormField>
    </SpaceBetween>
  );
}
