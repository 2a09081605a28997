import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { httpStatusOf, toAwsProblem } from '../../domain/aws-error';
import { headObjectQuery } from '../../api/head-object';
import { listObjectsRecursive } from '../../operations/list-objects-recursive';
import { useAwsClients } from '../../aws/aws-context';
import { classifyEncryptionHeaders, classifyHeadFailure, type HeaderVisibility } from '../../domain/encryption';
import { scanOutcomeOf, type FlaggedScan, type ScanFailure } from './selection.utils';

const HEAD_BATCH = 60;

/**
 * Finds every flagged object under a folder, in every sub-folder and across
 * listing pages: ListObjectsV2 without a delimiter, then HeadObject for each
 * key through the shared limiter and query cache (the wizard plans from the
 * same answers), retried as every HeadObject query is. A HeadObject that
 * still fails is counted and shown as failed, never as checked.
 * `onFlagged` gets the keys as they are found; cancel() stops.
 */
export function useFlaggedScan(bucket: string, visibility: HeaderVisibility | undefined, onFlagged: (keys: string[]) => void) {
  const clients = useAwsClients();
  const queryClient = useQueryClient();
  const [scan, setScan] = useState<FlaggedScan>();
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (prefix: string) => {
      if (!visibility) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const counts = { listed: 0, checked: 0, flagged: 0, unknown: 0 };
      const failures: ScanFailure[] = [];
      const report = (status: FlaggedScan['status'], problem?: string) => setScan({ status, prefix, ...counts, failures: [...failures], problem });
      report('scanning');
      try {
        for await (const objects of listObjectsRecursive(clients.s3(clients.regionOf(bucket)), bucket, prefix, abort.signal)) {
          counts.listed += objects.length;
          report('scanning');
          // A batch at a time, so a cancel stops the HEADs too, not only the listing.
          for (let start = 0; start < objects.length && !abort.signal.aborted; start += HEAD_BATCH) {
            const flagged = await Promise.all(
              objects.slice(start, start + HEAD_BATCH).map(async ({ key }) => {
                const reading = await queryClient.fetchQuery(headObjectQuery(clients, { bucket, key })).then(
                  (head) => ({ headFailed: false, reading: classifyEncryptionHeaders(head, visibility) }),
                  (error: unknown) => ({ headFailed: true, reading: classifyHeadFailure(httpStatusOf(error), false, toAwsProblem(error).message) }),
                );
                const outcome = scanOutcomeOf(reading.reading, reading.headFailed, clients.config.policy);
                if (outcome === 'failed') {
                  failures.push({ key, message: reading.reading.status === 'unreadable' ? reading.reading.message : 'HeadObject failed.' });
                  return undefined;
                }
                counts.checked++;
                if (outcome === 'unknown') counts.unknown++;
                return outcome === 'flagged' ? key : undefined;
              }),
            );
            const found = flagged.filter((key) => key !== undefined);
            counts.flagged += found.length;
            onFlagged(found);
            report('scanning');
          }
        }
        report(abort.signal.aborted ? 'cancelled' : 'done');
      } catch (error) {
        report(abort.signal.aborted ? 'cancelled' : 'failed', toAwsProblem(error).message);
      }
    },
    [bucket, clients, queryClient, visibility, onFlagged],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { scan, start, cancel };
}
