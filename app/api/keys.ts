/** Every TanStack Query key the console uses comes from here, so invalidation stays consistent. */
export const queryKeys = {
  all: ['aws'] as const,
  bucketList: () => [...queryKeys.all, 'bucket-list'] as const,
  bucket: (bucket: string) => [...queryKeys.all, 'bucket', bucket] as const,
  bucketHead: (bucket: string) => [...queryKeys.bucket(bucket), 'head'] as const,
  bucketEncryption: (bucket: string) => [...queryKeys.bucket(bucket), 'encryption'] as const,
  bucketVersioning: (bucket: string) => [...queryKeys.bucket(bucket), 'versioning'] as const,
  bucketCors: (bucket: string) => [...queryKeys.bucket(bucket), 'cors'] as const,
  objectList: (bucket: string, prefix: string) => [...queryKeys.bucket(bucket), 'objects', prefix] as const,
  object: (bucket: string, key: string, versionId?: string) => [...queryKeys.bucket(bucket), 'object', key, versionId ?? 'latest'] as const,
  /** `customerKeyId` names an SSE-C key held in memory; the key itself never enters a query key. */
  objectHead: (bucket: string, key: string, versionId?: string, customerKeyId?: string) =>
    [...queryKeys.object(bucket, key, versionId), 'head', customerKeyId ?? 'no-customer-key'] as const,
  objectTagging: (bucket: string, key: string, versionId?: string) => [...queryKeys.object(bucket, key, versionId), 'tagging'] as const,
  kmsAliases: (region: string) => [...queryKeys.all, 'kms', region, 'aliases'] as const,
  kmsKeys: (region: string) => [...queryKeys.all, 'kms', region, 'keys'] as const,
  kmsKey: (region: string, keyId: string) => [...queryKeys.kmsKeys(region), keyId] as const,
  olderVersions: (bucket: string, prefix: string, keys: readonly string[]) => [...queryKeys.bucket(bucket), 'older-versions', prefix, keys] as const,
  /** A dry permission check names the target by its record (an SSE-C key by its MD5), never by the key itself. */
  dryRunCopy: (bucket: string, key: string, target: unknown) => [...queryKeys.object(bucket, key), 'dry-run-copy', target] as const,
};
