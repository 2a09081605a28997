import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { toAwsProblem } from '../../domain/aws-error';
import { useBucketCors } from '../../api/bucket-cors';
import { useBucketEncryption } from '../../api/bucket-encryption';
import { useBucketVersioning } from '../../api/bucket-versioning';
import { useHeadBucket } from '../../api/head-bucket';
import { useKmsAliases } from '../../api/kms-aliases';
import { useAwsClients } from '../../aws/aws-context';
import { encryptionHeaderVisibility } from '../../domain/cors-visibility';
import {
  bucketProblem,
  defaultEncryptionLabel,
  defaultKeyAlias,
  HEADERS_READABLE_LABELS,
  needsAliasLookup,
  sseCBlockedLabel,
  versioningLabel,
} from './bucket-cells.utils';
import type { BucketEntry } from './bucket-list.utils';
import { CellProblem } from './CellProblem';

/** Each cell runs its own query, so one failing call marks one cell and the rest of the row still loads. */
function QueryCell<T>({ entry, query, children }: { entry: BucketEntry; query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <StatusIndicator type="loading">Loading</StatusIndicator>;
  if (query.isError) {
    const problem = bucketProblem(toAwsProblem(query.error), window.location.origin, entry.origin === 'listed');
    return <CellProblem problem={problem} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

export function RegionCell({ entry }: { entry: BucketEntry }) {
  return (
    <QueryCell entry={entry} query={useHeadBucket(entry.name)}>
      {(head) => head.region}
    </QueryCell>
  );
}

/** Until KMS names the key (or when it may not), the key id or ARN stands in for the alias. */
export function DefaultEncryptionCell({ entry }: { entry: BucketEntry }) {
  const encryption = useBucketEncryption(entry.name);
  const keyId = encryption.data?.kmsMasterKeyId;
  // S3 takes a default KMS key only from the bucket's own region, so that region's aliases name it.
  const aliases = useKmsAliases(useAwsClients().regionOf(entry.name), needsAliasLookup(keyId));
  return (
    <QueryCell entry={entry} query={encryption}>
      {(data) => defaultEncryptionLabel(data, defaultKeyAlias(keyId, aliases.data))}
    </QueryCell>
  );
}

export function SseCBlockedCell({ entry }: { entry: BucketEntry }) {
  return (
    <QueryCell entry={entry} query={useBucketEncryption(entry.name)}>
      {sseCBlockedLabel}
    </QueryCell>
  );
}

export function VersioningCell({ entry }: { entry: BucketEntry }) {
  return (
    <QueryCell entry={entry} query={useBucketVersioning(entry.name)}>
      {versioningLabel}
    </QueryCell>
  );
}

/** Whether this console, from its own origin, may read the encryption headers of the bucket's objects. */
export function HeadersReadableCell({ entry }: { entry: BucketEntry }) {
  const cors = useBucketCors(entry.name);
  const problem = cors.isError ? toAwsProblem(cors.error) : undefined;
  // A role may read objects without being allowed s3:GetBucketCORS: the bucket works, only the answer is unknown.
  if (problem?.code === 'AccessDenied') {
    return <CellProblem problem={problem} type="warning" label={HEADERS_READABLE_LABELS.unverified} onRetry={() => void cors.refetch()} />;
  }
  return (
    <QueryCell entry={entry} query={cors}>
      {(rules) => {
        const visibility = encryptionHeaderVisibility(rules, window.location.origin);
        return <StatusIndicator type={visibility === 'exposed' ? 'success' : 'warning'}>{HEADERS_READABLE_LABELS[visibility]}</StatusIndicator>;
      }}
    </QueryCell>
  );
}
