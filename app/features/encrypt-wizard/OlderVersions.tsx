import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useOlderVersions } from '../../api/list-object-versions';
import type { EncryptionSelection } from '../../domain/selection';
import { ProblemAlert } from '../../ui/ProblemAlert';

const SHOWN = 20;

/** In a versioned bucket, the earlier versions of the selected objects, which the job leaves as they are. */
export function OlderVersions({ selection }: { selection: EncryptionSelection }) {
  const [asked, setAsked] = useState(false);
  const versions = useOlderVersions(selection.bucket, selection.prefix, selection.keys, asked);
  if (!asked) return <Button onClick={() => setAsked(true)}>List the older versions</Button>;
  if (versions.isPending) return <StatusIndicator type="loading">Listing versions (ListObjectVersions)…</StatusIndicator>;
  if (versions.isError) return <ProblemAlert error={versions.error} header="The versions cannot be listed" onRetry={() => void versions.refetch()} />;
  const older = versions.data;
  return (
    <SpaceBetween size="xs">
      <Box>{`${older.length.toLocaleString('en-US')} older ${older.length === 1 ? 'version' : 'versions'} of the selected objects will stay as they are.`}</Box>
      <ul>
        {older.slice(0, SHOWN).map((version) => (
          <li key={`${version.key}\n${version.versionId}`}>{`${version.key} · version ${version.versionId}`}</li>
        ))}
      </ul>
      {older.length > SHOWN && <Box color="text-status-inactive">{`and ${older.length - SHOWN} more.`}</Box>}
    </SpaceBetween>
  );
}
