import { useEffect, useMemo, useState } from 'react';
import { useKmsAliases } from '../../api/kms-aliases';
import { useListObjects } from '../../api/list-objects';
import { useAwsClients } from '../../aws/aws-context';
import { isFlagged } from '../../domain/compliance';
import { summarizeReadings } from './folder-summary.utils';
import { keysToRead, listingRows, nextLoad, objectRowsOf, pagesCountOf, rowsToShow, tablePageOf, TABLE_PAGE_SIZE } from './objects.utils';
import { useEncryptionReadings } from './use-encryption-readings';

/**
 * A folder's listing (ListObjectsV2 pages loaded as the table needs them) and
 * the encryption of the objects on screen, plus, for the flagged filter, of
 * loaded objects read one table page at a time until the page fills.
 */
export function useFolderObjects(bucket: string, folderPrefix: string, listingPrefix: string, flaggedOnly: boolean) {
  const clients = useAwsClients();
  const { policy } = clients.config;
  const listing = useListObjects(bucket, listingPrefix);
  const [pageIndex, setPageIndex] = useState(1);
  const [scanned, setScanned] = useState(0);
  const [readBefore, setReadBefore] = useState<ReadonlySet<string>>(() => new Set());

  const rows = useMemo(() => listingRows(listing.data?.pages ?? [], folderPrefix), [listing.data, folderPrefix]);
  const objects = useMemo(() => objectRowsOf(rows), [rows]);
  const keys = useMemo(
    () => keysToRead(objects, readBefore, flaggedOnly ? [] : tablePageOf(rows, pageIndex), flaggedOnly ? scanned : 0),
    [objects, readBefore, rows, pageIndex, flaggedOnly, scanned],
  );
  const { visibility, readings } = useEncryptionReadings(bucket, keys);

  // Objects read once stay counted in the summary after the table moves on (state adjusted while rendering: one step,
  // since the keys to read already hold those read before).
  if (!keys.every((key) => readBefore.has(key))) setReadBefore(new Set(keys));

  const isKeyFlagged = (key: string) => {
    const reading = readings.get(key);
    return reading !== undefined && isFlagged(reading, policy);
  };
  const shown = rowsToShow(rows, flaggedOnly, isKeyFlagged);
  const readingsSettled = keys.every((key) => readings.get(key) !== undefined);
  const hasNextListingPage = listing.hasNextPage;
  const load = nextLoad({
    pageIndex,
    shownRows: shown.length,
    flaggedOnly,
    scanned,
    loadedObjects: objects.length,
    readingsSettled,
    hasNextListingPage,
  });
  const { fetchNextPage, isFetchingNextPage, isFetchNextPageError } = listing;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one table page per commit, so the readings of each page start before the next is scanned
    if (load === 'scan-more') setScanned((count) => Math.min(count + TABLE_PAGE_SIZE, objects.length));
    // After a failed page, only the user's retry asks again.
    if (load === 'next-listing-page' && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [load, objects.length, scanned, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const usesKms = [...readings.values()].some((r) => r?.status === 'read' && r.encryption.kmsKeyArn !== undefined);
  const aliases = useKmsAliases(clients.regionOf(bucket), usesKms);

  return {
    listing,
    visibility,
    readings,
    policy,
    kmsAliases: { names: aliases.data, settled: !aliases.isPending },
    rows,
    shownCount: shown.length,
    pageRows: tablePageOf(shown, pageIndex),
    summary: summarizeReadings(
      objects.length,
      keys.map((key) => readings.get(key)),
      policy,
    ),
    /** More rows may come: another listing page, or loaded objects not yet read for the flagged filter. */
    openEnd: hasNextListingPage || (flaggedOnly && scanned < objects.length),
    /** The table page is not full yet but rows are on their way. */
    filling: shown.length < pageIndex * TABLE_PAGE_SIZE && (load !== 'none' || isFetchingNextPage || (flaggedOnly && !readingsSettled)),
    readingsSettled,
    pageIndex,
    pagesCount: pagesCountOf(shown.length),
    setPageIndex,
    flaggedOnly,
  };
}

export type FolderObjects = ReturnType<typeof useFolderObjects>;
