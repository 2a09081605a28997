import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import { routeHref } from '../../routing/routes';
import { followInApp } from '../../routing/use-route';
import type { BucketEntry, BucketOrigin } from './bucket-list.utils';
import { DefaultEncryptionCell, HeadersReadableCell, RegionCell, SseCBlockedCell, VersioningCell } from './BucketCells';

/** Wide enough that a cell's error code wraps between words, not inside them. */
const STATUS_MIN_WIDTH = 170;

const ORIGIN_LABELS: Record<BucketOrigin, string> = { configured: 'config.json', listed: 'ListBuckets', added: 'Added by you' };

export function bucketColumns(remove: (name: string) => void): TableProps.ColumnDefinition<BucketEntry>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      isRowHeader: true,
      cell: ({ name }) => (
        <Link href={routeHref({ page: 'objects', bucket: name, prefix: '' })} onFollow={followInApp}>
          {name}
        </Link>
      ),
    },
    { id: 'region', minWidth: STATUS_MIN_WIDTH, header: 'Region', cell: (entry) => <RegionCell entry={entry} /> },
    { id: 'encryption', minWidth: STATUS_MIN_WIDTH, header: 'Default encryption', cell: (entry) => <DefaultEncryptionCell entry={entry} /> },
    { id: 'sse-c-blocked', minWidth: STATUS_MIN_WIDTH, header: 'SSE-C blocked', cell: (entry) => <SseCBlockedCell entry={entry} /> },
    { id: 'versioning', minWidth: STATUS_MIN_WIDTH, header: 'Versioning', cell: (entry) => <VersioningCell entry={entry} /> },
    {
      id: 'headers-readable',
      minWidth: STATUS_MIN_WIDTH,
      header: 'Encryption headers readable',
      cell: (entry) => <HeadersReadableCell entry={entry} />,
    },
    {
      id: 'origin',
      header: 'Listed from',
      cell: ({ name, origin }) =>
        origin === 'added' ? (
          <SpaceBetween direction="horizontal" size="xs" alignItems="center">
            {ORIGIN_LABELS.added}
            <Button variant="inline-link" ariaLabel={`Remove ${name}`} onClick={() => remove(name)}>
              Remove
            </Button>
          </SpaceBetween>
        ) : (
          ORIGIN_LABELS[origin]
        ),
    },
  ];
}
