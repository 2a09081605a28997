import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';

/** Adds a bucket by name; `add` answers why a name was refused. */
export function AddBucketForm({ add }: { add: (typed: string) => string | undefined }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refusal = add(typed);
    setProblem(refusal);
    if (!refusal) setTyped('');
  };
  return (
    <form onSubmit={submit}>
      <FormField errorText={problem}>
        <SpaceBetween direction="horizontal" size="xs">
          <Input
            value={typed}
            onChange={({ detail }) => setTyped(detail.value)}
            placeholder="bucket-name"
            ariaLabel="Bucket name to add"
            spellcheck={false}
            autoComplete={false}
          />
          <Button formAction="submit">Add bucket</Button>
        </SpaceBetween>
      </FormField>
    </form>
  );
}
