import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { useAwsClients } from '../../aws/aws-context';
import { checkCustomerKey, rememberCustomerKey } from '../../domain/customer-key';
import { customerKeyMd5 } from '../../domain/jobs/customer-keys';
import { CustomerKeyInput } from '../../ui/CustomerKeyInput';
import type { NamedCustomerKey } from './source-keys.utils';

interface SourceKeyFormProps {
  waiting: number;
  given: readonly NamedCustomerKey[];
  onKey: (key: NamedCustomerKey) => void;
}

/** Asks for the keys of SSE-C objects, so they can be read and copied; keys stay in memory for the job's life. */
export function SourceKeyForm({ waiting, given, onKey }: SourceKeyFormProps) {
  const clients = useAwsClients();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkCustomerKey(text);
    if (!check.valid) return setProblem(check.problem);
    const key = rememberCustomerKey(text.trim());
    onKey({ key, md5: await customerKeyMd5(key, clients.s3().config.md5) });
    setText('');
  };
  const description = `${waiting.toLocaleString('en-US')} selected ${waiting === 1 ? 'object is' : 'objects are'} encrypted with SSE-C: give ${waiting === 1 ? 'its key' : 'their keys'} to re-encrypt ${waiting === 1 ? 'it' : 'them'}, or leave ${waiting === 1 ? 'it' : 'them'} out.`;
  return (
    <Container
      header={
        <Header variant="h2" description={description}>
          SSE-C keys of the selected objects
        </Header>
      }
    >
      <form onSubmit={(event) => void submit(event)} autoComplete="off">
        <SpaceBetween size="s">
          <FormField
            label="SSE-C key"
            description="Base64 of the 32-byte key the objects were written with. It stays in this tab's memory only."
            errorText={problem}
            secondaryControl={<Button formAction="submit">Use this key</Button>}
          >
            <CustomerKeyInput
              value={text}
              onChange={(value) => {
                setText(value);
                setProblem(undefined);
              }}
              ariaLabel="SSE-C key of selected objects"
            />
          </FormField>
          {given.length > 0 && <div>{`Keys given (by MD5): ${given.map((named) => named.md5).join(', ')}`}</div>}
        </SpaceBetween>
      </form>
    </Container>
  );
}
