import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import { useState, type FormEvent } from 'react';
import { CustomerKeyInput } from '../../ui/CustomerKeyInput';
import { checkCustomerKey, rememberCustomerKey, type CustomerKey } from '../../domain/customer-key';

const KEY_DOES_NOT_MATCH = 'This key does not match the key the object was encrypted with (S3 answered 403).';

/**
 * Asks for the object's SSE-C key. The key goes from this field to memory
 * (customer-key.ts) and into request headers only: the form never submits to
 * a URL and nothing of it is stored.
 */
export function CustomerKeyForm({ rejected, checking, onKey }: { rejected: boolean; checking: boolean; onKey: (key: CustomerKey) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [submitted, setSubmitted] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkCustomerKey(text);
    setProblem(check.valid ? undefined : check.problem);
    setSubmitted(check.valid);
    if (check.valid) onKey(rememberCustomerKey(text.trim()));
  };

  return (
    <form onSubmit={submit} autoComplete="off">
      <Form
        actions={
          <Button variant="primary" loading={checking}>
            Read with this key
          </Button>
        }
      >
        <FormField
          label="SSE-C key"
          description="Base64 of the 32-byte AES-256 key the object was written with. It stays in this tab's memory only: never in the URL, browser storage or logs."
          errorText={problem ?? (submitted && rejected ? KEY_DOES_NOT_MATCH : undefined)}
        >
          <CustomerKeyInput
            value={text}
            onChange={(value) => {
              setText(value);
              setProblem(undefined);
              setSubmitted(false);
            }}
          />
        </FormField>
      </Form>
    </form>
  );
}
