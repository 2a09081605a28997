import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { DisplayRows } from './DisplayRows';
import { overviewRows } from './object-rows.utils';
import type { ReadHead } from './read-head';

/** `placeholder` stands in for the rows while HeadObject has not answered. */
export function OverviewSection({ read, placeholder }: { read?: ReadHead; placeholder: ReactNode }) {
  return (
    <Container header={<Header variant="h2">Object overview</Header>}>
      {read ? <DisplayRows columns={3} rows={overviewRows(read.head, read.access.canRead)} /> : placeholder}
    </Container>
  );
}
