import { ListObjectsV2Command, type ListObjectsV2CommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { decodeUrlEncodedName } from './url-encoded-names';

/** S3 returns at most 1,000 keys a request, whatever MaxKeys asks. */
const LISTING_PAGE_SIZE = 1000;

export interface ListedObject {
  key: string;
  size?: number;
  lastModified?: Date;
  storageClass?: string;
}

/** One ListObjectsV2 page of a folder: its sub-folders (CommonPrefixes) and its objects. */
export interface ObjectListingPage {
  folders: string[];
  objects: ListedObject[];
  nextContinuationToken?: string;
}

export async function listObjectsPage(s3: S3Client, bucket: string, prefix: string, continuationToken?: string): Promise<ObjectListingPage> {
  const output = await s3.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: prefix,
      Delimiter: '/',
      MaxKeys: LISTING_PAGE_SIZE,
      ContinuationToken: continuationToken,
      // XML 1.0 cannot carry every character a key may hold; URL-encoded names always survive.
      EncodingType: 'url',
    }),
  );
  const decode = nameDecoderOf(output);
  return {
    folders: (output.CommonPrefixes ?? []).flatMap((folder) => (folder.Prefix === undefined ? [] : [decode(folder.Prefix)])),
    objects: listedObjectsOf(output),
    nextContinuationToken: output.IsTruncated ? output.NextContinuationToken : undefined,
  };
}

/** A server that ignores EncodingType says so by not echoing it; its names are then plain. */
export function nameDecoderOf(output: { EncodingType?: string }): (name: string) => string {
  return output.EncodingType === 'url' ? decodeUrlEncodedName : (name) => name;
}

/** The objects of a ListObjectsV2 page asked with EncodingType url. */
export function listedObjectsOf(output: ListObjectsV2CommandOutput): ListedObject[] {
  const decode = nameDecoderOf(output);
  return (output.Contents ?? []).flatMap((object) =>
    object.Key === undefined
      ? []
      : [{ key: decode(object.Key), size: object.Size, lastModified: object.LastModified, storageClass: object.StorageClass }],
  );
}
