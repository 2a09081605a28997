import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import { checkCustomerKey, rememberCustomerKey, type CustomerKey } from '../../domain/customer-key';

/** Asks for an SSE-C key by its MD5; the key stays in memory, never in storage or the journal. */
export function CustomerKeyPrompt({
  keyMd5,
  label,
  onKey,
  problem,
}: {
  keyMd5: string;
  label: string;
  onKey: (key: CustomerKey) => void;
  problem?: string;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const submit = () => {
    const check = checkCustomerKey(text);
    if (!check.valid) return setError(check.problem);
    setError(undefined);
    setText('');
    onKey(rememberCustomerKey(text.trim()));
  };
  return (
    <form onSubmit={(event) => (event.preventDefault(), submit())}>
      <Form actions={<Button formAction="submit">Use this key</Button>}>
        <FormField label={label} description={`Base64 of the 32-byte key whose MD5 is ${keyMd5}.`} errorText={error ?? problem}>
          <Input type="password" value={text} onChange={({ detail }) => setText(detail.value)} />
        </FormField>
      </Form>
    </form>
  );
}
