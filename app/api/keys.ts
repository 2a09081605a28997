/** Every TanStack Query key the console uses comes from here, so invalidation stays consistent. */
export const queryKeys = {
  all: ['s3'] as const,
  bucket: (bucket: string) => [...queryKeys.all, 'bucket', bucket] as const,
  bucketHead: (bucket: string) => [...queryKeys.bucket(bucket), 'head'] as const,
};
