import { useObjectTagging } from '../../api/object-tagging';
import type { ObjectAddress } from '../../domain/s3-object';
import { EntriesTable } from './EntriesTable';
import { FailureAlert } from './FailureAlert';

/** Tags come from their own call, so a refusal here leaves the rest of the page untouched. */
export function ObjectTagsTable({ address }: { address: ObjectAddress }) {
  const tagging = useObjectTagging(address);
  return (
    <EntriesTable
      title="Tags"
      entries={tagging.data}
      loading={tagging.isPending}
      empty={
        tagging.isError ? <FailureAlert error={tagging.error} permission="s3:GetObjectTagging" onRetry={() => void tagging.refetch()} /> : 'No tags.'
      }
    />
  );
}
