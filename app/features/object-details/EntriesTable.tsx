import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import type { MetadataEntry } from './object-rows.utils';

/** Key-value pairs as a small table: user metadata and tags look alike. No `entries`: not known (yet); `empty` then says why. */
export function EntriesTable({
  title,
  entries,
  empty,
  description,
  loading = false,
}: {
  title: string;
  entries?: MetadataEntry[];
  empty: ReactNode;
  description?: string;
  loading?: boolean;
}) {
  return (
    <Table
      variant="embedded"
      ariaLabels={{ tableLabel: title }}
      header={
        <Header variant="h3" counter={entries && `(${entries.length})`} description={description}>
          {title}
        </Header>
      }
      items={entries ?? []}
      trackBy="key"
      loading={loading}
      loadingText={`Reading ${title.toLowerCase()}`}
      columnDefinitions={[
        { id: 'key', header: 'Key', cell: (entry) => entry.key },
        { id: 'value', header: 'Value', cell: (entry) => <span style={{ overflowWrap: 'anywhere' }}>{entry.value}</span> },
      ]}
      empty={typeof empty === 'string' ? <Box color="text-status-inactive">{empty}</Box> : empty}
    />
  );
}
