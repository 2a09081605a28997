import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { PlanItem } from '../../domain/jobs/plan';
import { describeEncryption } from '../../domain/jobs/target-encryption';
import { actionLabel } from './review.utils';

const PAGE_SIZE = 50;

/** What will happen to each object, and why. */
export function PlanItemsTable({ items }: { items: readonly PlanItem[] }) {
  const [pageIndex, setPageIndex] = useState(1);
  const page = items.slice((pageIndex - 1) * PAGE_SIZE, pageIndex * PAGE_SIZE);
  return (
    <Table
      variant="container"
      wrapLines
      trackBy="id"
      items={page}
      header={<Header counter={`(${items.length})`}>Objects</Header>}
      empty={<Box color="text-status-inactive">No objects.</Box>}
      columnDefinitions={[
        {
          id: 'key',
          header: 'Key',
          isRowHeader: true,
          minWidth: 200,
          cell: (item) => <span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{item.key}</span>,
        },
        {
          id: 'before',
          header: 'Current encryption',
          minWidth: 150,
          cell: (item) => (item.before ? describeEncryption(item.before) : 'Could not be read'),
        },
        { id: 'action', header: 'Action', minWidth: 160, cell: (item) => actionLabel(item.action) },
        { id: 'reason', header: 'Why', minWidth: 320, cell: (item) => item.reason },
      ]}
      pagination={
        <Pagination
          currentPageIndex={pageIndex}
          pagesCount={Math.max(1, Math.ceil(items.length / PAGE_SIZE))}
          onChange={({ detail }) => setPageIndex(detail.currentPageIndex)}
          ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }}
        />
      }
    />
  );
}
