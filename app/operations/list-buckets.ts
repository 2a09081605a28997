import { ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';

export interface ListedBucket {
  name: string;
  region?: string;
}

/** Every bucket of the account, page by page. On AWS a browser never gets an answer: the service endpoint does not speak CORS. */
export async function listBuckets(s3: S3Client): Promise<ListedBucket[]> {
  const buckets: ListedBucket[] = [];
  let continuationToken: string | undefined;
  do {
    const output = await s3.send(new ListBucketsCommand({ ContinuationToken: continuationToken }));
    for (const bucket of output.Buckets ?? []) {
      if (bucket.Name) buckets.push({ name: bucket.Name, ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}) });
    }
    continuationToken = output.ContinuationToken;
  } while (continuationToken);
  return buckets;
}
