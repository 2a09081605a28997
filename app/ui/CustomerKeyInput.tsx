import Input from '@cloudscape-design/components/input';

/** Where an SSE-C key is typed: masked, never autocompleted or spell-checked (which could send it elsewhere). */
export function CustomerKeyInput({ value, onChange, ariaLabel }: { value: string; onChange: (value: string) => void; ariaLabel?: string }) {
  return (
    <Input
      type="password"
      value={value}
      autoComplete={false}
      spellcheck={false}
      ariaLabel={ariaLabel}
      onChange={({ detail }) => onChange(detail.value)}
    />
  );
}
