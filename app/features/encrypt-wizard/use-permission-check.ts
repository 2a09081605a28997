import { useQuery } from '@tanstack/react-query';
import { dryRunCopy } from '../../operations/dry-run-copy';
import { queryKeys } from '../../api/keys';
import { useAwsClients } from '../../aws/aws-context';
import type { NamedCustomerKey } from './source-keys.utils';
import type { PlanItem } from '../../domain/jobs/plan';
import { recordOfTarget, type TargetEncryption } from '../../domain/jobs/target-encryption';

/**
 * Issue #5's dry check before a job starts: one in-place CopyObject of a
 * selected object that cannot match its ETag, so S3 says whether the role may
 * write it with the chosen encryption and changes nothing.
 */
export function usePermissionCheck(candidate: PlanItem | undefined, target: TargetEncryption | undefined, sourceKeys: readonly NamedCustomerKey[]) {
  const clients = useAwsClients();
  const sourceKey = sourceKeys.find((named) => named.md5 === candidate?.sourceCustomerKeyMd5)?.key;
  return useQuery({
    queryKey: queryKeys.dryRunCopy(candidate?.bucket ?? '', candidate?.key ?? '', target && recordOfTarget(target)),
    queryFn: () => dryRunCopy(clients.s3(candidate!.region), { bucket: candidate!.bucket, key: candidate!.key }, target!, sourceKey),
    enabled: candidate !== undefined && target !== undefined,
    retry: false,
    staleTime: Infinity,
    // The function holds an SSE-C key: nothing of it outlives the review.
    gcTime: 0,
  });
}
