import Box from '@cloudscape-design/components/box';
import Icon from '@cloudscape-design/components/icon';
import Link from '@cloudscape-design/components/link';
import type { CSSProperties } from 'react';
import { routeHref } from '../../routing/routes';
import { followInApp } from '../../routing/use-route';
import type { ListingRow } from './objects.utils';

// Keys are shown character for character: runs of spaces, a trailing space, 1,024-byte names.
const LITERAL: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

/** A folder links to its listing, an object to its details; both by URLs that carry the exact key. */
export function ObjectName({ bucket, row }: { bucket: string; row: ListingRow }) {
  if (row.type === 'folder') {
    return (
      <Link href={routeHref({ page: 'objects', bucket, prefix: row.prefix })} onFollow={followInApp}>
        <Icon name="folder" /> <span style={LITERAL}>{row.name}</span>
      </Link>
    );
  }
  return (
    <Link href={routeHref({ page: 'object', bucket, key: row.object.key })} onFollow={followInApp}>
      {row.name === '' ? (
        <Box variant="span" color="text-body-secondary">
          (this folder's own object)
        </Box>
      ) : (
        <span style={LITERAL}>{row.name}</span>
      )}
    </Link>
  );
}
