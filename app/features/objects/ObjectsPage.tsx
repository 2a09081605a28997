import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useCallback, useDeferredValue, useState, type ReactNode } from 'react';
import type { EncryptionSelection } from '../../domain/selection';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CorsNotice } from './CorsNotice';
import { FlaggedScanStatus } from './FlaggedScanStatus';
import { FolderSummaryPanel } from './FolderSummaryPanel';
import { ObjectActions } from './ObjectActions';
import { ObjectsTable, type TableSelection } from './ObjectsTable';
import { selectionOf } from './selection.utils';
import { useDebouncedValue } from './use-debounced-value';
import { useFlaggedScan } from './use-flagged-scan';
import { useFolderObjects } from './use-folder-objects';
import { useHeaderVisibility } from './use-header-visibility';

const SEARCH_DELAY_MS = 300;

/** A folder of a bucket: its sub-folders and objects with their encryption, and a summary of what was read. */
export function ObjectsPage({
  bucket,
  prefix,
  onEditEncryption,
}: {
  bucket: string;
  prefix: string;
  onEditEncryption: (selection: EncryptionSelection) => void;
}) {
  const [searchText, setSearchText] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const addFlagged = useCallback((keys: string[]) => setSelected((before) => new Set([...before, ...keys])), []);
  const { scan, start, cancel } = useFlaggedScan(bucket, useHeaderVisibility(bucket), addFlagged);
  const actions = (
    <ObjectActions
      selectedCount={selected.size}
      scanning={scan?.status === 'scanning'}
      onEditEncryption={() => onEditEncryption(selectionOf(bucket, prefix, selected))}
      onSelectFlaggedUnderFolder={() => void start(prefix)}
      onClearSelection={() => setSelected(new Set())}
    />
  );
  // S3 filters by prefix only, so the search lists the keys that start with the folder plus the typed text.
  const listingPrefix = prefix + useDebouncedValue(searchText, SEARCH_DELAY_MS);
  const search = (
    <TextFilter
      filteringText={searchText}
      onChange={({ detail }) => setSearchText(detail.filteringText)}
      filteringPlaceholder="Find by prefix"
      filteringAriaLabel="Find objects by prefix"
    />
  );
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={prefix ? `Folder: ${prefix}` : 'Bucket root'}>
          {bucket}
        </Header>
      }
    >
      <FolderView
        key={listingPrefix}
        bucket={bucket}
        folderPrefix={prefix}
        listingPrefix={listingPrefix}
        search={search}
        searchText={searchText}
        flaggedOnly={flaggedOnly}
        onFlaggedOnlyChange={setFlaggedOnly}
        selection={{ selected, onChange: setSelected, actions }}
        scanStatus={<FlaggedScanStatus scan={scan} onCancel={cancel} />}
      />
    </ContentLayout>
  );
}

interface FolderViewProps {
  bucket: string;
  folderPrefix: string;
  listingPrefix: string;
  search: ReactNode;
  searchText: string;
  flaggedOnly: boolean;
  onFlaggedOnlyChange: (flaggedOnly: boolean) => void;
  selection: TableSelection;
  scanStatus: ReactNode;
}

function FolderView(props: FolderViewProps) {
  const folder = useFolderObjects(props.bucket, props.folderPrefix, props.listingPrefix, props.flaggedOnly);
  const { listing } = folder;
  const summary = useDeferredValue(folder.summary);
  return (
    <SpaceBetween size="l">
      <CorsNotice visibility={folder.visibility} />
      {listing.isError && !listing.isFetchNextPageError && (
        <ProblemAlert error={listing.error} header="This folder cannot be listed" onRetry={() => void listing.refetch()} />
      )}
      {listing.isFetchNextPageError && (
        <ProblemAlert error={listing.error} header="The next part of this folder cannot be listed" onRetry={() => void listing.fetchNextPage()} />
      )}
      <FolderSummaryPanel summary={summary} complete={listing.isSuccess && !listing.hasNextPage} />
      {props.scanStatus}
      <ObjectsTable
        bucket={props.bucket}
        folder={folder}
        search={props.search}
        searchText={props.searchText}
        onFlaggedOnlyChange={props.onFlaggedOnlyChange}
        selection={props.selection}
      />
    </SpaceBetween>
  );
}
