import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Toggle from '@cloudscape-design/components/toggle';
import type { ReactNode } from 'react';
import { EncryptionCell } from './EncryptionCell';
import { ObjectName } from './ObjectName';
import { formatSize } from '../../shared/format-size';
import type { ListingRow } from './objects.utils';
import { mergePageSelection, selectedCountText, selectedRowsOf } from './selection.utils';
import type { FolderObjects } from './use-folder-objects';

// One formatter for every cell: building one per call costs more than the rest of the row.
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function emptyText(folder: FolderObjects, searchText: string): string {
  if (folder.listing.isError) return 'Nothing to show: the folder could not be listed.';
  if (folder.flaggedOnly) return `No flagged objects among the ${folder.summary.loaded} loaded objects.`;
  return searchText ? `Nothing in this folder starts with “${searchText}”.` : 'This folder is empty.';
}

/** Objects selected on any page of the table (or found by the flagged search), and the actions on them. */
export interface TableSelection {
  selected: ReadonlySet<string>;
  onChange: (selected: ReadonlySet<string>) => void;
  actions: ReactNode;
}

interface ObjectsTableProps {
  bucket: string;
  folder: FolderObjects;
  search: ReactNode;
  searchText: string;
  onFlaggedOnlyChange: (flaggedOnly: boolean) => void;
  selection: TableSelection;
}

export function ObjectsTable({ bucket, folder, search, searchText, onFlaggedOnlyChange, selection }: ObjectsTableProps) {
  const { listing, pageRows } = folder;
  const counter = `(${folder.shownCount}${folder.openEnd ? '+' : ''})`;
  const columns = [
    { id: 'name', header: 'Name', cell: (row: ListingRow) => <ObjectName bucket={bucket} row={row} />, isRowHeader: true },
    {
      id: 'size',
      header: 'Size',
      cell: (row: ListingRow) => (row.type === 'object' && row.object.size !== undefined ? formatSize(row.object.size) : '-'),
    },
    {
      id: 'lastModified',
      header: 'Last modified',
      minWidth: 180,
      cell: (row: ListingRow) => (row.type === 'object' && row.object.lastModified ? DATE_FORMAT.format(row.object.lastModified) : '-'),
    },
    {
      id: 'storageClass',
      header: 'Storage class',
      cell: (row: ListingRow) => (row.type === 'object' ? (row.object.storageClass ?? 'STANDARD') : '-'),
    },
    {
      id: 'encryption',
      header: 'Encryption',
      minWidth: 240,
      cell: (row: ListingRow) =>
        row.type === 'object' ? (
          <EncryptionCell reading={folder.readings.get(row.object.key)} policy={folder.policy} kmsAliases={folder.kmsAliases} />
        ) : (
          '-'
        ),
    },
  ];
  return (
    <Table
      variant="container"
      wrapLines
      trackBy="id"
      items={pageRows}
      selectionType="multi"
      selectedItems={selectedRowsOf(pageRows, selection.selected)}
      isItemDisabled={(row) => row.type === 'folder'}
      onSelectionChange={({ detail }) => selection.onChange(mergePageSelection(selection.selected, pageRows, detail.selectedItems))}
      ariaLabels={{
        selectionGroupLabel: 'Object selection',
        allItemsSelectionLabel: () => 'Select every object on this page',
        itemSelectionLabel: (_, row) => `Select ${row.name || row.id}`,
      }}
      columnDefinitions={columns}
      loading={listing.isPending || (pageRows.length === 0 && folder.filling)}
      loadingText={folder.flaggedOnly ? 'Reading the encryption of loaded objects…' : 'Listing objects…'}
      empty={<Box color="text-status-inactive">{emptyText(folder, searchText)}</Box>}
      filter={search}
      header={
        <Header
          counter={counter}
          description={
            [
              selection.selected.size > 0 ? `${selectedCountText(selection.selected.size)}.` : '',
              folder.flaggedOnly ? flaggedDescription(folder) : '',
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
          actions={
            <SpaceBetween direction="horizontal" size="m" alignItems="center">
              <Toggle
                checked={folder.flaggedOnly}
                onChange={({ detail }) => {
                  onFlaggedOnlyChange(detail.checked);
                  folder.setPageIndex(1);
                }}
              >
                Show only flagged objects
              </Toggle>
              {selection.actions}
            </SpaceBetween>
          }
        >
          Objects
        </Header>
      }
      footer={folder.filling && pageRows.length > 0 ? <StatusIndicator type="loading">Loading more…</StatusIndicator> : undefined}
      pagination={
        <Pagination
          currentPageIndex={folder.pageIndex}
          pagesCount={folder.pagesCount}
          openEnd={folder.openEnd}
          onChange={({ detail }) => folder.setPageIndex(detail.currentPageIndex)}
          ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }}
        />
      }
    />
  );
}

function flaggedDescription(folder: FolderObjects): string {
  const { checked, loaded } = folder.summary;
  const status = folder.readingsSettled
    ? 'Objects known not to comply with the policy'
    : 'Reading encryption — flagged objects appear as they are found';
  return `${status} (${checked} of ${loaded} loaded objects checked).`;
}
