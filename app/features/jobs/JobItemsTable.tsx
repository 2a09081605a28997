import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ITEM_STATES, type ItemRecord } from '../../domain/jobs/job-records';
import { describeEncryption } from '../../domain/jobs/target-encryption';
import { ITEM_STATE_LABELS, pageOfItems, type StateFilter } from './job-view.utils';

const PAGE_SIZE = 50;

const FILTER_OPTIONS = [
  { value: 'all', label: 'All states' },
  ...ITEM_STATES.map((state) => ({ value: state, label: ITEM_STATE_LABELS[state].text })),
];

/** Each object of the job and its state, live, a page at a time. */
export function JobItemsTable({ items }: { items: readonly ItemRecord[] }) {
  const [filter, setFilter] = useState<StateFilter>('all');
  const [pageIndex, setPageIndex] = useState(1);
  const page = pageOfItems(items, filter, pageIndex, PAGE_SIZE);
  return (
    <Table
      header={<Header counter={`(${page.matching})`}>Objects</Header>}
      variant="container"
      wrapLines
      items={page.rows}
      trackBy={(item) => item.plan.id}
      filter={
        <Select
          inlineLabelText="State"
          selectedOption={FILTER_OPTIONS.find((option) => option.value === filter) ?? FILTER_OPTIONS[0]}
          options={FILTER_OPTIONS}
          onChange={({ detail }) => {
            setFilter(detail.selectedOption.value as StateFilter);
            setPageIndex(1);
          }}
        />
      }
      pagination={
        <Pagination currentPageIndex={page.pageIndex} pagesCount={page.pagesCount} onChange={({ detail }) => setPageIndex(detail.currentPageIndex)} />
      }
      empty={<Box textAlign="center">No objects in this state.</Box>}
      columnDefinitions={[
        { id: 'key', header: 'Object', minWidth: 220, cell: (item) => `${item.plan.bucket}/${item.plan.key}` },
        {
          id: 'state',
          header: 'State',
          minWidth: 160,
          cell: (item) => <StatusIndicator type={ITEM_STATE_LABELS[item.state].type}>{ITEM_STATE_LABELS[item.state].text}</StatusIndicator>,
        },
        {
          id: 'before',
          header: 'Encryption before',
          minWidth: 130,
          cell: (item) => (item.plan.before ? describeEncryption(item.plan.before) : 'Unknown'),
        },
        { id: 'after', header: 'Encryption after', minWidth: 130, cell: (item) => (item.after ? describeEncryption(item.after) : '') },
        {
          id: 'message',
          header: 'Details',
          minWidth: 320,
          cell: (item) => (item.errorCode ? `${item.errorCode}: ${item.message ?? ''}` : (item.message ?? '')),
        },
      ]}
    />
  );
}
