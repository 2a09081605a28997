import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { ObjectAddress } from '../../domain/s3-object';
import { LineList } from '../../ui/LineList';
import { DisplayRows } from './DisplayRows';
import { userMetadataNotice } from './header-access.utils';
import { checksumRows, objectLockRows, reEncryptionNotes, userMetadataOf } from './object-rows.utils';
import { EntriesTable } from './EntriesTable';
import { ObjectTagsTable } from './ObjectTagsTable';
import type { ReadHead } from './read-head';

/** What CopyObject carries over or drops when the object is re-encrypted in place. Tags do not depend on HeadObject. */
export function PreservationSection({ address, read, placeholder }: { address: ObjectAddress; read?: ReadHead; placeholder: ReactNode }) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Re-encrypting in place copies the object onto itself; S3 keeps some of this on the copy and drops the rest."
        >
          What a re-encryption must preserve
        </Header>
      }
    >
      <SpaceBetween size="l">
        <ColumnLayout columns={2}>
          {read ? (
            <EntriesTable
              title="User metadata"
              entries={userMetadataOf(read.head)}
              description={userMetadataNotice(read.access)}
              empty={
                read.head.MissingMeta ? `S3 holds ${read.head.MissingMeta} entries it cannot send as HTTP headers.` : 'No user metadata visible.'
              }
            />
          ) : (
            placeholder
          )}
          <ObjectTagsTable address={address} />
        </ColumnLayout>
        {read && (
          <DisplayRows columns={3} rows={[...checksumRows(read.head, read.access.canRead), ...objectLockRows(read.head, read.access.canRead)]} />
        )}
        {read && (
          <Box variant="div">
            <Header variant="h3">What S3 does on a copy</Header>
            <LineList lines={reEncryptionNotes(read.head)} />
          </Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
