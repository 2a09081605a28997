import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { listedObjectsOf, type ListedObject } from './list-objects';

/**
 * Every object under `prefix`, in every sub-folder: ListObjectsV2 without a
 * delimiter, one page of up to 1,000 keys at a time, following continuation
 * tokens. Stops asking for pages once `signal` is aborted.
 */
export async function* listObjectsRecursive(s3: S3Client, bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<ListedObject[]> {
  let continuationToken: string | undefined;
  do {
    if (signal?.aborted) return;
    const output = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuationToken, EncodingType: 'url' }),
      { abortSignal: signal },
    );
    yield listedObjectsOf(output);
    continuationToken = output.IsTruncated ? output.NextContinuationToken : undefined;
  } while (continuationToken);
}
