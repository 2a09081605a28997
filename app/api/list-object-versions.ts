import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AwsClients } from '../aws/clients';
import { useAwsClients } from '../aws/aws-context';
import { isRetryable } from './aws-error';
import { queryKeys } from './keys';
import { nameDecoderOf } from './list-objects';

/** An earlier version of an object, which a re-encryption in place leaves as it was. */
export interface OlderVersion {
  key: string;
  versionId: string;
  lastModified?: Date;
  size?: number;
}

/** Versions kept in a bucket that a copy leaves behind: the non-current ones of the given keys (ListObjectVersions under `prefix`). */
export async function listOlderVersions(clients: AwsClients, bucket: string, prefix: string, keys: ReadonlySet<string>): Promise<OlderVersion[]> {
  const older: OlderVersion[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const output = await clients.s3(clients.regionOf(bucket)).send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker, EncodingType: 'url' }),
    );
    const decode = nameDecoderOf(output);
    for (const version of output.Versions ?? []) {
      const key = version.Key === undefined ? undefined : decode(version.Key);
      if (key === undefined || !keys.has(key) || version.IsLatest || !version.VersionId) continue;
      older.push({ key, versionId: version.VersionId, lastModified: version.LastModified, size: version.Size });
    }
    keyMarker = output.IsTruncated ? output.NextKeyMarker : undefined;
    versionIdMarker = output.IsTruncated ? output.NextVersionIdMarker : undefined;
  } while (keyMarker !== undefined);
  return older;
}

export const olderVersionsQuery = (clients: AwsClients, bucket: string, prefix: string, keys: readonly string[]) =>
  queryOptions({
    queryKey: queryKeys.olderVersions(bucket, prefix, keys),
    queryFn: () => listOlderVersions(clients, bucket, prefix, new Set(keys)),
    retry: (failures, error) => failures < 2 && isRetryable(error),
  });

/** Asked only when the user wants to see them. */
export function useOlderVersions(bucket: string, prefix: string, keys: readonly string[], enabled: boolean) {
  return useQuery({ ...olderVersionsQuery(useAwsClients(), bucket, prefix, keys), enabled });
}
